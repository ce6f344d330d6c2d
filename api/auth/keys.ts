/** Where verification keys come from in `jwt` mode: a remote JWKS, a local JWKS file, or one PEM public key. */
import { createLocalJWKSet, createRemoteJWKSet, importSPKI } from 'jose';
import type { CryptoKey, JWTVerifyGetKey } from 'jose';

import type { KeySource } from '../../config/auth';
import { TokenError } from './verifier';

/**
 * A PEM key imported once per algorithm a token names; jose has already refused algorithms outside the allowed
 * list before it asks for the key.
 */
function pemKey(pem: string): JWTVerifyGetKey {
  const imported = new Map<string, Promise<CryptoKey>>();
  return async (header) => {
    let key = imported.get(header.alg);
    if (!key) {
      key = importSPKI(pem, header.alg);
      imported.set(header.alg, key);
    }
    try {
      return await key;
    } catch (err) {
      // An algorithm that does not fit the key type (RS256 against an EC key) is the token's fault.
      throw new TokenError('invalid', { cause: err });
    }
  };
}

/** Resolves a key source from the configuration into something jose's `jwtVerify` accepts. */
export function verificationKey(source: KeySource): JWTVerifyGetKey {
  switch (source.kind) {
    case 'jwksUrl':
      // Rotated keys appear within the cooldown; a slow issuer fails fast rather than holding requests.
      return createRemoteJWKSet(source.url, { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    case 'jwks':
      return createLocalJWKSet(source.jwks);
    case 'publicKey':
      return pemKey(source.pem);
  }
}
