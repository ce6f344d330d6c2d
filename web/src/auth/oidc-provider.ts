/**
 * Production sign-in: the city's identity provider by OpenID Connect, authorization code + PKCE (oidc-client-ts), as
 * a public client without a secret. The API names the issuer, the client id and the scopes (`GET /auth/config`); the
 * provider sends the browser back to `/app/signed-in`, where the code is exchanged for tokens. The access token is
 * what the API verifies; the tokens are kept in this tab's sessionStorage, as the development provider keeps its
 * choice.
 */
import { UserManager } from 'oidc-client-ts';
import type { User } from 'oidc-client-ts';

import type { SignInProvider, SignedInUser } from './session';

/** What `GET /auth/config` says of the identity provider. */
export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
}

/** Where the identity provider sends the browser back with the code (a workbench page, answered by the API). */
export const SIGNED_IN_PATH = '/app/signed-in';

/** An OpenID Connect provider: `init` before the first render, `signIn` from the sign-in page. */
export interface OidcSignInProvider extends SignInProvider {
  readonly mode: 'oidc';
  /** Completes a sign-in the identity provider sent back, or takes up the tab's earlier one. */
  init(): Promise<void>;
  /** Sends the browser to the identity provider's login. */
  signIn(): Promise<void>;
  /** Why the person is not signed in (the provider refused, the answer was stale, the sign-in expired), in Chinese. */
  readonly failure: string | undefined;
  /** Calls `listener` when the sign-in ends by itself (the access token expired); answers the unsubscribe. */
  onEnded(listener: () => void): () => void;
}

/**
 * The claims of the access token, which the API authorises on, so the page never shows another role than the API
 * acts on. Read without verifying: the browser only displays them; the API verifies every request.
 */
function accessClaims(token: string): Record<string, unknown> {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function signedInUser(user: User): SignedInUser | undefined {
  const claims = { ...user.profile, ...accessClaims(user.access_token) };
  const sub = text(claims.sub);
  const role = text(claims.role);
  if (!sub || !role) return undefined;
  return {
    sub,
    role,
    name: text(claims.name) ?? sub,
    ...(text(claims.body) ? { body: text(claims.body) } : {}),
    ...(text(claims.level) ? { level: text(claims.level) } : {}),
  };
}

/** The provider for the identity provider `settings` names. */
export function oidcProvider(settings: OidcSettings): OidcSignInProvider {
  const origin = window.location.origin;
  const manager = new UserManager({
    authority: settings.issuer,
    client_id: settings.clientId,
    redirect_uri: `${origin}${SIGNED_IN_PATH}`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: settings.scopes.join(' '),
    // No hidden iframe (the CSP frames nothing) and no refresh: when the token expires, the person signs in again.
    automaticSilentRenew: false,
    monitorSession: false,
  });
  let user: User | undefined;
  let failure: string | undefined;
  const live = (): User | undefined => (user && !user.expired ? user : undefined);
  const ended = new Set<() => void>();
  // Without renewal, an expired token ends the sign-in: the page goes back to the sign-in page and says why, rather
  // than letting every call the pages make be refused.
  manager.events.addAccessTokenExpired(() => {
    user = undefined;
    failure = '登录已过期，请重新登录';
    void manager.removeUser();
    for (const listener of ended) listener();
  });

  return {
    mode: 'oidc',
    get failure() {
      return failure;
    },
    async init() {
      if (window.location.pathname === SIGNED_IN_PATH) {
        try {
          user = await manager.signinRedirectCallback();
        } catch {
          // A refusal at the provider, or an answer this tab did not ask for (stale or replayed).
          failure = '统一身份认证未完成登录，请重新登录';
        }
        // The code is used once; the address bar keeps no trace of it.
        window.history.replaceState(null, '', '/');
        return;
      }
      user = (await manager.getUser()) ?? undefined;
    },
    onEnded(listener) {
      ended.add(listener);
      return () => ended.delete(listener);
    },
    signIn: () => manager.signinRedirect(),
    currentToken: () => live()?.access_token,
    currentUser: () => {
      const u = live();
      return u ? signedInUser(u) : undefined;
    },
    signOut: () => {
      const idToken = user?.id_token;
      user = undefined;
      // Out of the identity provider too, which then sends the browser back to the workbench's sign-in page.
      void manager.removeUser().then(() => manager.signoutRedirect({ id_token_hint: idToken }));
    },
  };
}
