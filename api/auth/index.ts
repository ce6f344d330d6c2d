/** Authentication set up from the configuration: the verifier for every mode, and the demo tokens in development. */
import type { AuthConfig, OidcSignIn } from '../../config/auth';
import type { DevelopmentAuth } from './development';
import { createDevelopmentAuth } from './development';
import { verificationKey } from './keys';
import type { TokenVerifier } from './verifier';
import { createJwtVerifier } from './verifier';

export interface Authentication {
  readonly mode: AuthConfig['mode'];
  readonly verifier: TokenVerifier;
  /** Present in development mode only: mount `devTokensRouter(development)` when it is. */
  readonly development?: DevelopmentAuth;
  /** Present when the workbench signs in with the identity provider by OpenID Connect (`GET /auth/config`). */
  readonly oidc?: OidcSignIn;
}

/** Builds the verifier the configuration asks for; in development mode also the in-memory signing key. */
export async function createAuthentication(config: AuthConfig): Promise<Authentication> {
  if (config.mode === 'development') {
    const development = await createDevelopmentAuth();
    return { mode: config.mode, verifier: development.verifier, development };
  }
  const verifier = createJwtVerifier({
    key: verificationKey(config.keys),
    issuer: config.issuer,
    audience: config.audience,
    algorithms: config.algorithms,
    clockToleranceSeconds: config.clockToleranceSeconds,
    maxTokenAgeSeconds: config.maxTokenAgeSeconds,
  });
  return { mode: config.mode, verifier, ...(config.oidc ? { oidc: config.oidc } : {}) };
}

export { authenticate } from './authenticate';
export type { AuthConfig, OidcSignIn } from '../../config/auth';
export { signInConfigRoute } from './sign-in-config-route';
export type { SignInConfig } from './sign-in-config-route';
export { devTokensRouter } from './dev-tokens-router';
export type { DemoToken, DevelopmentAuth } from './development';
export { DEMO_USERS } from './demo-users';
export type { Principal } from './principal';
export { TokenError } from './verifier';
export type { TokenVerifier } from './verifier';
