/** The benchmark's HTTP client: JSON POSTs with a bearer token and a fresh Idempotency-Key, as an officer's UI sends. */
import { randomUUID } from 'node:crypto';

/** POSTs `body` and fails on anything but a 2xx, so a figure never counts refused requests. */
export async function post(baseUrl: string, path: string, token: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}
