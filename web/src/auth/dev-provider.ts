/**
 * Development mode's sign-in: the API hands out a token for each demo user (`GET /dev/tokens`); the person picks one.
 * The choice is kept in this tab's sessionStorage, so each tab may act as another user.
 */
import type { SignInProvider, SignedInUser } from './session';

const KEY = 'workbench.dev-user';

/** A demo user as `GET /dev/tokens` lists them. */
export interface DemoUser extends Omit<SignedInUser, 'body' | 'level'> {
  readonly body: string | null;
  readonly level: string | null;
  readonly token: string;
}

/** The demo users, or an empty list when the API is not in development mode. */
export async function demoUsers(): Promise<DemoUser[]> {
  const res = await fetch('/dev/tokens');
  if (!res.ok) return [];
  return ((await res.json()) as { users: DemoUser[] }).users;
}

function stored(): DemoUser | undefined {
  const text = sessionStorage.getItem(KEY);
  return text ? (JSON.parse(text) as DemoUser) : undefined;
}

/** The development provider. */
export const developmentProvider: SignInProvider & { signIn(user: DemoUser): void } = {
  mode: 'development',
  currentToken: () => stored()?.token,
  currentUser: () => {
    const u = stored();
    return u
      ? { sub: u.sub, name: u.name, role: u.role, body: u.body ?? undefined, level: u.level ?? undefined }
      : undefined;
  },
  signIn: (user) => sessionStorage.setItem(KEY, JSON.stringify(user)),
  signOut: () => sessionStorage.removeItem(KEY),
};
