/**
 * The city's identity provider, over HTTP: a real OpenID Connect provider (oidc-provider) on 127.0.0.1 issues JWT
 * access tokens by the authorization code flow with PKCE, and the API stack in jwt mode (AUTH_ISSUER, AUTH_AUDIENCE,
 * AUTH_JWKS_URL pointing at it) acts on them as on any token; tokens of another issuer, or meant for another
 * audience, are refused. The browser walk of the same sign-in is test/browser/oidc-sign-in.test.ts.
 */
import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';

import { createAuthentication } from '../../api/auth';
import { loadAuthConfig } from '../../config/auth';
import type { Answer, Stack } from '../helpers/api';
import { request, startStack } from '../helpers/api';
import { application } from '../helpers/cases';
import { codeFlow, LoginRefused } from '../helpers/oidc-provider/code-flow';
import type { OidcProvider } from '../helpers/oidc-provider';
import { DEMO_PASSWORD, demoAccounts, startOidcProvider } from '../helpers/oidc-provider';

const AUDIENCE = 'urn:tolerance-cases:api';
const CLIENT_ID = 'tolerance-workbench';
const REDIRECT_URI = 'http://127.0.0.1:1/app/signed-in';

let provider: OidcProvider;
let stack: Stack;

beforeAll(async () => {
  provider = await startOidcProvider({
    clientId: CLIENT_ID,
    redirectUris: [REDIRECT_URI],
    postLogoutRedirectUris: ['http://127.0.0.1:1/'],
    audience: AUDIENCE,
    accounts: demoAccounts(),
  });
  const config = loadAuthConfig({
    AUTH_MODE: 'jwt',
    AUTH_ISSUER: provider.issuer,
    AUTH_AUDIENCE: AUDIENCE,
    AUTH_JWKS_URL: provider.jwksUrl,
    AUTH_OIDC_CLIENT_ID: CLIENT_ID,
  });
  stack = await startStack({ authentication: await createAuthentication(config) });
});

afterAll(async () => {
  await stack?.stop();
  await provider?.stop();
});

const signIn = (login: string, password = DEMO_PASSWORD) =>
  codeFlow({
    issuer: provider.issuer,
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    scopes: ['openid', 'profile'],
    login,
    password,
  });

const bearer = (method: 'GET' | 'POST', url: string, token: string, body?: unknown): Promise<Answer> =>
  request(stack, method, url, body, { headers: { authorization: `Bearer ${token}` } });

test('the workbench learns the issuer, its client id and the scopes from GET /auth/config, without a token', async () => {
  const res = await fetch(`${stack.baseUrl}/auth/config`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({
    mode: 'oidc',
    issuer: provider.issuer,
    clientId: CLIENT_ID,
    scopes: ['openid', 'profile'],
  });
  // The workbench's page may fetch from the provider, and from nowhere else.
  expect(res.headers.get('content-security-policy')).toContain(`connect-src 'self' ${provider.issuer}`);
  const page = await fetch(`${stack.baseUrl}/app/work`);
  expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' ${provider.issuer};`);
});

test('an applicant signed in at the provider applies about themself with its access token, and an officer sees the case', async () => {
  const applicant = await signIn('applicant.li');
  expect(decodeProtectedHeader(applicant.accessToken).typ).toBe('at+jwt');
  expect(decodeJwt(applicant.accessToken)).toMatchObject({
    iss: provider.issuer,
    aud: AUDIENCE,
    sub: 'applicant.li',
    role: 'applicant',
    identifier: '11010519491231002X',
  });
  const applied = await bearer('POST', '/cases', applicant.accessToken, { submission: application() });
  expect(applied.status).toBe(201);
  const caseNumber = applied.body?.caseNumber as string;

  const officer = await signIn('officer.dc');
  expect(decodeJwt(officer.accessToken)).toMatchObject({ role: 'caseOfficer', body: 'disciplineCommission' });
  const read = await bearer('GET', `/cases/${encodeURIComponent(caseNumber)}`, officer.accessToken);
  expect(read.status).toBe(200);
  // Another body's officer, mapped by the provider to the organisation department, is kept out of it.
  const other = await signIn('officer.od');
  expect((await bearer('GET', `/cases/${encodeURIComponent(caseNumber)}`, other.accessToken)).status).toBe(404);
});

test('a wrong password is refused at the provider, and no code is issued', async () => {
  await expect(signIn('officer.dc', 'wrong')).rejects.toEqual(new LoginRefused(401));
  await expect(signIn('nobody')).rejects.toEqual(new LoginRefused(401));
});

test('a token of another issuer, or the ID token meant for the workbench, is refused with 401', async () => {
  // Another issuer's token with every claim the API reads and the API's own audience.
  const { privateKey } = await generateKeyPair('RS256');
  const foreign = await new SignJWT({ role: 'caseOfficer', body: 'disciplineCommission' })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'city-idp-1' })
    .setSubject('officer.dc')
    .setIssuer('https://idp.other-city.example')
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(privateKey);
  const refused = await bearer('GET', '/cases', foreign);
  expect(refused.status).toBe(401);
  expect(refused.headers.get('www-authenticate')).toContain('error="invalid_token"');
  // The same, claiming to be the trusted issuer but signed with a key not in its key set.
  const forged = await new SignJWT({ role: 'caseOfficer', body: 'disciplineCommission' })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'city-idp-1' })
    .setSubject('officer.dc')
    .setIssuer(provider.issuer)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(privateKey);
  expect((await bearer('GET', '/cases', forged)).status).toBe(401);
  // The ID token is the provider's own, signed with its key, but addressed to the workbench, not the API.
  const { idToken, accessToken } = await signIn('officer.dc');
  expect((await bearer('GET', '/cases', idToken)).status).toBe(401);
  expect((await bearer('GET', '/cases', accessToken)).status).toBe(200);
});
