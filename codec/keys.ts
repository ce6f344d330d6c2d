/**
 * The payload keys the codec encrypts and decrypts with. `config/payload-keys.ts` loads them from the environment
 * or a key file; the codec only needs their shape.
 */

/** One current key that encrypts, and older keys that still decrypt what they once encrypted. */
export interface PayloadKeys {
  readonly currentKeyId: string;
  /** Every known key by id, the current one included; each 32 bytes (AES-256). */
  readonly keys: ReadonlyMap<string, Buffer>;
}
