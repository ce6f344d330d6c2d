/**
 * The payload keys (`codec/keys.ts`): a current shared key and a current key per handling body that encrypt, and
 * older keys that still decrypt what they once encrypted, so keys can be rotated (each body's on its own) without
 * re-encrypting long-lived cases. They come from the environment (PAYLOAD_KEY_ID + PAYLOAD_KEY, the bodies' in
 * PAYLOAD_BODY_KEYS, older ones in PAYLOAD_PREVIOUS_KEYS) or from a file (PAYLOAD_KEY_FILE); for `npm start`'s
 * embedded setup with neither, a key file is made under DATA_DIR on first start so it needs no set-up. The cipher
 * (PAYLOAD_CIPHER) and the migration window for unsealed payloads (PAYLOAD_PLAINTEXT_UNTIL) are read here too.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

import type { SealingPolicy } from '../codec/case-codec';
import type { PayloadCipher } from '../codec/ciphers';
import { cipherAvailable, PAYLOAD_CIPHERS } from '../codec/ciphers';
import type { PayloadKeys } from '../codec/keys';
import { BODY_KEY_PREFIXES, bodyOfKey } from '../codec/keys';
import type { HandlingBody } from '../domain/case';
import { HANDLING_BODIES } from '../domain/case';
import { failConfig, issueLines } from './errors';

const PLAINTEXT_WINDOW_MS = 90 * 24 * 3600 * 1000;

/** The PAYLOAD_* variables; the descriptions are what docs/OPERATIONS.md lists (test/unit/config-docs.test.ts). */
export const payloadKeysSchema = z.object({
  PAYLOAD_KEY_ID: z.string().optional().describe('当前加密密钥的编号（1–64 个字母、数字、点、横线或下划线）'),
  PAYLOAD_KEY: z.string().optional().describe('当前密钥：32 个随机字节的 base64（openssl rand -base64 32）'),
  PAYLOAD_BODY_KEYS: z
    .string()
    .optional()
    .describe(
      '各办理机关的当前密钥，`编号:base64` 逗号分隔，每个机关一把；编号以 party-、discipline-、organization- 开头标明机关（生产环境必填）',
    ),
  PAYLOAD_PREVIOUS_KEYS: z
    .string()
    .optional()
    .describe('仍用于解密的旧密钥（共用的与各机关的），`编号:base64` 逗号分隔（轮换密钥时用）'),
  PAYLOAD_CIPHER: z
    .enum(PAYLOAD_CIPHERS)
    .default('aes-256-gcm')
    .refine(cipherAvailable, 'this Node’s OpenSSL lacks the cipher (sm4-gcm needs Node 24)')
    .describe('新载荷的加密算法：aes-256-gcm（默认）或 sm4-gcm（国密）；两者的旧载荷都能解密'),
  PAYLOAD_KEY_FILE: z
    .string()
    .optional()
    .describe(
      '密钥文件（JSON：currentKeyId、bodyKeyIds 与 keys），代替上面四项；都不设时仅 npm start 内嵌模式在 DATA_DIR 生成',
    ),
  /**
   * Migration only: until this date payloads that are not sealed pass through, so cases begun on release 0.1.0
   * (written before encryption) keep running. Unset, every payload that is not sealed with a known key is refused.
   */
  PAYLOAD_PLAINTEXT_UNTIL: z.iso
    .date('a date like 2027-01-31')
    .transform((d) => new Date(`${d}T24:00:00+08:00`))
    .refine((d) => d.getTime() - Date.now() <= PLAINTEXT_WINDOW_MS, 'at most 90 days ahead: a migration, not a mode')
    .optional()
    .describe('仅用于迁移：此日期（YYYY-MM-DD，北京时间，最多 90 天后）之前放行未加密的载荷'),
});

/** The codec's keys, its cipher and how it treats payloads that are not sealed. */
export interface PayloadConfig {
  readonly keys: PayloadKeys;
  readonly cipher: PayloadCipher;
  readonly sealing: SealingPolicy;
}

/**
 * Reads the PAYLOAD_* variables from `env` and loads the keys they name. Only `npm start`'s embedded setup passes
 * `allowGenerated`: everywhere else a missing key is a configuration error, never a key made up on the spot.
 *
 * @throws ConfigError naming the variable or file at fault.
 */
export function loadPayloadConfig(
  env: NodeJS.ProcessEnv,
  context: { readonly dataDir: string; readonly allowGenerated: boolean },
): PayloadConfig {
  const parsed = payloadKeysSchema.safeParse(env);
  if (!parsed.success) failConfig(issueLines(parsed.error));
  const c = parsed.data;
  let keys: PayloadKeys;
  try {
    keys = loadPayloadKeys({
      ...c,
      NODE_ENV: env.NODE_ENV,
      DATA_DIR: context.dataDir,
      allowGenerated: context.allowGenerated,
    });
  } catch (err) {
    if (err instanceof PayloadKeyError) failConfig([err.message]);
    throw err;
  }
  return {
    keys,
    cipher: c.PAYLOAD_CIPHER,
    sealing: c.PAYLOAD_PLAINTEXT_UNTIL ? { plaintextUntil: c.PAYLOAD_PLAINTEXT_UNTIL } : {},
  };
}

