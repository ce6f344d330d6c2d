/** Field types several configuration modules share. */
import { z } from 'zod';

/** A TCP port, from its decimal text. */
export const port = z.coerce.number().int().min(1).max(65535);

/** Host names that never leave this machine, as a URL's `hostname` or a listen address spells them. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** True when `host` (a URL hostname or a listen address) is this machine's loopback. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase());
}

/**
 * An https URL, or plain http to a loopback host, where the tests' stand-ins listen: names, units, outcomes and
 * signing keys travel in these requests, and in clear text they could be read or swapped on the way.
 */
export const secureUrl = z.url().refine((u) => {
  if (!URL.canParse(u)) return false;
  const url = new URL(u);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}, 'an https URL (plain http only on localhost)');

/** A comma-separated list, trimmed, empty entries dropped. */
export function commaList(defaultValue: string) {
  return z
    .string()
    .default(defaultValue)
    .transform((v) =>
      v
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean),
    );
}
