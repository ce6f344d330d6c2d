/**
 * Seals a case's whole record for the register with the same codec that seals its payloads in Temporal: the key of
 * the case's handling body, AES-256-GCM or SM4-GCM as the deployment chose, bound to the case (as authenticated
 * data) under a name of the register's own, so a record cannot be passed off as one of the case's messages, nor
 * moved to another row. Whoever reads the database or its backups sees ciphertext and the id of the key.
 */
import type { Payload } from '@temporalio/common';
import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

import { CaseBodies } from '../codec/case-bodies';
import { CaseCodec, KEY_ID_METADATA } from '../codec/case-codec';
import type { PayloadCipher } from '../codec/ciphers';
import type { PayloadKeys } from '../codec/keys';
import type { CaseState } from '../domain/case';
import { isUnsealed } from '../domain/sealing';

/** The name a record is sealed for: the register's, beside the case's own workflow ID. */
function sealedFor(caseNumber: string): string {
  return `register/${caseNumber}`;
}

function context(caseNumber: string) {
  return { type: 'workflow' as const, namespace: 'register', workflowId: sealedFor(caseNumber) };
}

/** A record sealed: the bytes of the sealed payload and the key that sealed it. */
export interface SealedRecord {
  readonly record: Uint8Array;
  readonly keyId: string;
}

export class RecordSeal {
  private readonly bodies = new CaseBodies(10_000);
  private readonly codec: CaseCodec;

  constructor(keys: PayloadKeys, cipher?: PayloadCipher) {
    this.codec = new CaseCodec(keys, { bodies: this.bodies, ...(cipher ? { cipher } : {}) });
  }

  /** Seals `state` with its body's key. */
  async seal(state: CaseState): Promise<SealedRecord> {
    this.bodies.learn(sealedFor(state.caseNumber), state.handlingBody);
    const [sealed] = await this.codec.encode([defaultPayloadConverter.toPayload(state)], context(state.caseNumber));
    const keyId = new TextDecoder().decode(sealed?.metadata?.[KEY_ID_METADATA]);
    return { record: temporal.api.common.v1.Payload.encode(sealed as Payload).finish(), keyId };
  }

  /** Opens the record of `caseNumber`; throws when it is not a record sealed for that case. */
  async open(caseNumber: string, record: Uint8Array): Promise<CaseState> {
    const payload = temporal.api.common.v1.Payload.decode(record) as Payload;
    const [opened] = await this.codec.decode([payload], context(caseNumber));
    const state = defaultPayloadConverter.fromPayload<CaseState>(opened as Payload);
    if (isUnsealed(state) || state.caseNumber !== caseNumber) {
      throw new Error(`register: the record of ${caseNumber} is not sealed for it`);
    }
    return state;
  }
}
