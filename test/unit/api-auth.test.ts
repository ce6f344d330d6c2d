import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import express from 'express';
import { SignJWT, UnsecuredJWT, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import type { CryptoKey } from 'jose';

import type { Authentication, DevelopmentAuth, Principal } from '../../api/auth';
import { DEMO_USERS, authenticate, createAuthentication, devTokensRouter } from '../../api/auth';
import { loadAuthConfig } from '../../config/auth';
import { problemHandler } from '../../api/http/errors';
import { principalOf } from '../../api/http/locals';
import type { Listening } from '../helpers/listen';
import { listen } from '../helpers/listen';

const officer: Principal = { sub: 'officer.dc', role: 'caseOfficer', body: 'disciplineCommission' };

function appFor(auth: Authentication): express.Express {
  const app = express();
  if (auth.development) app.use(devTokensRouter(auth.development));
  app.use(authenticate(auth.verifier));
  app.get('/me', (_req, res) => {
    res.json(principalOf(res));
  });
  app.use(problemHandler);
  return app;
}

async function me(base: string, authorization?: string) {
  const res = await fetch(`${base}/me`, { headers: authorization ? { authorization } : {} });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    www: res.headers.get('www-authenticate'),
    body: (await res.json()) as any,
  };
}

function configMessage(env: NodeJS.ProcessEnv): string {
  try {
    loadAuthConfig(env);
    return '';
  } catch (err) {
    return (err as Error).message;
  }
}

