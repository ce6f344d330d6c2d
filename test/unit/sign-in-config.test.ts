/** What `GET /auth/config` tells the workbench, for each way the API verifies tokens. */
import { createAuthentication } from '../../api/auth';
import { lazyAuthentication } from '../../api/auth/lazy';
import { signInConfig } from '../../api/auth/sign-in-config-route';
import { loadAuthConfig } from '../../config/auth';

const JWT = {
  AUTH_MODE: 'jwt',
  AUTH_ISSUER: 'https://idp.city.example/realms/city',
  AUTH_AUDIENCE: 'urn:tolerance-cases:api',
  AUTH_JWKS_URL: 'https://idp.city.example/realms/city/certs',
};

test('development mode offers the demo users', async () => {
  expect(signInConfig(await createAuthentication({ mode: 'development' }))).toEqual({ mode: 'development' });
});

test('jwt mode with a client id offers the identity provider, with public values only', async () => {
  const config = loadAuthConfig({
    ...JWT,
    AUTH_OIDC_CLIENT_ID: 'tolerance-workbench',
    AUTH_OIDC_SCOPES: 'openid profile cases',
  });
  const offered = {
    mode: 'oidc',
    issuer: 'https://idp.city.example/realms/city',
    clientId: 'tolerance-workbench',
    scopes: ['openid', 'profile', 'cases'],
  };
  expect(signInConfig(await createAuthentication(config))).toEqual(offered);
  // `node dist/main.js api` builds its authentication lazily; it offers the same.
  expect(signInConfig(lazyAuthentication(config))).toEqual(offered);
});

test('jwt mode without a client id offers no browser sign-in', async () => {
  expect(signInConfig(await createAuthentication(loadAuthConfig(JWT)))).toEqual({ mode: 'none' });
});
