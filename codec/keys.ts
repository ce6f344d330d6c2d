/**
 * The payload keys: one current key that encrypts, and older keys that still decrypt what they once encrypted, so a
 * key can be rotated without re-encrypting long-lived cases. They come from the environment (PAYLOAD_KEY_ID +
 * PAYLOAD_KEY, older ones in PAYLOAD_PREVIOUS_KEYS) or from a file (PAYLOAD_KEY_FILE); for `npm start`'s embedded setup
 * with neither, a key file is made under DATA_DIR on first start so it needs no set-up.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

export interface PayloadKeys {
  readonly currentKeyId: string;
  /** Every known key by id, the current one included; each 32 bytes (AES-256). */
  readonly keys: ReadonlyMap<string, Buffer>;
}

/** The environment variables this module reads. */
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
