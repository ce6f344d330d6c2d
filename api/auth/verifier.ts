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

/** Builds a verifier over one key or key set. Tokens must carry `exp` and `sub`. */
export function createJwtVerifier(options: JwtVerifierOptions): TokenVerifier {
  const verifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    algorithms: [...options.algorithms],
    clockTolerance: options.clockToleranceSeconds ?? 5,
    requiredClaims: ['exp', 'sub'],
  };
  const key = options.key;
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, verifyOptions);
        return principalFromClaims(payload);
      } catch (err) {
        throw classify(err);
      }
    },
  };
}
