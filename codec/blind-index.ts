/**
 * The applicant's keyed blind index: what the `ApplicantId` search attribute holds instead of the applicant's token
 * subject. Search attributes are never encrypted, so a subject there would name every applicant to anyone who can
 * list workflows; an HMAC of it names nobody, yet the API, which holds the key, finds an applicant's cases by exact
 * match. The key is derived from each payload key (HKDF, its own label), so rotating payload keys needs no second
 * secret: a case stays found under the shared key that was current when it was submitted, as long as that key is kept
 * among the previous keys.
 */
import { createHmac, hkdfSync } from 'node:crypto';

import type { PayloadKeys } from './keys';
import { bodyOfKey } from './keys';

const LABEL = 'tolerance-cases/applicant-blind-index';
/** The party's index has its own label, so an applicant's index and a party's never coincide or reveal each other. */
const PARTY_LABEL = 'tolerance-cases/party-blind-index';

function derive(secret: Buffer, label = LABEL): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), label, 32));
}

/** The shared payload keys, current first: the bodies' keys seal cases and never derive an index. */
function sharedKeys(keys: PayloadKeys): Buffer[] {
  const older = [...keys.keys].filter(([id]) => id !== keys.currentKeyId && !bodyOfKey(id));
  return [keys.keys.get(keys.currentKeyId) as Buffer, ...older.map(([, k]) => k)];
}

/**
 * Blind indexes of parties' identifiers (`PartyId`), derived like the applicants' under a label of their own: one
 * person's cases are found by exact match under every known key, and the identifier itself is stored nowhere in
 * clear. The identifier is indexed in its normal form (domain/party-identifier.ts).
 */
export class PartyIndex {
  private readonly all: readonly Buffer[];

  constructor(keys: PayloadKeys) {
    this.all = sharedKeys(keys).map((k) => derive(k, PARTY_LABEL));
  }

  /** The index a new case of this party is published under: `pi-` and 32 hex digits. */
  of(identifier: string): string {
    return partyIndexUnder(this.all[0], identifier);
  }

  /** Every value a party's cases may be published under: the index under each known key. */
  candidates(identifier: string): string[] {
    return this.all.map((k) => partyIndexUnder(k, identifier));
  }
}

function partyIndexUnder(key: Buffer, identifier: string): string {
  return `pi-${createHmac('sha256', key).update(identifier, 'utf8').digest('hex').slice(0, 32)}`;
}

/** Blind indexes of applicants' subjects under the payload keys. */
export class ApplicantIndex {
  private readonly current: Buffer;
  private readonly all: readonly Buffer[];

  constructor(keys: PayloadKeys) {
    this.current = derive(keys.keys.get(keys.currentKeyId) as Buffer);
    // The shared keys only: the bodies' keys seal cases and never derive an index.
    const older = [...keys.keys].filter(([id]) => id !== keys.currentKeyId && !bodyOfKey(id));
    this.all = [this.current, ...older.map(([, k]) => derive(k))];
  }

  /** The index a new case of this applicant is published under: `ai-` and 32 hex digits. */
  of(sub: string): string {
    return indexUnder(this.current, sub);
  }

  /**
   * Every value an applicant's cases may be published under: the index under each known key, and, for cases
   * submitted on release 0.2.0, the subject itself.
   */
  candidates(sub: string): string[] {
    return [...this.all.map((k) => indexUnder(k, sub)), sub];
  }
}

function indexUnder(key: Buffer, sub: string): string {
  return `ai-${createHmac('sha256', key).update(sub, 'utf8').digest('hex').slice(0, 32)}`;
}
