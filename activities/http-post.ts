import { ApplicationFailure } from '@temporalio/activity';

import { DELIVERY_TEXTS } from '../domain/texts';

/** Where a production transport or store sends its requests, and how it proves who it is. */
export interface HttpEndpoint {
  readonly url: string;
  readonly token?: string;
  readonly timeoutMs?: number;
}

/**
 * A key as an HTTP header carries it: case numbers are the office's (宛纪容〔2026〕12号), and a header holds only
 * visible ASCII, so every other character (and `%` itself) is percent-encoded (UTF-8). Keys of ASCII case numbers are unchanged, so a
 * delivery retried across an upgrade keeps its key. The receiver decodes it (`decodeURIComponent`).
 */
export function headerSafe(key: string): string {
  return key.replace(/[^\x21-\x24\x26-\x7e]/gu, (c) => encodeURIComponent(c));
}

/**
 * POSTs JSON with an `Idempotency-Key`, so that the receiver keeps one copy per key however often the activity
 * retries. A 4xx other than 408 and 429 means the request itself is refused: retrying cannot help, so the failure
 * is non-retryable and names `refusedType`; a 5xx, a timeout, a dropped connection or a redirect (never followed)
 * is thrown as a plain error for the activity's retry policy.
 */
export async function postIdempotent(
  endpoint: HttpEndpoint,
  key: string,
  body: unknown,
  refusedType: string,
): Promise<Response> {
  const res = await fetch(endpoint.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': headerSafe(key),
      ...(endpoint.token ? { authorization: `Bearer ${endpoint.token}` } : {}),
    },
    body: JSON.stringify(body),
    // A redirect would carry the bearer token and the notice to wherever the answer points; the configured URL is
    // the only receiver.
    redirect: 'error',
    signal: AbortSignal.timeout(endpoint.timeoutMs ?? 10_000),
  });
  if (res.ok) return res;
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
    // The message goes into the case's timeline, which officers read; the address and key stay in the details.
    throw ApplicationFailure.create({
      message: DELIVERY_TEXTS.receiverRefused(res.status),
      type: refusedType,
      nonRetryable: true,
      details: [{ url: endpoint.url, status: res.status, key }],
    });
  }
  throw new Error(`${endpoint.url} answered ${res.status} for ${key}`);
}
