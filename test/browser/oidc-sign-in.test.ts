/**
 * Production sign-in in a real browser: the workbench, served by an API in jwt mode that trusts a real OpenID
 * Connect provider (oidc-provider on 127.0.0.1), hands over to the provider's login form, comes back signed in with
 * the account's role, loads its 待办 from the API with the provider's access token, and signs out of both.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

import type { Browser } from 'playwright-core';

import { createAuthentication } from '../../api/auth';
import { loadAuthConfig } from '../../config/auth';
import type { Stack } from '../helpers/api';
import { eventually, request, startStack } from '../helpers/api';
import { cspViolations, launchBrowser, openPage, seriousViolations } from '../helpers/browser';
import { application } from '../helpers/cases';
import type { OidcProvider } from '../helpers/oidc-provider';
import { DEMO_PASSWORD, demoAccounts, startOidcProvider } from '../helpers/oidc-provider';
import { codeFlow } from '../helpers/oidc-provider/code-flow';

const AUDIENCE = 'urn:tolerance-cases:api';
const CLIENT_ID = 'tolerance-workbench';

let provider: OidcProvider;
let stack: Stack;
let browser: Browser;

/** A port free now, for the API: the provider must know the workbench's redirect address before the API starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  const workbench = `http://127.0.0.1:${port}`;
  [provider, browser] = await Promise.all([
    startOidcProvider({
      clientId: CLIENT_ID,
      redirectUris: [`${workbench}/app/signed-in`],
      postLogoutRedirectUris: [`${workbench}/`],
      audience: AUDIENCE,
      accounts: demoAccounts(),
    }),
    launchBrowser(),
  ]);
  const config = loadAuthConfig({
    AUTH_MODE: 'jwt',
    AUTH_ISSUER: provider.issuer,
    AUTH_AUDIENCE: AUDIENCE,
    AUTH_JWKS_URL: provider.jwksUrl,
    AUTH_OIDC_CLIENT_ID: CLIENT_ID,
  });
  stack = await startStack({ port, authentication: await createAuthentication(config) });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await provider?.stop();
});

test('an officer signs in at the identity provider, sees their 待办 from the API, signs out of both, and an expired sign-in goes back to the sign-in page', async () => {
  // A case awaiting the discipline commission's case officer, applied for with the provider's token of an applicant.
  const applicant = await codeFlow({
    issuer: provider.issuer,
    clientId: CLIENT_ID,
    redirectUri: `${stack.baseUrl}/app/signed-in`,
    scopes: ['openid', 'profile'],
    login: 'applicant.li',
    password: DEMO_PASSWORD,
  });
  const applied = await request(
    stack,
    'POST',
    '/cases',
    { submission: application() },
    { headers: { authorization: `Bearer ${applicant.accessToken}` } },
  );
  expect(applied.status).toBe(201);
  const caseNumber = applied.body?.caseNumber as string;
  // The case officer's acceptance is open once the worker has run the case's first step and the list shows it
  // (the 待办 page loads once, so under load it must not be opened earlier).
  const officer = await codeFlow({
    issuer: provider.issuer,
    clientId: CLIENT_ID,
    redirectUri: `${stack.baseUrl}/app/signed-in`,
    scopes: ['openid', 'profile'],
    login: 'officer.dc',
    password: DEMO_PASSWORD,
  });
  const asOfficer = { headers: { authorization: `Bearer ${officer.accessToken}` } };
  await eventually(
    async () => {
      const one = await request(stack, 'GET', `/cases/${encodeURIComponent(caseNumber)}`, undefined, asOfficer);
      const list = await request(stack, 'GET', '/cases', undefined, asOfficer);
      return { one, list };
    },
    ({ one, list }) =>
      (one.body?.allowedActions ?? []).some((a: { roles: string[] }) => a.roles.includes('caseOfficer')) &&
      JSON.stringify(list.body).includes(caseNumber),
    'the case open for the case officer, and listed',
  );

  const { page, consoleErrors } = await openPage(browser, stack.baseUrl);
  // The pages' clock, from the next page on, so that the access token's hour can pass at the end.
  await page.clock.install();
  await page.getByRole('button', { name: '统一身份认证登录' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: '统一身份认证登录' }).click();

  // The provider's own login form: a wrong password is refused there, and the workbench has no token yet.
  await page.waitForURL((url) => url.href.startsWith(`${provider.issuer}/interaction/`));
  await page.getByLabel('用户名').fill('officer.dc');
  await page.getByLabel('密码').fill('wrong');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('alert').filter({ hasText: '用户名或密码不正确' }).waitFor();
  await page.getByLabel('用户名').fill('officer.dc');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();

  // Back in the workbench, signed in as the provider maps the account, with no code left in the address bar.
  await page.waitForURL(`${stack.baseUrl}/app/work`);
  await expect(page.getByTestId('signed-in-user').textContent()).resolves.toBe('纪检监察机关承办人');
  await page.getByRole('heading', { name: '待办' }).waitFor();
  await page.getByRole('row').filter({ hasText: caseNumber }).waitFor();
  // The register page's list comes from the API with the same token.
  await page.getByRole('menuitem', { name: '台账' }).click();
  await page.getByRole('row').filter({ hasText: caseNumber }).waitFor();
  expect(await cspViolations(page)).toEqual([]);

  // Signing out leaves the provider too: its confirmation, then the workbench's sign-in page.
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL((url) => url.href.startsWith(`${provider.issuer}/session/end`));
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(`${stack.baseUrl}/`);
  await page.getByRole('button', { name: '统一身份认证登录' }).waitFor();
  expect(await page.evaluate('Object.keys(sessionStorage).filter((k) => k.startsWith("oidc.user"))')).toEqual([]);
  // The provider's session is over: signing in again asks for the password once more.
  await page.getByRole('button', { name: '统一身份认证登录' }).click();
  await page.getByLabel('用户名').fill('leader.dc');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${stack.baseUrl}/app/work`);
  await expect(page.getByTestId('signed-in-user').textContent()).resolves.toContain('审批领导');

  // The access token lives an hour and is not renewed: when it expires, the sign-in page says so.
  await page.clock.fastForward('01:00:10');
  await page.getByRole('alert').filter({ hasText: '登录已过期，请重新登录' }).waitFor();
  await page.getByRole('button', { name: '统一身份认证登录' }).waitFor();
  expect(await page.evaluate('Object.keys(sessionStorage).filter((k) => k.startsWith("oidc.user"))')).toEqual([]);
  // The page's fetches to the provider (discovery, token endpoint) were neither refused by the CSP nor by CORS.
  expect(consoleErrors.filter((e) => /connect-src|CORS/.test(e))).toEqual([]);
  await page.context().close();
});
