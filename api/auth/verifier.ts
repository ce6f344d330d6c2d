/**
 * The one path every token takes, in development and production alike: jose checks signature, algorithm, issuer,
 * audience and expiry, then the claims must describe a known role.
 */
import { errors, jwtVerify } from 'jose';
import type { CryptoKey, JWTVerifyGetKey, KeyObject } from 'jose';
import { ZodError } from 'zod';

import type { Principal } from './principal';
import { principalFromClaims } from './principal';

/** Why a token was refused; the middleware maps each reason to a status and a terse description. */
export type TokenFailure = 'missing' | 'invalid' | 'expired' | 'unavailable';

export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(
    readonly reason: TokenFailure,
    options?: { cause?: unknown },
  ) {
    super(`token ${reason}`, options);
  }
}

/** Establishes a principal from a compact JWT. */
export interface TokenVerifier {
  /** @throws TokenError */
  verify(token: string): Promise<Principal>;
}

export interface JwtVerifierOptions {
  readonly key: CryptoKey | KeyObject | JWTVerifyGetKey;
  readonly issuer: string;
  readonly audience: string;
  readonly algorithms: readonly string[];
  readonly clockToleranceSeconds?: number;
  /** The longest a token may live (from `iat` to `exp`, and from `iat` to now); 12 hours by default. */
  readonly maxTokenAgeSeconds?: number;
}

/** Twelve hours: the default of AUTH_MAX_TOKEN_AGE_SECONDS, and what development tokens must fit in. */
export const DEFAULT_MAX_TOKEN_AGE_SECONDS = 12 * 3600;

/**
 * The token types an access token may declare (RFC 8725 §3.11, RFC 9068): a generic JWT or a JWT access token,
 * compared case-insensitively without the optional `application/` prefix. An ID token or a logout token signed by
 * the same issuer declares another type and is refused.
 */
const ACCEPTED_TYPES = new Set(['jwt', 'at+jwt']);

function typeAccepted(typ: unknown): boolean {
  return typeof typ === 'string' && ACCEPTED_TYPES.has(typ.toLowerCase().replace(/^application\//, ''));
}

function classify(err: unknown): TokenError {
  if (err instanceof TokenError) return err;
  if (err instanceof errors.JWTExpired) return new TokenError('expired', { cause: err });
  // A key set that cannot be fetched or read says nothing about the token; calling the token invalid would make
  // clients throw away good credentials.
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid) {
    return new TokenError('unavailable', { cause: err });
  }
  if (err instanceof errors.JOSEError || err instanceof ZodError) return new TokenError('invalid', { cause: err });
  // What is left comes from outside jose's checks, above all a failed fetch of a remote key set.
  return new TokenError('unavailable', { cause: err });
}

/**
 * Builds a verifier over one key or key set. Tokens must carry `exp`, `iat` and `sub`, declare the type `JWT` or
 * `at+jwt`, and live no longer than the maximum age: a token issued for ten years is refused on its first use.
 */
export function createJwtVerifier(options: JwtVerifierOptions): TokenVerifier {
  const maxAge = options.maxTokenAgeSeconds ?? DEFAULT_MAX_TOKEN_AGE_SECONDS;
  const verifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    algorithms: [...options.algorithms],
    clockTolerance: options.clockToleranceSeconds ?? 5,
    requiredClaims: ['exp', 'iat', 'sub'],
    maxTokenAge: maxAge,
  };
  const key = options.key;
  return {
    async verify(token) {
      try {
        const { payload, protectedHeader } = await jwtVerify(token, key, verifyOptions);
        if (!typeAccepted(protectedHeader.typ)) throw new TokenError('invalid');
        // jose bounds the age since `iat`; a lifetime beyond the bound is refused too, or a token that lives ten
        // years would pass while fresh.
        if ((payload.exp as number) - (payload.iat as number) > maxAge) throw new TokenError('invalid');
        return principalFromClaims(payload);
      } catch (err) {
        throw classify(err);
      }
    },
  };
}
