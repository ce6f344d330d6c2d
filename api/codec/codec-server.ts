/**
 * The codec server the Temporal Web UI calls to show encrypted case data (Temporal's remote codec protocol:
 * `POST /codec/decode` with `{ payloads: [...] }` in protobuf JSON). It decrypts only for a verified officer of
 * CODEC_ROLES: a bearer token (the UI passes the user's access token) or, in development, a codec-only cookie set by
 * `/dev/codec-session`. There is no `/codec/encode`: only the API and the worker seal payloads, so nothing typed
 * into the Web UI can become a sealed message. The caller is authenticated before the body is read, the body is
 * small, each caller shares the API's per-caller rate limit, and each decode is logged with who made it and the
 * digests of what was decoded, for 责任倒查.
 */
import { createHash } from 'node:crypto';

import type { Payload, PayloadCodec } from '@temporalio/common';
import type { Request, RequestHandler } from 'express';
import express, { Router } from 'express';
import { z } from 'zod';

import type { Role } from '../../domain/case';
import type { DevelopmentAuth } from '../auth';
import { DEMO_USERS } from '../auth';
import { BEARER } from '../auth/authenticate';
import { DEV_CODEC_AUDIENCE } from '../auth/development';
import type { TokenVerifier } from '../auth/verifier';
import { HttpProblem, problemHandler } from '../http/errors';
import type { Logger } from '../http/logger';

const COOKIE = 'codec_token';

/**
 * Largest decode request. The Web UI asks for one event's payloads at a time; the largest payload the system writes
 * is a case's state (several texts of up to 20 000 characters, 60 kB each in UTF-8), about 350 kB once sealed and
 * in base64. 1 MB holds that twice over, and is a quarter of the 4 MB anyone could make the server parse before.
 */
export const CODEC_BODY_LIMIT = '1mb';
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

const bodySchema = z.strictObject({
  payloads: z.array(z.object({ metadata: z.record(z.string(), base64).optional(), data: base64.optional() })).max(1000),
});

export interface CodecServerOptions {
  readonly codec: PayloadCodec;
  /** The API's bearer-token verifier. */
  readonly verifier: TokenVerifier;
  /** Development only: verifies the codec-only cookie of `/dev/codec-session`; without it the cookie is ignored. */
  readonly sessionVerifier?: TokenVerifier;
  /** The API's per-caller rate limit, so decoding counts against the same budget as every other call. */
  readonly rateLimit: RequestHandler;
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

/** The credential of a request and the verifier it is for: a bearer header first, else the codec cookie. */
function credentialOf(req: Request): { readonly token?: string; readonly kind: 'bearer' | 'session' } {
  const header = req.get('authorization');
  if (header) return { token: BEARER.exec(header)?.[1], kind: 'bearer' };
  const cookie = req.get('cookie');
  const token = cookie
    ?.split(';')
    .map((c) => c.trim().split('='))
    .find(([name]) => name === COOKIE)?.[1];
  return { token, kind: 'session' };
}

/** SHA-256 of a payload's data, hex: enough to tell afterwards which stored payloads a caller had decrypted. */
function digestOf(p: Payload): string {
  return createHash('sha256')
    .update(p.data ?? new Uint8Array())
    .digest('hex');
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

/** Mounts `POST /codec/decode` (and its CORS preflight). */
export function codecServer(options: CodecServerOptions): Router {
  const roles: readonly Role[] = options.roles.filter((r) => r !== 'applicant');
  const router = Router();
  router.use('/codec', cors(options.allowedOrigins));
  // Before the body: a caller without a token must not make the server read and parse a megabyte.
  const authenticateCaller: RequestHandler = async (req, res, next) => {
    const { token, kind } = credentialOf(req);
    const verifier = kind === 'bearer' ? options.verifier : options.sessionVerifier;
    try {
      if (!token || !verifier) throw new Error('missing');
      res.locals.principal = await verifier.verify(token);
    } catch {
      res.setHeader('WWW-Authenticate', 'Bearer realm="tolerance-cases"');
      throw new HttpProblem(401, 'Unauthorized', 'the codec server needs an officer’s token');
    }
    if (!roles.includes(res.locals.principal.role)) {
      throw new HttpProblem(403, 'Forbidden', `a ${res.locals.principal.role} may not read case data`);
    }
    next();
  };
  router.post(
    '/codec/decode',
    authenticateCaller,
    options.rateLimit,
    express.json({ limit: CODEC_BODY_LIMIT }),
    async (req, res) => {
      const principal = res.locals.principal as NonNullable<typeof res.locals.principal>;
      const payloads = bodySchema.parse(req.body).payloads.map(toPayload);
      let out: Payload[];
      try {
        out = await options.codec.decode(payloads);
      } catch (err) {
        // A payload of an unknown key or a tampered one: the caller's data is at fault, not the server.
        throw new HttpProblem(400, 'Payload cannot be decoded', (err as Error).message);
      }
      options.logger.info('codec decode', {
        requestId: res.locals.requestId,
        actor: principal.sub,
        role: principal.role,
        body: principal.body,
        namespace: req.get('x-namespace'),
        payloads: payloads.length,
        digests: payloads.map(digestOf),
      });
      res.setHeader('Cache-Control', 'no-store');
      res.json({ payloads: out.map(payloadToJson) });
    },
  );
  router.use('/codec', problemHandler);
  return router;
}

/**
 * Development only: `GET /dev/codec-session?user=<demo user>` sets the codec cookie for a demo user, so the
 * embedded Web UI (which has no login of its own) can decode once "include cross-origin credentials" is on. The
 * cookie holds a codec-only token (audience DEV_CODEC_AUDIENCE) that the API itself refuses, is HttpOnly and
 * SameSite=Strict, and Secure whenever the request came over https.
 */
export function devCodecSessionRouter(dev: DevelopmentAuth): Router {
  const router = Router();
  router.get('/dev/codec-session', async (req, res) => {
    const user = DEMO_USERS.find((u) => u.sub === req.query.user);
    if (!user) throw new HttpProblem(400, 'Unknown demo user', `user must be one of ${DEMO_USERS.map((u) => u.sub)}`);
    const token = await dev.mint(user, { audience: DEV_CODEC_AUDIENCE });
    const secure = req.secure ? '; Secure' : '';
    res.setHeader('Set-Cookie', `${COOKIE}=${token}; Path=/codec; HttpOnly; SameSite=Strict; Max-Age=28800${secure}`);
    res.setHeader('Cache-Control', 'no-store');
    res
      .type('text/plain; charset=utf-8')
      .send(`编解码服务已为 ${user.sub} 开启（8 小时）。请回到 Temporal Web UI 查看案件内容。\n`);
  });
  return router;
}
