/**
 * A real OpenID Connect provider (`oidc-provider`) standing in for the city's identity provider, run as a process of
 * its own by `startOidcProvider` (oidc-provider ships ESM only, which Jest's module registry does not load). It
 * listens on 127.0.0.1, port 0, and prints one line, `{"issuer": …}`, once it answers.
 *
 * What it does is what the city's provider must do for the workbench: a public client with authorization code +
 * PKCE, a login form checking each demo account's password, JWT access tokens (`at+jwt`, RS256) for the API's
 * audience carrying the claims `api/auth/principal.ts` reads (role, body, level, name, identifier), the same claims
 * in the ID token under `profile`, and sign-out (RP-initiated logout) back to the workbench.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import Provider, { errors } from 'oidc-provider';
import type { Configuration, KoaContextWithOIDC, ResourceServer } from 'oidc-provider';

import type { ProviderSettings } from './settings';
import { PROVIDER_SETTINGS_ENV } from './settings';
import { loginPage, logoutPage } from './pages';

const settings = JSON.parse(process.env[PROVIDER_SETTINGS_ENV] as string) as ProviderSettings;
const accounts = new Map(settings.accounts.map((a) => [a.login, a]));

/** The claims of an account the tokens carry, `sub` apart. */
function accountClaims(accountId: string): Record<string, string> {
  const { sub: _sub, ...claims } = accounts.get(accountId)?.claims ?? { sub: accountId };
  return claims;
}

/** The API's resource server: JWT access tokens for its audience, an hour long. */
const apiResource: ResourceServer = {
  scope: '',
  audience: settings.audience,
  accessTokenFormat: 'jwt',
  accessTokenTTL: 3600,
  jwt: { sign: { alg: 'RS256' } },
};

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'city-idp-1', use: 'sig', alg: 'RS256' };

const configuration: Configuration = {
  clients: [
    {
      client_id: settings.clientId,
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: settings.redirectUris,
      post_logout_redirect_uris: settings.postLogoutRedirectUris,
    },
  ],
  jwks: { keys: [signingKey as never] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  claims: { openid: ['sub'], profile: ['name', 'role', 'body', 'level', 'identifier'] },
  async findAccount(_ctx, id) {
    const account = accounts.get(id);
    if (!account) return undefined;
    return { accountId: id, claims: () => ({ ...accountClaims(id), sub: id }) };
  },
  // The access token carries what the API authorises on, as the city's provider maps each account to it.
  async extraTokenClaims(_ctx, token) {
    return token.kind === 'AccessToken' ? accountClaims(token.accountId as string) : undefined;
  },
  // The workbench is the city's own application: its sign-in asks for no consent screen, as a first-party client.
  async loadExistingGrant(ctx: KoaContextWithOIDC) {
    const oidc = ctx.oidc;
    const clientId = oidc.client?.clientId as string;
    const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
    if (grantId) return oidc.provider.Grant.find(grantId);
    const grant = new oidc.provider.Grant({ clientId, accountId: oidc.session?.accountId });
    grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
    grant.addResourceScope(settings.audience, '');
    await grant.save();
    return grant;
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => {
        ctx.body = logoutPage(form);
      },
    },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => settings.audience,
      useGrantedResource: async () => true,
      getResourceServerInfo: async (_ctx, resource) => {
        if (resource !== settings.audience) throw new errors.InvalidTarget();
        return apiResource;
      },
    },
  },
};

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return new URLSearchParams(text);
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/** The login form and its submission; a wrong password shows the form again with the reason. */
async function interaction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET') return send(res, 200, loginPage(details.uid));
  const form = await readForm(req);
  const login = form.get('login') ?? '';
  const account = accounts.get(login);
  if (!account || account.password !== form.get('password')) {
    return send(res, 401, loginPage(details.uid, '用户名或密码不正确'));
  }
  await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
}

const server = createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return void callback(req, res);
    interaction(provider, req, res).catch((err: Error) => {
      process.stderr.write(`interaction failed: ${err.stack}\n`);
      send(res, 400, '<p>登录请求已失效，请从工作台重新登录。</p>');
    });
  });
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});
