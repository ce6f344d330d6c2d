/**
 * The authorization code flow with PKCE spoken over plain HTTP, as a browser would walk it but without one: the
 * provider's redirects followed by hand, its cookies kept, its login form posted. For the tests that check tokens
 * over HTTP; the browser test walks the same flow in Chromium.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface CodeFlowRequest {
  readonly issuer: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly login: string;
  readonly password: string;
}

export interface CodeFlowTokens {
  readonly accessToken: string;
  readonly idToken: string;
  readonly tokenType: string;
}

/** The login was refused: the provider's form answered this status instead of sending the browser on. */
export class LoginRefused extends Error {
  constructor(readonly status: number) {
    super(`login refused (${status})`);
  }
}

/** Cookies by name, as a browser would keep them for the provider's one origin. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** Signs in through the provider's login form and exchanges the code for tokens. */
export async function codeFlow(r: CodeFlowRequest): Promise<CodeFlowTokens> {
  const jar = new CookieJar();
  const get = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const res = await fetch(new URL(url, r.issuer), {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
    });
    jar.take(res);
    return res;
  };
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const discovery = (await (await fetch(`${r.issuer}/.well-known/openid-configuration`)).json()) as Record<
    string,
    string
  >;
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: r.clientId,
    redirect_uri: r.redirectUri,
    response_type: 'code',
    scope: r.scopes.join(' '),
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();

  let res = await get(authorize.href);
  const formUrl = res.headers.get('location') as string;
  res = await get(formUrl);
  await res.text();
  res = await get(formUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login: r.login, password: r.password }).toString(),
  });
  if (res.status !== 303 && res.status !== 302) throw new LoginRefused(res.status);
  // Back at the authorization endpoint, which now sends the browser to the workbench with the code.
  let location = res.headers.get('location') as string;
  while (!location.startsWith(r.redirectUri)) {
    res = await get(location);
    location = res.headers.get('location') as string;
    if (!location) throw new Error(`the provider stopped at ${res.status}: ${await res.text()}`);
  }
  const back = new URL(location);
  if (back.searchParams.get('state') !== state) throw new Error('state mismatch');
  const code = back.searchParams.get('code');
  if (!code) throw new Error(`no code: ${location}`);

  const token = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: r.redirectUri,
      client_id: r.clientId,
      code_verifier: verifier,
    }).toString(),
  });
  const body = (await token.json()) as Record<string, string>;
  if (!token.ok) throw new Error(`token endpoint answered ${token.status}: ${JSON.stringify(body)}`);
  return { accessToken: body.access_token, idToken: body.id_token, tokenType: body.token_type };
}
