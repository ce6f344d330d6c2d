/**
 * Case files hold personal and disciplinary data, and Temporal's store keeps every payload for as long as the case
 * and its retention last. This codec encrypts each payload (AES-256-GCM, or SM4-GCM where the deployment chooses
 * it, `codec/ciphers.ts`) before it leaves the process, so the store (and anyone reading its database files or
 * backups) sees only ciphertext, the id of the key that made it and the cipher's name. A case's payloads are sealed
 * with its handling body's key (`codec/keys.ts`), found through `codec/case-bodies.ts`.
 *
 * Sealing is also what tells a case that a message came through the API: only the API and the worker hold the keys.
 * A payload that is not sealed, whose seal does not verify, or that was sealed for another case decodes to the
 * refusal mark of `domain/sealing.ts`, which the workflow refuses and records; it is never passed on as data.
 */
import type { Payload, PayloadCodec, SerializationContext } from '@temporalio/common';
import { defaultPayloadConverter, ValueError } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

import type { HandlingBody } from '../domain/case';
import type { UnsealedMark, UnsealedReason } from '../domain/sealing';
import type { CaseBodyLookup } from './case-bodies';
import { CASE_BODIES, CaseBodies } from './case-bodies';
import type { PayloadCipher } from './ciphers';
import { cipherAvailable, open, PAYLOAD_CIPHERS, seal } from './ciphers';
import type { PayloadKeys } from './keys';
import { bodyOfKey, sealingKeyId } from './keys';

/** Metadata encoding of an encrypted payload. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** Metadata key naming the key that encrypted a payload, so older keys keep decrypting after a rotation. */
export const KEY_ID_METADATA = 'encryption-key-id';
/** Metadata key of the seal's version: absent for release 0.2.0's seals, `2` for seals bound to their case. */
export const SEAL_VERSION_METADATA = 'encryption-seal';
/** Metadata key naming the case (workflow ID) a payload is sealed for; part of the authenticated data. */
export const SEALED_FOR_METADATA = 'encryption-case';
/** Metadata key naming the cipher; absent on seals of releases before 0.4.0, which are all AES-256-GCM. */
export const CIPHER_METADATA = 'encryption-cipher';

const SEAL_V2 = '2';
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

/** The sealing policy and how the codec seals. */
export interface CaseCodecOptions extends SealingPolicy {
  /** The cipher new payloads are sealed with (PAYLOAD_CIPHER); AES-256-GCM by default. Any known one opens. */
  readonly cipher?: PayloadCipher;
  /** Where cases' bodies are learnt and kept; the process's shared table by default. */
  readonly bodies?: CaseBodies;
  /** Finds the body of a case the table does not know (the worker's and the API's connection to Temporal). */
  readonly lookup?: CaseBodyLookup;
}

/** What an opened payload's (verified) seal says: the key, the body it names, and the case it is sealed for. */
export interface OpenedSeal {
  readonly keyId: string;
  /** The body of the key; undefined for a shared key. */
  readonly keyBody?: HandlingBody;
  /** The case it is sealed for; undefined for a payload of no case, or a seal of release 0.2.0. */
  readonly sealedFor?: string;
  /** False for release 0.2.0's seals, which named no case (nor whether they belonged to one). */
  readonly bound: boolean;
}

/** A decoded payload, with its seal when it opened (absent for refusals and plaintext let through). */
export interface Opened {
  readonly payload: Payload;
  readonly seal?: OpenedSeal;
}

