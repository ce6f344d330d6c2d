/**
 * Case files hold personal and disciplinary data, and Temporal's store keeps every payload for as long as the case
 * and its retention last. This codec encrypts each payload with AES-256-GCM before it leaves the process, so the
 * store (and anyone reading its database files or backups) sees only ciphertext and the id of the key that made it.
 *
 * Sealing is also what tells a case that a message came through the API: only the API and the worker hold the keys.
 * A payload that is not sealed, whose seal does not verify, or that was sealed for another case decodes to the
 * refusal mark of `domain/sealing.ts`, which the workflow refuses and records; it is never passed on as data.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import type { Payload, PayloadCodec, SerializationContext } from '@temporalio/common';
import { defaultPayloadConverter, ValueError } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

import type { UnsealedMark, UnsealedReason } from '../domain/sealing';
import type { PayloadKeys } from './keys';

/** Metadata encoding of an encrypted payload. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** Metadata key naming the key that encrypted a payload, so older keys keep decrypting after a rotation. */
export const KEY_ID_METADATA = 'encryption-key-id';
/** Metadata key of the seal's version: absent for release 0.2.0's seals, `2` for seals bound to their case. */
export const SEAL_VERSION_METADATA = 'encryption-seal';
/** Metadata key naming the case (workflow ID) a payload is sealed for; part of the authenticated data. */
export const SEALED_FOR_METADATA = 'encryption-case';

const SEAL_V2 = '2';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** How the codec treats payloads that are not sealed. */
export interface SealingPolicy {
  /**
   * Until this instant, plaintext payloads pass through undecoded: the explicit, time-limited migration setting
   * (PAYLOAD_PLAINTEXT_UNTIL) for cases begun on release 0.1.0, whose histories were written before encryption.
   * Absent or past, plaintext is refused.
   */
  readonly plaintextUntil?: Date;
  /** The clock the deadline is compared with; tests pass their own. */
  readonly now?: () => number;
}

/** The additional authenticated data of a version-2 seal: the key id and the case it is sealed for. */
function additionalData(keyId: string, sealedFor: string): Buffer {
  return Buffer.from(`tolerance-cases/seal-v2/${keyId}/${sealedFor}`, 'utf8');
}

function encrypt(plain: Uint8Array, key: Buffer, aad: Buffer): Uint8Array {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/** Opens a seal; undefined when it does not verify (tampered, re-labelled, or made with other data). */
function decrypt(sealed: Uint8Array, key: Buffer, aad: Buffer | undefined): Uint8Array | undefined {
  const data = Buffer.from(sealed);
  if (data.length < IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    if (aad) decipher.setAAD(aad);
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return undefined;
  }
}

function text(bytes: Uint8Array | null | undefined): string | undefined {
  return bytes ? decoder.decode(bytes) : undefined;
}

function refusal(reason: UnsealedReason, claimedActorId?: string): Payload {
  const mark: UnsealedMark = { unsealedPayloadRefused: reason, ...(claimedActorId ? { claimedActorId } : {}) };
  return defaultPayloadConverter.toPayload(mark);
}

/** The actor id a plaintext JSON message claims, cut to 64 characters, or undefined. */
function claimedActorId(payload: Payload): string | undefined {
  if (text(payload.metadata?.encoding) !== 'json/plain' || !payload.data) return undefined;
  try {
    const id = (JSON.parse(decoder.decode(payload.data)) as { actor?: { id?: unknown } } | null)?.actor?.id;
    return typeof id === 'string' ? id.slice(0, 64) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A payload codec that seals the whole serialised payload (its metadata included, so not even the encoding of a
 * value shows) with the current key, bound to the case it belongs to (the workflow ID of the serialisation
 * context, as authenticated data), and opens a payload with whichever known key its metadata names.
 */
export class AesGcmCodec implements PayloadCodec {
  constructor(
    private readonly keys: PayloadKeys,
    private readonly policy: SealingPolicy = {},
  ) {}

  async encode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    const { currentKeyId, keys } = this.keys;
    const key = keys.get(currentKeyId) as Buffer;
    const sealedFor = context?.workflowId ?? '';
    return payloads.map((payload) => ({
      metadata: {
        encoding: encoder.encode(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: encoder.encode(currentKeyId),
        [SEAL_VERSION_METADATA]: encoder.encode(SEAL_V2),
        ...(sealedFor ? { [SEALED_FOR_METADATA]: encoder.encode(sealedFor) } : {}),
      },
      data: encrypt(
        temporal.api.common.v1.Payload.encode(payload).finish(),
        key,
        additionalData(currentKeyId, sealedFor),
      ),
    }));
  }

  async decode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    return payloads.map((payload) => this.open(payload, context?.workflowId));
  }

  private open(payload: Payload, workflowId: string | undefined): Payload {
    if (text(payload.metadata?.encoding) !== ENCRYPTED_ENCODING) {
      const now = (this.policy.now ?? Date.now)();
      const migrating = this.policy.plaintextUntil !== undefined && now < this.policy.plaintextUntil.getTime();
      return migrating ? payload : refusal('plaintext', claimedActorId(payload));
    }
    const keyId = text(payload.metadata?.[KEY_ID_METADATA]) ?? '';
    const key = this.keys.keys.get(keyId);
    // A key this process lacks is a deployment fault (a rotation not rolled out), not an attack to be refused:
    // failing loudly keeps the case's workflow task retrying until the key is there.
    if (!key) throw new ValueError(`payload encrypted with unknown key id "${keyId}"`);
    if (!payload.data) return refusal('forged');
    const v2 = text(payload.metadata?.[SEAL_VERSION_METADATA]) === SEAL_V2;
    const sealedFor = text(payload.metadata?.[SEALED_FOR_METADATA]) ?? '';
    // Release 0.2.0 sealed without authenticated data; its histories keep opening. A 0.2.0 seal carries no case,
    // so the workflow's own checks (the message names its case, messages of 0.3.0 on) stop it moving between cases.
    const opened = decrypt(payload.data, key, v2 ? additionalData(keyId, sealedFor) : undefined);
    if (!opened) return refusal('forged');
    if (v2 && sealedFor && workflowId && sealedFor !== workflowId) return refusal('anotherCase');
    return temporal.api.common.v1.Payload.decode(opened) as Payload;
  }
}
