/**
 * A stand-in for the city's identity provider, for processes started from `dist/` against a Temporal server of
 * their own (benchmark, reliability and cluster runs), where development mode is refused: an ES256 key pair kept
 * under the run's data directory, its public half as the JWKS file the API verifies with (AUTH_MODE=jwt), and
 * tokens for the demo users signed with the private half.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { SignJWT, exportJWK, exportPKCS8, generateKeyPair, importPKCS8 } from 'jose';

import { DEMO_USERS } from '../../api/auth';

const ISSUER = 'urn:tolerance-cases:test-issuer';
const AUDIENCE = 'tolerance-cases-api';
const ALGORITHM = 'ES256';

const files = (dir: string) => ({
  jwks: path.join(dir, 'test-issuer-jwks.json'),
  key: path.join(dir, 'test-issuer-key.pem'),
});

/** Makes the issuer's key pair under `dir` (once) and returns the API's AUTH_* variables that trust it. */
export async function testIssuerEnv(dir: string): Promise<Record<string, string>> {
  const { jwks, key } = files(dir);
  if (!existsSync(key)) {
    mkdirSync(dir, { recursive: true });
    const pair = await generateKeyPair(ALGORITHM, { extractable: true });
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-1', alg: ALGORITHM, use: 'sig' };
    writeFileSync(jwks, JSON.stringify({ keys: [jwk] }));
    writeFileSync(key, await exportPKCS8(pair.privateKey), { mode: 0o600 });
  }
  return { AUTH_MODE: 'jwt', AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE, AUTH_JWKS_FILE: jwks };
}

/** A token for each demo user, by `sub`, signed by the issuer under `dir`; each lives 12 hours. */
export async function testIssuerTokens(dir: string): Promise<Record<string, string>> {
  const privateKey = await importPKCS8(readFileSync(files(dir).key, 'utf8'), ALGORITHM);
  const entries = await Promise.all(
    DEMO_USERS.map(async (u) => {
      const claims = {
        role: u.role,
        ...(u.body ? { body: u.body } : {}),
        ...(u.level ? { level: u.level } : {}),
        ...(u.identifier ? { identifier: u.identifier } : {}),
        ...(u.unit ? { unit: u.unit } : {}),
      };
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT', kid: 'test-1' })
        .setSubject(u.sub)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('12h')
        .sign(privateKey);
      return [u.sub, token] as const;
    }),
  );
  return Object.fromEntries(entries);
}
