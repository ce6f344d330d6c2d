/**
 * Development mode: an ES256 key pair lives only in this process, tokens for the demo users are signed with it,
 * and verification uses the very verifier production uses, so nothing about authentication is skipped locally.
 */
import { SignJWT, generateKeyPair } from 'jose';
import type { CryptoKey } from 'jose';

import { CITY_LEVEL } from '../../domain/org-tree';
import { DEMO_USERS } from './demo-users';
import type { Principal } from './principal';
import type { TokenVerifier } from './verifier';
import { createJwtVerifier } from './verifier';

export const DEV_ISSUER = 'urn:tolerance-cases:dev';
export const DEV_AUDIENCE = 'tolerance-cases-api';
/**
 * The audience of the development codec cookie: the codec server accepts it, the API's bearer authentication does
 * not, so a cookie that leaks opens the Web UI's decoding and nothing else.
 */
export const DEV_CODEC_AUDIENCE = 'tolerance-cases-codec';
const DEV_ALGORITHM = 'ES256';

export interface DemoToken {
  readonly sub: string;
  readonly role: Principal['role'];
  readonly body: Principal['body'] | null;
  /** The officer's level in the organisation tree; null for applicants and operators, absent claim = the city. */
  readonly level: string | null;
  readonly name?: string;
  readonly token: string;
}

/** A demo user as `GET /dev/tokens` lists them, with `token` signed for them. */
export function demoToken(u: Principal, token: string): DemoToken {
  return {
    sub: u.sub,
    role: u.role,
    body: u.body ?? null,
    level: u.body ? (u.level ?? CITY_LEVEL) : null,
    ...(u.name ? { name: u.name } : {}),
    token,
  };
}

export interface MintOptions {
  /** A jose time span such as `8h` or `-1m`, or seconds since the epoch; 8 hours by default. */
  readonly expiresIn?: string | number;
  readonly issuer?: string;
  readonly audience?: string;
}

export interface DevelopmentAuth {
  readonly verifier: TokenVerifier;
  /** Verifies codec-session tokens (audience DEV_CODEC_AUDIENCE) only. */
  readonly codecVerifier: TokenVerifier;
  /** Signs a token for any principal, for tests and tools; the demo users go through `demoTokens`. */
  mint(principal: Principal, options?: MintOptions): Promise<string>;
  /** Fresh tokens for every demo user: minted on each call so that a long-running server never hands out stale ones. */
  demoTokens(): Promise<readonly DemoToken[]>;
}

async function sign(key: CryptoKey, p: Principal, options: MintOptions): Promise<string> {
  const claims = {
    role: p.role,
    ...(p.body ? { body: p.body } : {}),
    ...(p.level ? { level: p.level } : {}),
    ...(p.name ? { name: p.name } : {}),
    ...(p.identifier ? { identifier: p.identifier } : {}),
    ...(p.unit ? { unit: p.unit } : {}),
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: DEV_ALGORITHM, typ: 'JWT' })
    .setSubject(p.sub)
    .setIssuer(options.issuer ?? DEV_ISSUER)
    .setAudience(options.audience ?? DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(key);
}

/** Generates the in-memory key pair and returns a verifier and token minting over it. */
export async function createDevelopmentAuth(): Promise<DevelopmentAuth> {
  const { privateKey, publicKey } = await generateKeyPair(DEV_ALGORITHM);
  const verifier = createJwtVerifier({
    key: publicKey,
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    algorithms: [DEV_ALGORITHM],
  });
  const codecVerifier = createJwtVerifier({
    key: publicKey,
    issuer: DEV_ISSUER,
    audience: DEV_CODEC_AUDIENCE,
    algorithms: [DEV_ALGORITHM],
  });
  const mint = (p: Principal, options: MintOptions = {}): Promise<string> => sign(privateKey, p, options);
  return {
    verifier,
    codecVerifier,
    mint,
    demoTokens: () => Promise.all(DEMO_USERS.map(async (u) => demoToken(u, await mint(u)))),
  };
}
