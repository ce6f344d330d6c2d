/**
 * The codec server the Temporal Web UI calls to show encrypted case data (Temporal's remote codec protocol:
 * `POST /codec/decode` and `/codec/encode` with `{ payloads: [...] }` in protobuf JSON). It decrypts only for a
 * verified officer or operator: a bearer token (the UI passes the user's access token) or, in development, a
 * cookie set by `/dev/codec-session`. Each call is logged with who made it, for 责任倒查.
 */
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { Request, RequestHandler } from 'express';
import express, { Router } from 'express';
import { z } from 'zod';

import type { Role } from '../domain/case';
import type { DevelopmentAuth } from './auth';
import { DEMO_USERS } from './auth';
import { BEARER } from './auth/authenticate';
import type { Principal } from './auth/principal';
import type { TokenVerifier } from './auth/verifier';
import { HttpProblem, problemHandler } from './errors';
import type { Logger } from './logger';

const COOKIE = 'codec_token';
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

const bodySchema = z.strictObject({
  payloads: z.array(z.object({ metadata: z.record(z.string(), base64).optional(), data: base64.optional() })).max(1000),
});

export interface CodecServerOptions {
  readonly codec: PayloadCodec;
  readonly verifier: TokenVerifier;
  /** Web UI origins allowed to call from the browser (CORS), e.g. `http://127.0.0.1:8233`. */
  readonly allowedOrigins: readonly string[];
  /** Roles that may read case data (CODEC_ROLES); never applicants. */
  readonly roles: readonly Role[];
  readonly logger: Logger;
}

function toPayload(p: z.infer<typeof bodySchema>['payloads'][number]): Payload {
  return {
    metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
    data: Buffer.from(p.data ?? '', 'base64'),
  };
}

/** A payload in the codec protocol's JSON (protobuf JSON: bytes as base64), as the Web UI sends and reads it. */
export function payloadToJson(p: Payload): { metadata: Record<string, string>; data: string } {
  return {
    metadata: Object.fromEntries(
      Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString('base64')]),
    ),
    data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
  };
}

function tokenOf(req: Request): string | undefined {
  const header = req.get('authorization');
  if (header) return BEARER.exec(header)?.[1] ?? '';
  const cookie = req.get('cookie');
  return cookie
    ?.split(';')
    .map((c) => c.trim().split('='))
    .find(([name]) => name === COOKIE)?.[1];
}

/** CORS for the Web UI's origins: credentials allowed, so a cookie or the user's token can travel. */
function cors(allowedOrigins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin && allowedOrigins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'POST');
      res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, x-namespace');
      res.setHeader('Access-Control-Max-Age', '600');
      return void res.sendStatus(204);
    }
    next();
  };
}

/** Mounts `/codec/encode` and `/codec/decode`. */
export function codecServer(options: CodecServerOptions): Router {
  const roles: readonly Role[] = options.roles.filter((r) => r !== 'applicant');
  const router = Router();
  router.use('/codec', cors(options.allowedOrigins));
  for (const direction of ['encode', 'decode'] as const) {
    router.post(`/codec/${direction}`, express.json({ limit: '4mb' }), async (req, res) => {
      const token = tokenOf(req);
      let principal: Principal;
      try {
        if (!token) throw new Error('missing');
        principal = await options.verifier.verify(token);
      } catch {
        res.setHeader('WWW-Authenticate', 'Bearer realm="tolerance-cases"');
        throw new HttpProblem(401, 'Unauthorized', 'the codec server needs an officer’s token');
      }
      if (!roles.includes(principal.role)) {
        throw new HttpProblem(403, 'Forbidden', `a ${principal.role} may not read case data`);
      }
      const { payloads } = bodySchema.parse(req.body);
      let out: Payload[];
      try {
        out = await options.codec[direction](payloads.map(toPayload));
      } catch (err) {
        // A payload of an unknown key or a tampered one: the caller's data is at fault, not the server.
        throw new HttpProblem(400, 'Payload cannot be decoded', (err as Error).message);
      }
      options.logger.info(`codec ${direction}`, {
        requestId: res.locals.requestId,
        actor: principal.sub,
        role: principal.role,
        namespace: req.get('x-namespace'),
        payloads: payloads.length,
      });
      res.setHeader('Cache-Control', 'no-store');
      res.json({ payloads: out.map(payloadToJson) });
    });
  }
  router.use('/codec', problemHandler);
  return router;
}

/**
 * Development only: `GET /dev/codec-session?user=<demo user>` sets the codec cookie for a demo user, so the
 * embedded Web UI (which has no login of its own) can decode once "include cross-origin credentials" is on.
 */
export function devCodecSessionRouter(dev: DevelopmentAuth): Router {
  const router = Router();
  router.get('/dev/codec-session', async (req, res) => {
    const user = DEMO_USERS.find((u) => u.sub === req.query.user);
    if (!user) throw new HttpProblem(400, 'Unknown demo user', `user must be one of ${DEMO_USERS.map((u) => u.sub)}`);
    const token = await dev.mint(user);
    res.setHeader('Set-Cookie', `${COOKIE}=${token}; Path=/codec; HttpOnly; SameSite=Strict; Max-Age=28800`);
    res.setHeader('Cache-Control', 'no-store');
    res
      .type('text/plain; charset=utf-8')
      .send(`编解码服务已为 ${user.sub} 开启（8 小时）。请回到 Temporal Web UI 查看案件内容。\n`);
  });
  return router;
}