describe('development mode', () => {
  let auth: Authentication;
  let dev: DevelopmentAuth;
  let http: Listening;

  beforeAll(async () => {
    auth = await createAuthentication(loadAuthConfig({}, { embedded: true }));
    dev = auth.development as DevelopmentAuth;
    http = await listen(appFor(auth));
  });
  afterAll(() => http.close());

  test('GET /dev/tokens hands out a working token for every demo user', async () => {
    const res = await fetch(`${http.baseUrl}/dev/tokens`);
    const { users } = (await res.json()) as {
      users: { sub: string; role: string; body: string | null; token: string }[];
    };
    expect(users.map((u) => u.sub)).toEqual(DEMO_USERS.map((u) => u.sub));
    expect(users).toContainEqual(
      expect.objectContaining({ sub: 'officer.od', role: 'caseOfficer', body: 'organizationDepartment' }),
    );
    expect(users).toContainEqual(expect.objectContaining({ sub: 'applicant.li', role: 'applicant', body: null }));
    for (const u of users) {
      const answer = await me(http.baseUrl, `Bearer ${u.token}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ sub: u.sub, role: u.role, ...(u.body ? { body: u.body } : {}) });
    }
  });

  test.each([
    ['wrong issuer', { issuer: 'urn:someone-else' }],
    ['wrong audience', { audience: 'another-api' }],
  ])('%s: 401 invalid token', async (_name, options) => {
    const answer = await me(http.baseUrl, `Bearer ${await dev.mint(officer, options)}`);
    expect(answer).toMatchObject({ status: 401, type: expect.stringContaining('application/problem+json') });
    expect(answer.body).toMatchObject({ status: 401, detail: 'invalid token' });
    expect(answer.www).toBe('Bearer realm="tolerance-cases", error="invalid_token", error_description="invalid token"');
  });

  test('an expired token: 401 token expired', async () => {
    const token = await dev.mint(officer, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    const answer = await me(http.baseUrl, `Bearer ${token}`);
    expect(answer).toMatchObject({ status: 401, body: { detail: 'token expired' } });
    expect(answer.www).toContain('error_description="token expired"');
  });

  test('a missing token: 401 with a bare Bearer challenge', async () => {
    const answer = await me(http.baseUrl);
    expect(answer).toMatchObject({ status: 401, body: { detail: '缺少 Bearer 令牌' } });
    expect(answer.www).toBe('Bearer realm="tolerance-cases"');
  });

  test.each(['Basic b2ZmaWNlcjpwdw==', 'Bearer', 'Bearer not a token', 'Bearer abc.def.ghi'])(
    'a malformed Authorization header (%s): 401 invalid token',
    async (header) => {
      expect(await me(http.baseUrl, header)).toMatchObject({ status: 401, body: { detail: 'invalid token' } });
    },
  );

  test('HS256 and unsigned tokens are refused whatever they claim', async () => {
    const claims = { role: 'caseOfficer', body: 'disciplineCommission' };
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('officer.dc')
      .setIssuer('urn:tolerance-cases:dev')
      .setAudience('tolerance-cases-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a shared secret of at least thirty-two bytes'));
    const unsigned = new UnsecuredJWT(claims)
      .setSubject('officer.dc')
      .setIssuer('urn:tolerance-cases:dev')
      .setAudience('tolerance-cases-api')
      .setExpirationTime('1h')
      .encode();
    for (const token of [hs256, unsigned]) {
      expect(await me(http.baseUrl, `Bearer ${token}`)).toMatchObject({
        status: 401,
        body: { detail: 'invalid token' },
      });
    }
  });

  test('claims must describe a known role with the right handling body', async () => {
    const bad = [
      { sub: 'x', role: 'caseOfficer' },
      { sub: 'x', role: 'applicant', body: 'partyCommittee' },
      { sub: 'x', role: 'superuser', body: 'partyCommittee' },
      { sub: 'x', role: 'caseOfficer', body: 'cityHall' },
    ] as unknown as Principal[];
    for (const p of bad) {
      expect(await me(http.baseUrl, `Bearer ${await dev.mint(p)}`)).toMatchObject({ status: 401 });
    }
    const operator = await me(http.baseUrl, `Bearer ${await dev.mint({ sub: 'op', role: 'operator' })}`);
    expect(operator).toMatchObject({ status: 200, body: { sub: 'op', role: 'operator' } });
  });
});

describe('jwt mode', () => {
  const issuer = 'https://idp.example.gov.cn';
  const audience = 'tolerance-cases-api';
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'auth-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sign = (
    key: CryptoKey,
    alg: string,
    claims: Record<string, unknown> = { role: 'approvingLeader', body: 'partyCommittee' },
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg, typ: 'JWT' })
      .setSubject('leader.pc')
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);

  test('a PEM public key file verifies the tokens of its private key and nothing else', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const file = path.join(dir, 'issuer.pem');
    writeFileSync(file, await exportSPKI(publicKey));
    const auth = await createAuthentication(
      loadAuthConfig({ AUTH_MODE: 'jwt', AUTH_ISSUER: issuer, AUTH_AUDIENCE: audience, AUTH_PUBLIC_KEY_FILE: file }),
    );
    expect(auth.development).toBeUndefined();
    const http = await listen(appFor(auth));
    try {
      const ok = await me(http.baseUrl, `Bearer ${await sign(privateKey, 'RS256')}`);
      expect(ok).toMatchObject({
        status: 200,
        body: { sub: 'leader.pc', role: 'approvingLeader', body: 'partyCommittee' },
      });

      const other = await generateKeyPair('RS256');
      expect(await me(http.baseUrl, `Bearer ${await sign(other.privateKey, 'RS256')}`)).toMatchObject({ status: 401 });
      // An allowed algorithm that does not fit the configured key.
      const ec = await generateKeyPair('ES256');
      expect(await me(http.baseUrl, `Bearer ${await sign(ec.privateKey, 'ES256')}`)).toMatchObject({ status: 401 });
      // The dev tokens route is not there in jwt mode.
      expect((await fetch(`${http.baseUrl}/dev/tokens`)).status).toBe(401);
    } finally {
      await http.close();
    }
  });

  test('a local JWKS file selects the key by kid', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const file = path.join(dir, 'jwks.json');
    writeFileSync(
      file,
      JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }] }),
    );
    const auth = await createAuthentication(
      loadAuthConfig({ AUTH_MODE: 'jwt', AUTH_ISSUER: issuer, AUTH_AUDIENCE: audience, AUTH_JWKS_FILE: file }),
    );
    const token = await new SignJWT({ role: 'applicant' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' })
      .setIssuedAt()
      .setSubject('applicant.zhao')
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime('10m')
      .sign(privateKey);
    await expect(auth.verifier.verify(token)).resolves.toEqual({ sub: 'applicant.zhao', role: 'applicant' });
  });

  test('an unreachable JWKS endpoint answers 503, not 401: the token may well be good', async () => {
    const closed = await listen(express());
    await closed.close();
    const auth = await createAuthentication(
      loadAuthConfig({
        AUTH_MODE: 'jwt',
        AUTH_ISSUER: issuer,
        AUTH_AUDIENCE: audience,
        AUTH_JWKS_URL: `${closed.baseUrl}/jwks`,
      }),
    );
    const { privateKey } = await generateKeyPair('ES256');
    const http = await listen(appFor(auth));
    try {
      const answer = await me(http.baseUrl, `Bearer ${await sign(privateKey, 'ES256')}`);
      expect(answer).toMatchObject({ status: 503, body: { title: 'Authentication unavailable' } });
    } finally {
      await http.close();
    }
  });
});

describe('configuration', () => {
  test('development is the default only for npm start with its embedded Temporal', () => {
    expect(loadAuthConfig({}, { embedded: true })).toEqual({ mode: 'development' });
    expect(loadAuthConfig({ NODE_ENV: 'test' }, { embedded: true })).toEqual({ mode: 'development' });
    expect(configMessage({ NODE_ENV: 'development' })).toMatch(/^ {2}AUTH_ISSUER: required when AUTH_MODE=jwt/m);
  });

  test('production requires jwt settings and lists every missing one in one error', () => {
    const message = configMessage({ NODE_ENV: 'production' });
    expect(message).toMatch(/^bad configuration in the environment:\n/);
    for (const name of ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL'])
      expect(message).toMatch(new RegExp(`^  ${name}: `, 'm'));
  });

  test('production refuses development mode', () => {
    expect(configMessage({ NODE_ENV: 'production', AUTH_MODE: 'development' })).toMatch(
      /^ {2}AUTH_MODE: development is refused/m,
    );
  });

  test('bad values are each named', () => {
    const message = configMessage({
      AUTH_MODE: 'jwt',
      AUTH_ISSUER: 'i',
      AUTH_AUDIENCE: 'a',
      AUTH_ALGORITHMS: 'ES256,HS256',
      AUTH_JWKS_URL: 'http://idp.example.com/jwks',
      AUTH_CLOCK_TOLERANCE_SECONDS: 'soon',
    });
    for (const name of ['AUTH_ALGORITHMS', 'AUTH_JWKS_URL', 'AUTH_CLOCK_TOLERANCE_SECONDS']) {
      expect(message).toMatch(new RegExp(`^  ${name}`, 'm'));
    }
  });

  test('two key sources at once are refused, and an unreadable key file is named', () => {
    const base = { AUTH_MODE: 'jwt', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' };
    expect(configMessage({ ...base, AUTH_JWKS_URL: 'https://idp/jwks', AUTH_JWKS_FILE: '/x.json' })).toMatch(
      /exactly one of/,
    );
    expect(configMessage({ ...base, AUTH_PUBLIC_KEY_FILE: '/nonexistent/key.pem' })).toMatch(
      /AUTH_PUBLIC_KEY_FILE: cannot read/,
    );
  });

  test('the workbench signs in by OpenID Connect only with a client id and an https issuer asking for openid', () => {
    const base = { AUTH_MODE: 'jwt', AUTH_AUDIENCE: 'a', AUTH_JWKS_URL: 'https://idp/jwks' };
    expect(loadAuthConfig({ ...base, AUTH_ISSUER: 'https://idp.city.gov.cn' })).not.toHaveProperty('oidc');
    expect(
      loadAuthConfig({ ...base, AUTH_ISSUER: 'https://idp.city.gov.cn', AUTH_OIDC_CLIENT_ID: 'workbench' }),
    ).toMatchObject({
      oidc: { issuer: 'https://idp.city.gov.cn', clientId: 'workbench', scopes: ['openid', 'profile'] },
    });
    expect(
      loadAuthConfig({
        ...base,
        AUTH_ISSUER: 'https://idp.city.gov.cn',
        AUTH_OIDC_CLIENT_ID: 'workbench',
        AUTH_OIDC_SCOPES: 'openid, profile cases',
      }),
    ).toMatchObject({ oidc: { scopes: ['openid', 'profile', 'cases'] } });
    expect(configMessage({ ...base, AUTH_ISSUER: 'urn:city:idp', AUTH_OIDC_CLIENT_ID: 'workbench' })).toMatch(
      /^ {2}AUTH_ISSUER: an https URL/m,
    );
    expect(configMessage({ ...base, AUTH_ISSUER: 'http://idp.city.gov.cn', AUTH_OIDC_CLIENT_ID: 'workbench' })).toMatch(
      /^ {2}AUTH_ISSUER: an https URL/m,
    );
    expect(
      configMessage({
        ...base,
        AUTH_ISSUER: 'https://idp.city.gov.cn',
        AUTH_OIDC_CLIENT_ID: 'workbench',
        AUTH_OIDC_SCOPES: 'profile',
      }),
    ).toMatch(/^ {2}AUTH_OIDC_SCOPES: must include openid/m);
  });

  test('the algorithm list defaults to RS256, ES256 and EdDSA', () => {
    const config = loadAuthConfig({
      AUTH_MODE: 'jwt',
      AUTH_ISSUER: 'i',
      AUTH_AUDIENCE: 'a',
      AUTH_JWKS_URL: 'https://idp/jwks',
    });
    expect(config).toMatchObject({ mode: 'jwt', algorithms: ['RS256', 'ES256', 'EdDSA'] });
  });
});
