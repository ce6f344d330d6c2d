/** The benchmark's HTTP client, as an officer's UI sends: GETs, and JSON POSTs with a fresh Idempotency-Key. */
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

/** GETs `path` as the bearer of `token` and answers the parsed JSON; fails on anything but a 2xx. */
export async function get(baseUrl: string, path: string, token: string): Promise<unknown> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}
