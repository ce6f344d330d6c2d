/** What the test tells its identity provider process: the workbench's client, the API's audience, the accounts. */

/** The environment variable carrying `ProviderSettings` as JSON to the provider process. */
export const PROVIDER_SETTINGS_ENV = 'OIDC_TEST_PROVIDER_SETTINGS';

/** An account of the provider: its login name (the token's `sub`), password and the claims it is mapped to. */
export interface ProviderAccount {
  readonly login: string;
  readonly password: string;
  /** The claims `api/auth/principal.ts` reads: role, body, level, name, identifier. */
  readonly claims: Readonly<Record<string, string>>;
}

export interface ProviderSettings {
  /** The workbench's public client (no secret; authorization code + PKCE). */
  readonly clientId: string;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
  /** The API's audience (AUTH_AUDIENCE), an absolute URI as resource indicators require. */
  readonly audience: string;
  readonly accounts: readonly ProviderAccount[];
}
