/**
 * Every call the pages make to the API: same origin, the signed-in person's bearer token, a fresh Idempotency-Key on
 * each POST, and problem+json answers turned into `ApiProblem`, whose field errors the forms show beside the field.
 */
import { currentToken } from '../auth';

/** One bad field as the API names it (`determination.meetingDate`, `submission.party.identifier`, `(body)`). */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** An answer of problem+json (RFC 9457) as this API writes it (api/http/errors.ts). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: readonly FieldError[],
    readonly body: Record<string, unknown>,
  ) {
    super(detail);
  }
}

/** Sends a request to the API and answers its JSON; a problem answer throws `ApiProblem`. */
export async function apiCall<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const token = currentToken();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method === 'POST') headers['idempotency-key'] = crypto.randomUUID();
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!res.ok) {
    throw new ApiProblem(
      res.status,
      String(json.title ?? res.statusText),
      String(json.detail ?? '请求未成功'),
      Array.isArray(json.errors) ? (json.errors as FieldError[]) : [],
      json,
    );
  }
  return json as T;
}

/** A case number as a path segment. */
export const casePath = (caseNumber: string): string => `/cases/${encodeURIComponent(caseNumber)}`;
