/**
 * Who is signed in, behind one small interface: each way of signing in (the development mode's demo users today,
 * OpenID Connect later) is a provider, and the pages only ever ask for the current token and user.
 */

/** The signed-in person as the pages need them: the token's claims the API also reads. */
export interface SignedInUser {
  readonly sub: string;
  readonly name: string;
  readonly role: string;
  readonly body?: string;
  readonly level?: string;
}

/** A way of signing in. */
export interface SignInProvider {
  /** The provider's name, for the sign-in page. */
  readonly mode: 'development' | 'oidc';
  /** The bearer token of the signed-in person, or undefined. */
  currentToken(): string | undefined;
  /** The signed-in person, or undefined. */
  currentUser(): SignedInUser | undefined;
  signOut(): void;
}
