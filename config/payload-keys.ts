/**
 * The payload keys (`codec/keys.ts`): one current key that encrypts, and older keys that still decrypt what they once
 * encrypted, so a key can be rotated without re-encrypting long-lived cases. They come from the environment
 * (PAYLOAD_KEY_ID + PAYLOAD_KEY, older ones in PAYLOAD_PREVIOUS_KEYS) or from a file (PAYLOAD_KEY_FILE); for `npm
 * start`'s embedded setup with neither, a key file is made under DATA_DIR on first start so it needs no set-up. The
 * migration window for unsealed payloads (PAYLOAD_PLAINTEXT_UNTIL) is read here too.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

import type { SealingPolicy } from '../codec/aes-gcm';
import type { PayloadKeys } from '../codec/keys';
import { failConfig, issueLines } from './errors';

const PLAINTEXT_WINDOW_MS = 90 * 24 * 3600 * 1000;

/** The PAYLOAD_* variables; the descriptions are what docs/OPERATIONS.md lists (test/unit/config-docs.test.ts). */
export const payloadKeysSchema = z.object({
  PAYLOAD_KEY_ID: z.string().optional().describe('当前加密密钥的编号（1–64 个字母、数字、点、横线或下划线）'),
  PAYLOAD_KEY: z.string().optional().describe('当前密钥：32 个随机字节的 base64（openssl rand -base64 32）'),
  PAYLOAD_PREVIOUS_KEYS: z.string().optional().describe('仍用于解密的旧密钥，`编号:base64` 逗号分隔（轮换密钥时用）'),
  PAYLOAD_KEY_FILE: z
    .string()
    .optional()
    .describe('密钥文件（JSON：currentKeyId 与 keys），代替上面三项；都不设时仅 npm start 内嵌模式在 DATA_DIR 生成'),
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

/** The codec's keys and how it treats payloads that are not sealed. */
export interface PayloadConfig {
  readonly keys: PayloadKeys;
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
  return { keys, sealing: c.PAYLOAD_PLAINTEXT_UNTIL ? { plaintextUntil: c.PAYLOAD_PLAINTEXT_UNTIL } : {} };
}

/** The settings the key loader reads. */
export interface PayloadKeySettings {
  readonly PAYLOAD_KEY_ID?: string;
  readonly PAYLOAD_KEY?: string;
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
  keys: z.record(z.string().regex(KEY_ID), z.string()),
});

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
  return { currentKeyId: parsed.currentKeyId, keys };
}

function fromEnvironment(s: PayloadKeySettings): PayloadKeys {
  const id = s.PAYLOAD_KEY_ID ?? '';
  if (!KEY_ID.test(id)) throw new PayloadKeyError('PAYLOAD_KEY_ID: 1–64 letters, digits, dot, dash or underscore');
  const keys = new Map([[id, keyBytes('PAYLOAD_KEY', s.PAYLOAD_KEY ?? '')]]);
  for (const entry of (s.PAYLOAD_PREVIOUS_KEYS ?? '').split(',').filter((e) => e.trim())) {
    const [oldId, key] = entry.trim().split(':', 2);
    if (!KEY_ID.test(oldId) || key === undefined) {
      throw new PayloadKeyError('PAYLOAD_PREVIOUS_KEYS: a comma-separated list of <key id>:<base64 key>');
    }
    if (keys.has(oldId)) throw new PayloadKeyError(`PAYLOAD_PREVIOUS_KEYS: key id "${oldId}" given twice`);
    keys.set(oldId, keyBytes(`PAYLOAD_PREVIOUS_KEYS ${oldId}`, key));
  }
  return { currentKeyId: id, keys };
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
  if (s.PAYLOAD_KEY_FILE && (s.PAYLOAD_KEY || s.PAYLOAD_KEY_ID)) {
    throw new PayloadKeyError('PAYLOAD_KEY_FILE and PAYLOAD_KEY/PAYLOAD_KEY_ID exclude each other');
  }
  if (s.PAYLOAD_KEY_FILE) return fromFile(s.PAYLOAD_KEY_FILE);
  if (s.PAYLOAD_KEY || s.PAYLOAD_KEY_ID) return fromEnvironment(s);
  if (s.NODE_ENV === 'production') {
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
    const generated = { currentKeyId: 'dev-1', keys: { 'dev-1': randomBytes(32).toString('base64') } };
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