/** The additional authenticated data of a version-2 seal: the key id and the case it is sealed for. */
function additionalData(keyId: string, sealedFor: string): Buffer {
  return Buffer.from(`tolerance-cases/seal-v2/${keyId}/${sealedFor}`, 'utf8');
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

function isCipher(name: string): name is PayloadCipher {
  return (PAYLOAD_CIPHERS as readonly string[]).includes(name);
}

/**
 * A payload codec that seals the whole serialised payload (its metadata included, so not even the encoding of a
 * value shows) with the key of the case's body, bound to the case it belongs to (the workflow ID of the
 * serialisation context, as authenticated data), and opens a payload with whichever known key its metadata names.
 */
export class CaseCodec implements PayloadCodec {
  private readonly cipher: PayloadCipher;
  private readonly bodies: CaseBodies;

  constructor(
    private readonly keys: PayloadKeys,
    private readonly options: CaseCodecOptions = {},
  ) {
    this.cipher = options.cipher ?? 'aes-256-gcm';
    this.bodies = options.bodies ?? CASE_BODIES;
  }

  async encode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    const sealedFor = context?.workflowId ?? '';
    const body = sealedFor ? await this.bodies.resolve(sealedFor, this.options.lookup) : undefined;
    const keyId = sealingKeyId(this.keys, body);
    const key = this.keys.keys.get(keyId) as Buffer;
    return payloads.map((payload) => ({
      metadata: {
        encoding: encoder.encode(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: encoder.encode(keyId),
        [SEAL_VERSION_METADATA]: encoder.encode(SEAL_V2),
        [CIPHER_METADATA]: encoder.encode(this.cipher),
        ...(sealedFor ? { [SEALED_FOR_METADATA]: encoder.encode(sealedFor) } : {}),
      },
      data: seal(
        this.cipher,
        temporal.api.common.v1.Payload.encode(payload).finish(),
        key,
        additionalData(keyId, sealedFor),
      ),
    }));
  }

  async decode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    return payloads.map((payload) => this.open(payload, context?.workflowId).payload);
  }

  /**
   * Decodes payloads of any case and says how each was sealed, for the codec server, which decides afterwards
   * what its caller may see.
   */
  openAll(payloads: readonly Payload[]): Opened[] {
    return payloads.map((payload) => this.open(payload, undefined));
  }

  private open(payload: Payload, workflowId: string | undefined): Opened {
    if (text(payload.metadata?.encoding) !== ENCRYPTED_ENCODING) {
      const now = (this.options.now ?? Date.now)();
      const migrating = this.options.plaintextUntil !== undefined && now < this.options.plaintextUntil.getTime();
      return { payload: migrating ? payload : refusal('plaintext', claimedActorId(payload)) };
    }
    const keyId = text(payload.metadata?.[KEY_ID_METADATA]) ?? '';
    const key = this.keys.keys.get(keyId);
    // A key this process lacks is a deployment fault (a rotation not rolled out), not an attack to be refused:
    // failing loudly keeps the case's workflow task retrying until the key is there.
    if (!key) throw new ValueError(`payload encrypted with unknown key id "${keyId}"`);
    const cipher = text(payload.metadata?.[CIPHER_METADATA]) ?? 'aes-256-gcm';
    if (!isCipher(cipher) || !payload.data) return { payload: refusal('forged') };
    // Likewise a cipher this process's OpenSSL lacks (SM4-GCM on a Node before 24): deployed on the wrong runtime.
    if (!cipherAvailable(cipher)) throw new ValueError(`payload sealed with ${cipher}, which this Node lacks`);
    const v2 = text(payload.metadata?.[SEAL_VERSION_METADATA]) === SEAL_V2;
    const sealedFor = text(payload.metadata?.[SEALED_FOR_METADATA]) ?? '';
    // Release 0.2.0 sealed without authenticated data; its histories keep opening. A 0.2.0 seal carries no case,
    // so the workflow's own checks (the message names its case, messages of 0.3.0 on) stop it moving between cases.
    const opened = open(cipher, payload.data, key, v2 ? additionalData(keyId, sealedFor) : undefined);
    if (!opened) return { payload: refusal('forged') };
    if (v2 && sealedFor && workflowId && sealedFor !== workflowId) return { payload: refusal('anotherCase') };
    const keyBody = bodyOfKey(keyId);
    // Verified: the key's body is the case's, which is what this process needs to seal the case's next payloads.
    if (keyBody && sealedFor) this.bodies.learn(sealedFor, keyBody);
    return {
      payload: temporal.api.common.v1.Payload.decode(opened) as Payload,
      seal: { keyId, ...(keyBody ? { keyBody } : {}), ...(sealedFor ? { sealedFor } : {}), bound: v2 },
    };
  }

  /** The body of a case, as known or looked up; for the codec server's payloads sealed with a shared key. */
  bodyOf(caseNumber: string): Promise<HandlingBody | undefined> {
    return this.bodies.resolve(caseNumber, this.options.lookup);
  }
}
