/**
 * Authentication settings come from the AUTH_* variables, validated once at start-up like `config/env.ts`: every
 * bad variable is listed in one error. Key material is read here too, so an unreadable key file stops start-up
 * instead of failing the first request.
 */
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

import type { JSONWebKeySet } from 'jose';
import { z } from 'zod';

import { failConfig, isLoopbackHost } from '../../config/env';

/** Asymmetric algorithms only: a shared secret would let every verifier mint tokens, and `none` verifies nothing. */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;

export type KeySource =
  | { readonly kind: 'jwksUrl'; readonly url: URL }
  | { readonly kind: 'publicKey'; readonly pem: string; readonly file: string }
  | { readonly kind: 'jwks'; readonly jwks: JSONWebKeySet; readonly file: string };

export type AuthConfig =
  | { readonly mode: 'development' }
  | {
      readonly mode: 'jwt';
      readonly issuer: string;
      readonly audience: string;
      readonly algorithms: readonly string[];
      readonly clockToleranceSeconds: number;
      /** The longest a token may live, from `iat` to `exp` and from `iat` to now. */
      readonly maxTokenAgeSeconds: number;
      readonly keys: KeySource;
    };

/** How the process was started; only `npm start`'s embedded setup may default to development mode. */
export interface AuthStartup {
  /** True for `npm start` running its own Temporal dev server (no TEMPORAL_ADDRESS). */
  readonly embedded?: boolean;
}

const optionalText = z
  .string()
  .trim()
  .transform((s) => s || undefined)
  .optional();

const schema = z
  .object({
    NODE_ENV: z.string().optional(),
    /** Read here too: development mode hands out tokens to anyone, so only a loopback API may run it. */
    HOST: z.string().default('127.0.0.1'),
    TEMPORAL_ADDRESS: optionalText,
    AUTH_MODE: z.enum(['jwt', 'development']).optional(),
    AUTH_ISSUER: optionalText,
    AUTH_AUDIENCE: optionalText,
    AUTH_ALGORITHMS: z
      .string()
      .default('RS256,ES256,EdDSA')
      .transform((s) => s.split(',').map((a) => a.trim()))
      .pipe(z.array(z.enum(ASYMMETRIC_ALGORITHMS)).min(1)),
    AUTH_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
    /** A working day and a half: an officer's sign-in lasts a day, a stolen token not for years. */
    AUTH_MAX_TOKEN_AGE_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(7 * 24 * 3600)
      .default(12 * 3600),
    AUTH_JWKS_URL: z
      .url()
      .refine((u) => {
        const url = new URL(u);
        // Keys fetched in clear text could be swapped on the way, so plain http is only for a local test issuer.
        return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
      }, 'an https URL (plain http only on localhost)')
      .optional(),
    AUTH_PUBLIC_KEY_FILE: optionalText,
    AUTH_JWKS_FILE: optionalText,
  })
  .superRefine((env, ctx) => {
    const mode = env.AUTH_MODE ?? 'jwt';
    if (mode === 'development') {
      const refusal = developmentRefusal(env);
      if (refusal) ctx.addIssue({ code: 'custom', path: ['AUTH_MODE'], message: refusal });
      return;
    }
    for (const name of ['AUTH_ISSUER', 'AUTH_AUDIENCE'] as const) {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'required when AUTH_MODE=jwt' });
    }
    const sources = (['AUTH_JWKS_URL', 'AUTH_PUBLIC_KEY_FILE', 'AUTH_JWKS_FILE'] as const).filter((n) => env[n]);
    if (sources.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_JWKS_URL'],
        message: `exactly one of AUTH_JWKS_URL, AUTH_PUBLIC_KEY_FILE, AUTH_JWKS_FILE when AUTH_MODE=jwt (found ${sources.length})`,
      });
    }
  });

/**
 * Why development mode (tokens for every demo user to anyone who asks) is refused for this environment, or
 * undefined when it may run: never in production, never on an address beyond this machine, never against a
 * Temporal server the API did not start itself.
 */
function developmentRefusal(env: { NODE_ENV?: string; HOST: string; TEMPORAL_ADDRESS?: string }): string | undefined {
  if (env.NODE_ENV === 'production') return 'development is refused when NODE_ENV=production';
  if (!isLoopbackHost(env.HOST)) {
    return `development is refused when the API listens beyond loopback (HOST=${env.HOST}); set AUTH_MODE=jwt and AUTH_*`;
  }
  if (env.TEMPORAL_ADDRESS) {
    return 'development is refused against a Temporal server of its own (TEMPORAL_ADDRESS is set); set AUTH_MODE=jwt and AUTH_*';
  }
  return undefined;
}

const jwksSchema = z.object({ keys: z.array(z.looseObject({ kty: z.string() })).min(1) });

function readKeys(name: string, file: string, parse: (text: string) => KeySource): KeySource {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return failConfig([`${name}: cannot read ${file}: ${(err as Error).message}`]);
  }
  try {
    return parse(text);
  } catch (err) {
    return failConfig([`${name}: ${file}: ${(err as Error).message}`]);
  }
}

/**
 * Reads and validates the AUTH_* variables from `env` (the process environment by default). The mode is `jwt`
 * unless AUTH_MODE says otherwise, except for `npm start`'s embedded setup (`startup.embedded`), which defaults to
 * development; development mode is refused in production, beyond loopback and against a separate Temporal.
 *
 * @throws ConfigError listing every bad variable, or naming the key file that cannot be read or parsed.
 */
export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env, startup: AuthStartup = {}): AuthConfig {
  const defaulted = !env.AUTH_MODE && startup.embedded && env.NODE_ENV !== 'production';
  const parsed = schema.safeParse(defaulted ? { ...env, AUTH_MODE: 'development' } : env);
  if (!parsed.success) failConfig(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const c = parsed.data;
  const mode = c.AUTH_MODE ?? 'jwt';
  if (mode === 'development') return { mode };

  let keys: KeySource;
  if (c.AUTH_JWKS_URL) keys = { kind: 'jwksUrl', url: new URL(c.AUTH_JWKS_URL) };
  else if (c.AUTH_PUBLIC_KEY_FILE) {
    const file = c.AUTH_PUBLIC_KEY_FILE;
    keys = readKeys('AUTH_PUBLIC_KEY_FILE', file, (pem) => {
      if (!pem.includes('-----BEGIN PUBLIC KEY-----')) throw new Error('not a PEM SPKI public key');
      createPublicKey(pem);
      return { kind: 'publicKey', pem, file };
    });
  } else {
    const file = c.AUTH_JWKS_FILE as string;
    keys = readKeys('AUTH_JWKS_FILE', file, (text) => {
      const jwks = jwksSchema.safeParse(JSON.parse(text));
      if (!jwks.success) throw new Error('not a JWKS document ({"keys": [...]})');
      return { kind: 'jwks', jwks: jwks.data as JSONWebKeySet, file };
    });
  }
  return {
    mode,
    issuer: c.AUTH_ISSUER as string,
    audience: c.AUTH_AUDIENCE as string,
    algorithms: c.AUTH_ALGORITHMS,
    clockToleranceSeconds: c.AUTH_CLOCK_TOLERANCE_SECONDS,
    maxTokenAgeSeconds: c.AUTH_MAX_TOKEN_AGE_SECONDS,
    keys,
  };
}
