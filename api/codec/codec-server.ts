/**
 * The codec server the Temporal Web UI calls to show encrypted case data (Temporal's remote codec protocol:
 * `POST /codec/decode` with `{ payloads: [...] }` in protobuf JSON). It decrypts only for a verified officer of
 * CODEC_ROLES: a bearer token (the UI passes the user's access token) or, in development, a codec-only cookie set by
 * `/dev/codec-session`. There is no `/codec/encode`: only the API and the worker seal payloads, so nothing typed
 * into the Web UI can become a sealed message. The caller is authenticated before the body is read, the body is
 * small, and each caller shares the API's per-caller rate limit.
 *
 * An officer sees the cases of their own handling body only, as in the API: a payload sealed with another body's
 * key, or with a shared key for a case of another body, is answered as it came, still encrypted (the protocol
 * answers payload for payload, and the Web UI shows an undecodable payload as such), so one event of a history
 * mixing what may and may not be read still shows what may. A payload of no case is shown to every caller the
 * roles admit; operators, who have no body, see nothing else, and are not among the default roles at all. Each
 * decode is logged (who, which keys, how many payloads, the digests of what was decoded) and appended to the
 * hash-chained access log, for 责任倒查.
 */
import { createHash } from 'node:crypto';

import type { Payload } from '@temporalio/common';
import type { Request, RequestHandler } from 'express';
import express, { Router } from 'express';
import { z } from 'zod';

import type { CaseCodec, Opened } from '../../codec/case-codec';
import type { Role } from '../../domain/case';
import type { DevelopmentAuth } from '../auth';
import { DEMO_USERS } from '../auth';
import { BEARER } from '../auth/authenticate';
import { DEV_CODEC_AUDIENCE } from '../auth/development';
import type { Principal } from '../auth/principal';
import type { TokenVerifier } from '../auth/verifier';
import type { AccessLog } from '../http/access-log';
import { CODEC_TEXTS } from '../../domain/texts';
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
  /** The case codec, whose keys open every body's payloads; the server decides which its caller sees. */
  readonly codec: CaseCodec;
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
  /** Where each decode is recorded; none in tests of the edges alone. */
  readonly accessLog?: AccessLog;
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

/**
 * Whether `p` may see what `opened` holds: a refusal mark or plaintext let through reveals nothing sealed; a body's
 * key is for that body's officers; a shared key's payload for the officers of its case's body; a shared key's
 * payload of no case for anyone admitted. A seal of release 0.2.0 named no case, so nobody can be shown to be
 * entitled to it: it stays encrypted here (the API still shows those cases to their body).
 */
async function mayRead(p: Principal, opened: Opened, codec: CaseCodec): Promise<boolean> {
  const seal = opened.seal;
  if (!seal) return true;
  if (seal.keyBody) return p.body === seal.keyBody;
  if (seal.sealedFor) return p.body !== undefined && (await codec.bodyOf(seal.sealedFor)) === p.body;
  return seal.bound;
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
      throw new HttpProblem(401, 'Unauthorized', CODEC_TEXTS.tokenRequired);
    }
    if (!roles.includes(res.locals.principal.role)) {
      throw new HttpProblem(403, 'Forbidden', CODEC_TEXTS.roleMayNotRead(res.locals.principal.role));
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
      let opened: Opened[];
      try {
        opened = options.codec.openAll(payloads);
      } catch (err) {
        // A payload of an unknown key or a tampered one: the caller's data is at fault, not the server.
        throw new HttpProblem(400, 'Payload cannot be decoded', (err as Error).message);
      }
      const out: Payload[] = [];
      const keys = new Set<string>();
      const cases = new Set<string>();
      let withheld = 0;
      for (const [i, o] of opened.entries()) {
        const shown = await mayRead(principal, o, options.codec);
        out.push(shown ? o.payload : payloads[i]);
        if (!shown) withheld++;
        if (shown && o.seal) keys.add(o.seal.keyId);
        if (shown && o.seal?.sealedFor) cases.add(o.seal.sealedFor);
      }
      const decoded = {
        namespace: req.get('x-namespace'),
        keys: [...keys],
        payloads: payloads.length,
        withheld,
      };
      options.logger.info('codec decode', {
        requestId: res.locals.requestId,
        actor: principal.sub,
        role: principal.role,
        body: principal.body,
        ...decoded,
        digests: payloads.map(digestOf),
      });
      if (payloads.length > 0) {
        try {
          await options.accessLog?.append({
            actor: principal.sub,
            role: principal.role,
            ...(principal.body ? { body: principal.body } : {}),
            caseNumbers: [...cases],
            what: 'codec decode',
            detail: { requestId: res.locals.requestId, ...decoded },
          });
        } catch (err) {
          options.logger.error('access log write failed', { requestId: res.locals.requestId, error: String(err) });
          throw new HttpProblem(503, 'Access log unavailable', CODEC_TEXTS.decodeNotLogged);
        }
      }
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
    if (!user)
      throw new HttpProblem(400, 'Unknown demo user', CODEC_TEXTS.unknownDemoUser(DEMO_USERS.map((u) => u.sub)));
    const token = await dev.mint(user, { audience: DEV_CODEC_AUDIENCE });
    const secure = req.secure ? '; Secure' : '';
    res.setHeader('Set-Cookie', `${COOKIE}=${token}; Path=/codec; HttpOnly; SameSite=Strict; Max-Age=28800${secure}`);
    res.setHeader('Cache-Control', 'no-store');
    res.type('text/plain; charset=utf-8').send(CODEC_TEXTS.sessionOpened(user.sub));
  });
  return router;
}
