/**
 * The sign-in in force, chosen once at start from what the API says (`GET /auth/config`): the development mode's
 * demo users, or the city's identity provider by OpenID Connect. The pages only ask for the current token and user.
 */
import { developmentProvider } from './dev-provider';
import type { OidcSignInProvider } from './oidc-provider';
import { oidcProvider } from './oidc-provider';
import type { SignInProvider, SignedInUser } from './session';

export type { SignedInUser } from './session';

/** How the API says the workbench signs in (api/auth/sign-in-config-route.ts). */
type SignInConfig =
  | { readonly mode: 'development' }
  | { readonly mode: 'oidc'; readonly issuer: string; readonly clientId: string; readonly scopes: string[] }
  | { readonly mode: 'none' };

let provider: SignInProvider = developmentProvider;
let oidc: OidcSignInProvider | undefined;

/**
 * Asks the API how to sign in and sets up that provider; with OpenID Connect, also completes a sign-in the identity
 * provider has just sent back. Call once before the first render.
 */
export async function initSignIn(): Promise<void> {
  const res = await fetch('/auth/config', { headers: { accept: 'application/json' } });
  const config = res.ok ? ((await res.json()) as SignInConfig) : ({ mode: 'none' } as const);
  if (config.mode !== 'oidc') return;
  oidc = oidcProvider(config);
  provider = oidc;
  await oidc.init();
}

/** The identity provider, when the workbench signs in by OpenID Connect. */
export const identityProvider = (): OidcSignInProvider | undefined => oidc;

/** The bearer token of the signed-in person. */
export const currentToken = (): string | undefined => provider.currentToken();

/** The signed-in person. */
export const currentUser = (): SignedInUser | undefined => provider.currentUser();

/** Signs out of the provider in force. */
export const signOut = (): void => provider.signOut();
