/**
 * The sign-in in force. Only the development provider exists yet; OpenID Connect becomes one more provider
 * behind the same functions.
 */
import { developmentProvider } from './dev-provider';
import type { SignInProvider, SignedInUser } from './session';

export type { SignedInUser } from './session';

const provider: SignInProvider = developmentProvider;

/** The bearer token of the signed-in person. */
export const currentToken = (): string | undefined => provider.currentToken();

/** The signed-in person. */
export const currentUser = (): SignedInUser | undefined => provider.currentUser();

/** Signs out of the provider in force. */
export const signOut = (): void => provider.signOut();
