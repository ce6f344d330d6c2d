/**
 * Authentication settings come from the AUTH_* variables, validated once at start-up as part of `loadConfig`: every
 * bad variable is listed in one error. Key material is read here too, so an unreadable key file stops start-up
 * instead of failing the first request.
 */
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

import type { JSONWebKeySet } from 'jose';
import { z } from 'zod';

import { failConfig, issueLines } from './errors';
import { isLoopbackHost, secureUrl } from './fields';

/** Asymmetric algorithms only: a shared secret would let every verifier mint tokens, and `none` verifies nothing. */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;

export type KeySource =
  | { readonly kind: 'jwksUrl'; readonly url: URL }
  | { readonly kind: 'publicKey'; readonly pem: string; readonly file: string }
  | { readonly kind: 'jwks'; readonly jwks: JSONWebKeySet; readonly file: string };

/**
 * The workbench's sign-in with the city's identity provider (OpenID Connect, authorization code + PKCE): public
 * values the browser learns from `GET /auth/config`. The issuer is AUTH_ISSUER, whose discovery document names the
 * endpoints; the client is a public one, so there is no secret.
 */
export interface OidcSignIn {
  readonly issuer: string;
  readonly clientId: string;
  /** The scopes asked for, `openid` among them. */
  readonly scopes: readonly string[];
}

export type AuthConfig =
  | { readonly mode: 'development' }
  | {
      readonly mode: 'jwt';
      /** Present when AUTH_OIDC_CLIENT_ID is set: the workbench signs in with the issuer by OpenID Connect. */
      readonly oidc?: OidcSignIn;
      readonly issuer: string;
      readonly audience: string;
      readonly algorithms: readonly string[];
      readonly clockToleranceSeconds: number;
      /** The longest a token may live, from `iat` to `exp` and from `iat` to now. */
      readonly maxTokenAgeSeconds: number;
      readonly keys: KeySource;
    };

/** How the process was started; only `npm start`'s embedded setup may default to development mode. */
export interface AuthStartup {
  /** True for `npm start` running its own Temporal dev server (no Temporal address configured). */
  readonly embedded?: boolean;
  /**
   * The Temporal address the process connects to, from TEMPORAL_ADDRESS or a temporal.toml profile
   * (`config/temporal.ts`); development mode is refused against a server the process did not start itself.
   */
  readonly temporalAddress?: string;
}

const optionalText = z
  .string()
  .trim()
  .transform((s) => s || undefined)
  .optional();

/** The AUTH_* variables; the descriptions are what docs/OPERATIONS.md lists (test/unit/config-docs.test.ts). */
export const authSchema = z.object({
  AUTH_MODE: z
    .enum(['jwt', 'development'])
    .optional()
    .describe(
      'jwt（身份提供方签发的令牌）或 development（演示用户，仅限 npm start 本机）；未设置时为 jwt，npm start 内嵌时为 development',
    ),
  AUTH_ISSUER: optionalText.describe('令牌签发方（iss）；jwt 模式必填'),
  AUTH_AUDIENCE: optionalText.describe('令牌受众（aud）；jwt 模式必填'),
  AUTH_ALGORITHMS: z
    .string()
    .default('RS256,ES256,EdDSA')
    .transform((s) => s.split(',').map((a) => a.trim()))
    .pipe(z.array(z.enum(ASYMMETRIC_ALGORITHMS)).min(1))
    .describe('接受的签名算法，逗号分隔；仅限非对称算法'),
  AUTH_CLOCK_TOLERANCE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(300)
    .default(5)
    .describe('校验 exp、nbf、iat 时容忍的时钟偏差（秒）'),
  /** A working day and a half: an officer's sign-in lasts a day, a stolen token not for years. */
  AUTH_MAX_TOKEN_AGE_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(12 * 3600)
    .describe('令牌从签发起的最长有效时间（秒）'),
  // Keys fetched in clear text could be swapped on the way, so plain http is only for a local test issuer.
  AUTH_JWKS_URL: secureUrl.optional().describe('身份提供方的 JWKS 地址（https）；与下面两项三选一'),
  AUTH_PUBLIC_KEY_FILE: optionalText.describe('验证令牌的 PEM 公钥文件'),
  AUTH_JWKS_FILE: optionalText.describe('验证令牌的 JWKS 文件'),
  AUTH_OIDC_CLIENT_ID: optionalText.describe(
    '工作台在身份提供方登记的客户端标识（公开客户端，授权码 + PKCE，无密钥）；设置后工作台经 OpenID Connect 登录，AUTH_ISSUER 须为其 https 地址',
  ),
  AUTH_OIDC_SCOPES: z
    .string()
    .default('openid profile')
    .transform((s) => s.split(/[\s,]+/).filter(Boolean))
    .refine((scopes) => scopes.includes('openid'), 'must include openid')
    .describe('工作台登录时申请的范围（scope），空格或逗号分隔；须含 openid'),
});

/** What the auth rules read beside AUTH_*: NODE_ENV and HOST belong to other modules' schemas but bound the mode. */
const schema = authSchema.extend({ NODE_ENV: z.string().optional(), HOST: z.string().default('127.0.0.1') });

