/**
 * The authenticated ciphers a payload may be sealed with, chosen per deployment (PAYLOAD_CIPHER): AES-256-GCM by
 * default, or SM4-GCM (GB/T 32907) for deployments held to the 国密 algorithms. Both come from Node's own OpenSSL
 * (`crypto.getCiphers()`), not from a library: no JavaScript implementation of a cipher to audit or keep patched.
 * Every seal names its cipher, so a deployment that switches keeps opening what the other cipher sealed.
 */
import type { CipherGCM, DecipherGCM } from 'node:crypto';
import { createCipheriv, createDecipheriv, getCiphers, hkdfSync, randomBytes } from 'node:crypto';

/** The ciphers a deployment may choose. */
export const PAYLOAD_CIPHERS = ['aes-256-gcm', 'sm4-gcm'] as const;
/** One of PAYLOAD_CIPHERS. */
export type PayloadCipher = (typeof PAYLOAD_CIPHERS)[number];

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The key a cipher runs with, from a 32-byte payload key. SM4 takes 16 bytes: rather than cut the key, a subkey of
 * its own is derived (HKDF over SM3, the 国密 hash), so the two ciphers never share key bytes.
 */
const sm4Keys = new WeakMap<Buffer, Buffer>();
function cipherKey(cipher: PayloadCipher, key: Buffer): Buffer {
  if (cipher === 'aes-256-gcm') return key;
  let derived = sm4Keys.get(key);
  if (!derived) {
    derived = Buffer.from(hkdfSync('sm3', key, Buffer.alloc(0), 'tolerance-cases/sm4-gcm', 16));
    sm4Keys.set(key, derived);
  }
  return derived;
}

/** True when this process's OpenSSL offers `cipher` (SM4-GCM needs Node 24's; Node 20's lacks it). */
export function cipherAvailable(cipher: PayloadCipher): boolean {
  return getCiphers().includes(cipher);
}

/** Seals `plain` as IV ‖ ciphertext ‖ tag, authenticating `aad` with it. */
export function seal(cipher: PayloadCipher, plain: Uint8Array, key: Buffer, aad: Buffer): Uint8Array {
  const iv = randomBytes(IV_BYTES);
  // Node's typings know GCM by the AES names only; SM4-GCM is the same interface.
  const c = createCipheriv(cipher as 'aes-256-gcm', cipherKey(cipher, key), iv) as CipherGCM;
  c.setAAD(aad);
  const body = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([iv, body, c.getAuthTag()]);
}

/** Opens a seal; undefined when it does not verify (tampered, re-labelled, or made with other data). */
export function open(
  cipher: PayloadCipher,
  sealed: Uint8Array,
  key: Buffer,
  aad: Buffer | undefined,
): Uint8Array | undefined {
  const data = Buffer.from(sealed);
  if (data.length < IV_BYTES + TAG_BYTES) return undefined;
  try {
    const d = createDecipheriv(
      cipher as 'aes-256-gcm',
      cipherKey(cipher, key),
      data.subarray(0, IV_BYTES),
    ) as DecipherGCM;
    if (aad) d.setAAD(aad);
    d.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return Buffer.concat([d.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), d.final()]);
  } catch {
    return undefined;
  }
}
