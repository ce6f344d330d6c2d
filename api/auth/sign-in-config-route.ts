/**
 * `GET /auth/config`: how the workbench signs in, learned from the API so that one build serves every deployment.
 * Public, and public values only: the issuer, the workbench's client id and the scopes a public client (no secret)
 * asks for; nothing here helps anyone sign in who could not already.
 */
import { z } from 'zod';

import type { ApiRoute } from '../http/route';
import type { Authentication } from '.';

export const signInConfigSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('development').describe('开发模式：选择演示用户（GET /dev/tokens）') }),
  z.object({
    mode: z.literal('oidc').describe('经身份提供方以 OpenID Connect（授权码 + PKCE）登录'),
    issuer: z.string().describe('身份提供方（令牌签发方 iss）'),
    clientId: z.string().describe('工作台的客户端标识'),
    scopes: z.array(z.string()).describe('申请的范围'),
  }),
  z.object({ mode: z.literal('none').describe('未配置浏览器登录：只能以身份提供方签发的令牌调用 API') }),
]);

/** What the workbench is told about signing in. */
export type SignInConfig = z.infer<typeof signInConfigSchema>;

/** The sign-in the authentication in force offers the browser. */
export function signInConfig(auth: Authentication): SignInConfig {
  if (auth.development) return { mode: 'development' };
  if (auth.oidc) return { mode: 'oidc', ...auth.oidc, scopes: [...auth.oidc.scopes] };
  return { mode: 'none' };
}

/** The public route that answers `signInConfig(auth)`. */
export function signInConfigRoute(auth: Authentication): ApiRoute {
  const body = signInConfig(auth);
  return {
    doc: {
      method: 'get',
      path: '/auth/config',
      summary: '工作台的登录方式：开发模式、OpenID Connect（签发方、客户端标识、范围）或未配置',
      tags: ['运维'],
      operationId: 'signInConfig',
      responseSchema: signInConfigSchema,
      responseName: 'SignInConfig',
      responses: { 200: 'how the workbench signs in' },
      security: 'none',
    },
    handler: (_req, res) => {
      res.json(body);
    },
  };
}