/** The settings the key loader reads. */
export interface PayloadKeySettings {
  readonly PAYLOAD_KEY_ID?: string;
  readonly PAYLOAD_KEY?: string;
  readonly PAYLOAD_BODY_KEYS?: string;
  readonly PAYLOAD_PREVIOUS_KEYS?: string;
  readonly PAYLOAD_KEY_FILE?: string;
  readonly DATA_DIR: string;
  readonly NODE_ENV?: string;
  /**
   * Whether a missing key may be generated under DATA_DIR: only for `npm start`'s embedded setup, where the data
   * and the key stay on one developer's machine.
   */
  readonly allowGenerated?: boolean;
}

/** Thrown with the variable or file at fault, so start-up stops on a named line. */
export class PayloadKeyError extends Error {
  override readonly name = 'PayloadKeyError';
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

const keyFileSchema = z.strictObject({
  currentKeyId: z.string().regex(KEY_ID),
  bodyKeyIds: z.strictObject(Object.fromEntries(HANDLING_BODIES.map((b) => [b, z.string()]))).optional(),
  keys: z.record(z.string().regex(KEY_ID), z.string()),
});

/** Checks that each body's current key is known and named for its body. */
function checkBodyKeys(where: string, keys: PayloadKeys): PayloadKeys {
  for (const body of HANDLING_BODIES) {
    const id = keys.bodyKeyIds?.[body];
    if (id === undefined) continue;
    if (!keys.keys.has(id)) throw new PayloadKeyError(`${where}: the key "${id}" of ${body} is not among the keys`);
    if (bodyOfKey(id) !== body) {
      throw new PayloadKeyError(`${where}: the key id "${id}" of ${body} must begin with ${BODY_KEY_PREFIXES[body]}-`);
    }
  }
  if (bodyOfKey(keys.currentKeyId)) {
    throw new PayloadKeyError(`${where}: the shared key id "${keys.currentKeyId}" must not name a handling body`);
  }
  return keys;
}

function keyBytes(where: string, base64: string): Buffer {
  const bytes = Buffer.from(base64.trim(), 'base64');
  if (bytes.length !== 32 || bytes.toString('base64') !== base64.trim()) {
    throw new PayloadKeyError(`${where}: must be 32 random bytes in base64 (openssl rand -base64 32)`);
  }
  return bytes;
}

function fromFile(file: string): PayloadKeys {
  let parsed: z.infer<typeof keyFileSchema>;
  try {
    parsed = keyFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    const reason = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')} ${i.message}`) : [err];
    throw new PayloadKeyError(`PAYLOAD_KEY_FILE ${file}: ${reason.map(String).join('; ')}`);
  }
  const keys = new Map(Object.entries(parsed.keys).map(([id, key]) => [id, keyBytes(`${file} keys.${id}`, key)]));
  if (!keys.has(parsed.currentKeyId)) {
    throw new PayloadKeyError(`PAYLOAD_KEY_FILE ${file}: currentKeyId "${parsed.currentKeyId}" is not among its keys`);
  }
  const bodyKeyIds = parsed.bodyKeyIds as Record<HandlingBody, string> | undefined;
  return checkBodyKeys(`PAYLOAD_KEY_FILE ${file}`, {
    currentKeyId: parsed.currentKeyId,
    ...(bodyKeyIds ? { bodyKeyIds } : {}),
    keys,
  });
}

/** `<key id>:<base64 key>` entries of a comma-separated variable. */
function entries(variable: string, value: string | undefined): [string, string][] {
  return (value ?? '')
    .split(',')
    .filter((e) => e.trim())
    .map((entry) => {
      const [id, key] = entry.trim().split(':', 2);
      if (!KEY_ID.test(id) || key === undefined) {
        throw new PayloadKeyError(`${variable}: a comma-separated list of <key id>:<base64 key>`);
      }
      return [id, key];
    });
}

function fromEnvironment(s: PayloadKeySettings): PayloadKeys {
  const id = s.PAYLOAD_KEY_ID ?? '';
  if (!KEY_ID.test(id)) throw new PayloadKeyError('PAYLOAD_KEY_ID: 1–64 letters, digits, dot, dash or underscore');
  const keys = new Map([[id, keyBytes('PAYLOAD_KEY', s.PAYLOAD_KEY ?? '')]]);
  const bodyKeyIds: Partial<Record<HandlingBody, string>> = {};
  for (const [bodyKeyId, key] of entries('PAYLOAD_BODY_KEYS', s.PAYLOAD_BODY_KEYS)) {
    const body = bodyOfKey(bodyKeyId);
    if (!body) {
      throw new PayloadKeyError(
        `PAYLOAD_BODY_KEYS: key id "${bodyKeyId}" names no handling body (party-, discipline- or organization-)`,
      );
    }
    if (bodyKeyIds[body]) throw new PayloadKeyError(`PAYLOAD_BODY_KEYS: two current keys for ${body}`);
    bodyKeyIds[body] = bodyKeyId;
    keys.set(bodyKeyId, keyBytes(`PAYLOAD_BODY_KEYS ${bodyKeyId}`, key));
  }
  const missing = HANDLING_BODIES.filter((b) => !bodyKeyIds[b]);
  if (missing.length > 0 && missing.length < HANDLING_BODIES.length) {
    throw new PayloadKeyError(
      `PAYLOAD_BODY_KEYS: a current key for every handling body; missing ${missing.join(', ')}`,
    );
  }
  for (const [oldId, key] of entries('PAYLOAD_PREVIOUS_KEYS', s.PAYLOAD_PREVIOUS_KEYS)) {
    if (keys.has(oldId)) throw new PayloadKeyError(`PAYLOAD_PREVIOUS_KEYS: key id "${oldId}" given twice`);
    keys.set(oldId, keyBytes(`PAYLOAD_PREVIOUS_KEYS ${oldId}`, key));
  }
  return checkBodyKeys('PAYLOAD_KEY_ID', {
    currentKeyId: id,
    ...(missing.length === 0 ? { bodyKeyIds: bodyKeyIds as Record<HandlingBody, string> } : {}),
    keys,
  });
}

/** @throws PayloadKeyError in production unless every handling body has its own current key. */
function requireBodyKeys(keys: PayloadKeys, production: boolean): PayloadKeys {
  if (production && !keys.bodyKeyIds) {
    throw new PayloadKeyError(
      'PAYLOAD_BODY_KEYS (or bodyKeyIds in PAYLOAD_KEY_FILE): a current key for every handling body is required in production',
    );
  }
  return keys;
}

/** Where a development machine keeps its generated key. */
export function developmentKeyFile(dataDir: string): string {
  return path.join(dataDir, 'payload-keys.json');
}

/**
 * Loads the payload keys from the settings.
 *
 * @throws PayloadKeyError naming the variable or file at fault; when no key is configured in production or
 *   without `allowGenerated`, since a generated key beside the data would protect nothing.
 */
export function loadPayloadKeys(s: PayloadKeySettings): PayloadKeys {
  if (s.PAYLOAD_KEY_FILE && (s.PAYLOAD_KEY || s.PAYLOAD_KEY_ID || s.PAYLOAD_BODY_KEYS)) {
    throw new PayloadKeyError('PAYLOAD_KEY_FILE and PAYLOAD_KEY/PAYLOAD_KEY_ID/PAYLOAD_BODY_KEYS exclude each other');
  }
  const production = s.NODE_ENV === 'production';
  if (s.PAYLOAD_KEY_FILE) return requireBodyKeys(fromFile(s.PAYLOAD_KEY_FILE), production);
  if (s.PAYLOAD_KEY || s.PAYLOAD_KEY_ID || s.PAYLOAD_BODY_KEYS) return requireBodyKeys(fromEnvironment(s), production);
  if (production) {
    throw new PayloadKeyError('PAYLOAD_KEY_ID and PAYLOAD_KEY (or PAYLOAD_KEY_FILE) are required in production');
  }
  if (!s.allowGenerated) {
    throw new PayloadKeyError(
      'PAYLOAD_KEY_ID and PAYLOAD_KEY (or PAYLOAD_KEY_FILE) are required outside npm start with its embedded Temporal',
    );
  }
  const file = developmentKeyFile(s.DATA_DIR);
  if (!existsSync(file)) {
    mkdirSync(s.DATA_DIR, { recursive: true });
    // A shared key and one per body, as production has them; a data directory of an earlier release keeps its
    // single key (every case sealed with it), which development allows.
    const bodyKeyIds = Object.fromEntries(HANDLING_BODIES.map((b) => [b, `${BODY_KEY_PREFIXES[b]}-dev-1`]));
    const generated = {
      currentKeyId: 'dev-1',
      bodyKeyIds,
      keys: Object.fromEntries(
        ['dev-1', ...Object.values(bodyKeyIds)].map((id) => [id, randomBytes(32).toString('base64')]),
      ),
    };
    // Written aside and linked into place: a worker and an API starting at once keep the first key, and neither
    // can read a half-written file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, `${JSON.stringify(generated, null, 2)}\n`, { mode: 0o600 });
    try {
      linkSync(partial, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(partial);
    }
  }
  return fromFile(file);
}
