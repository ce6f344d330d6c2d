/**
 * Authentication for a synchronously built app: the mode is known at once from the configuration (so the routes
 * mounted depend on it), while the key material is made in the background and awaited by the first request.
 */
import type { AuthConfig } from '../../config/auth';
import type { DevelopmentAuth } from './development';
import type { Authentication } from '.';
import { createAuthentication } from '.';

/** An `Authentication` whose verifier and demo tokens wait for `createAuthentication(config)`. */
export function lazyAuthentication(config: AuthConfig): Authentication {
  const ready = createAuthentication(config);
  // Failures surface on each request that needs the keys; this only keeps the process from an unhandled rejection.
  ready.catch(() => undefined);
  const development = async (): Promise<DevelopmentAuth> => {
    const auth = await ready;
    if (!auth.development) throw new Error('development authentication is not configured');
    return auth.development;
  };
  return {
    mode: config.mode,
    ...(config.mode === 'jwt' && config.oidc ? { oidc: config.oidc } : {}),
    verifier: { verify: async (token) => (await ready).verifier.verify(token) },
    ...(config.mode === 'development'
      ? {
          development: {
            verifier: { verify: async (token) => (await development()).verifier.verify(token) },
            codecVerifier: { verify: async (token) => (await development()).codecVerifier.verify(token) },
            mint: async (principal, options) => (await development()).mint(principal, options),
            demoTokens: async () => (await development()).demoTokens(),
          },
        }
      : {}),
  };
}