/** The problems of the parsed settings as a whole: the mode's requirements, or why development mode is refused. */
function modeProblems(c: z.infer<typeof schema>, temporalAddress: string | undefined): string[] {
  if ((c.AUTH_MODE ?? 'jwt') === 'development') {
    const refusal = developmentRefusal(c, temporalAddress);
    return refusal ? [`AUTH_MODE: ${refusal}`] : [];
  }
  const problems = (['AUTH_ISSUER', 'AUTH_AUDIENCE'] as const)
    .filter((name) => !c[name])
    .map((name) => `${name}: required when AUTH_MODE=jwt`);
  // The browser fetches the issuer's discovery document from `<AUTH_ISSUER>/.well-known/openid-configuration`.
  if (c.AUTH_OIDC_CLIENT_ID && c.AUTH_ISSUER && !secureUrl.safeParse(c.AUTH_ISSUER).success) {
    problems.push('AUTH_ISSUER: an https URL (plain http only on localhost) when AUTH_OIDC_CLIENT_ID is set');
  }
  const sources = (['AUTH_JWKS_URL', 'AUTH_PUBLIC_KEY_FILE', 'AUTH_JWKS_FILE'] as const).filter((n) => c[n]);
  if (sources.length !== 1) {
    problems.push(
      `AUTH_JWKS_URL: exactly one of AUTH_JWKS_URL, AUTH_PUBLIC_KEY_FILE, AUTH_JWKS_FILE when AUTH_MODE=jwt (found ${sources.length})`,
    );
  }
  return problems;
}

/**
 * Why development mode (tokens for every demo user to anyone who asks) is refused for this environment, or
 * undefined when it may run: never in production, never on an address beyond this machine, never against a
 * Temporal server the API did not start itself.
 */
function developmentRefusal(env: { NODE_ENV?: string; HOST: string }, temporalAddress?: string): string | undefined {
  if (env.NODE_ENV === 'production') return 'development is refused when NODE_ENV=production';
  if (!isLoopbackHost(env.HOST)) {
    return `development is refused when the API listens beyond loopback (HOST=${env.HOST}); set AUTH_MODE=jwt and AUTH_*`;
  }
  if (temporalAddress) {
    return `development is refused against a Temporal server of its own (${temporalAddress}, from TEMPORAL_ADDRESS or the temporal.toml profile); set AUTH_MODE=jwt and AUTH_*`;
  }
  return undefined;
}

const jwksSchema = z.object({ keys: z.array(z.looseObject({ kty: z.string() })).min(1) });

function readKeys(name: string, file: string, parse: (text: string) => KeySource): KeySource {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return failConfig([`${name}: cannot read ${file}: ${(err as Error).message}`]);
  }
  try {
    return parse(text);
  } catch (err) {
    return failConfig([`${name}: ${file}: ${(err as Error).message}`]);
  }
}

/**
 * Reads and validates the AUTH_* variables from `env`. The mode is `jwt`
 * unless AUTH_MODE says otherwise, except for `npm start`'s embedded setup (`startup.embedded`), which defaults to
 * development; development mode is refused in production, beyond loopback and against a separate Temporal.
 *
 * @throws ConfigError listing every bad variable, or naming the key file that cannot be read or parsed.
 */
export function loadAuthConfig(env: NodeJS.ProcessEnv, startup: AuthStartup = {}): AuthConfig {
  const defaulted = !env.AUTH_MODE && startup.embedded && env.NODE_ENV !== 'production';
  const parsed = schema.safeParse(defaulted ? { ...env, AUTH_MODE: 'development' } : env);
  if (!parsed.success) failConfig(issueLines(parsed.error));
  const c = parsed.data;
  const problems = modeProblems(c, startup.temporalAddress);
  if (problems.length) failConfig(problems);
  const mode = c.AUTH_MODE ?? 'jwt';
  if (mode === 'development') return { mode };

  let keys: KeySource;
  if (c.AUTH_JWKS_URL) keys = { kind: 'jwksUrl', url: new URL(c.AUTH_JWKS_URL) };
  else if (c.AUTH_PUBLIC_KEY_FILE) {
    const file = c.AUTH_PUBLIC_KEY_FILE;
    keys = readKeys('AUTH_PUBLIC_KEY_FILE', file, (pem) => {
      if (!pem.includes('-----BEGIN PUBLIC KEY-----')) throw new Error('not a PEM SPKI public key');
      createPublicKey(pem);
      return { kind: 'publicKey', pem, file };
    });
  } else {
    const file = c.AUTH_JWKS_FILE as string;
    keys = readKeys('AUTH_JWKS_FILE', file, (text) => {
      const jwks = jwksSchema.safeParse(JSON.parse(text));
      if (!jwks.success) throw new Error('not a JWKS document ({"keys": [...]})');
      return { kind: 'jwks', jwks: jwks.data as JSONWebKeySet, file };
    });
  }
  const issuer = c.AUTH_ISSUER as string;
  return {
    mode,
    ...(c.AUTH_OIDC_CLIENT_ID ? { oidc: { issuer, clientId: c.AUTH_OIDC_CLIENT_ID, scopes: c.AUTH_OIDC_SCOPES } } : {}),
    issuer,
    audience: c.AUTH_AUDIENCE as string,
    algorithms: c.AUTH_ALGORITHMS,
    clockToleranceSeconds: c.AUTH_CLOCK_TOLERANCE_SECONDS,
    maxTokenAgeSeconds: c.AUTH_MAX_TOKEN_AGE_SECONDS,
    keys,
  };
}
