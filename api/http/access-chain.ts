/**
 * The hash chain of the access log (责任倒查): each record carries the hash of the record before it, so a record
 * altered, removed or moved after it was written breaks the chain at that line. Pure functions, shared by the
 * writer (`access-log.ts`) and the check (`npm run access-log:verify`).
 */
import { createHash } from 'node:crypto';

import type { HandlingBody, Role } from '../../domain/case';

/** The hash a chain links with: SHA-256, or SM3 in a deployment sealing with SM4 (PAYLOAD_CIPHER=sm4-gcm). */
export type ChainHash = 'sha256' | 'sm3';

/** The `prev` of a chain's first record. */
export const GENESIS = '0'.repeat(64);

/** What was read, by whom. */
export interface AccessEntry {
  /** The token's subject. */
  readonly actor: string;
  readonly role: Role;
  /** The reader's handling body; none for applicants and operators. */
  readonly body?: HandlingBody;
  /** The cases whose content was read. */
  readonly caseNumbers: readonly string[];
  /** What was read: `GET /cases/{n}`, `GET /cases/{n}/timeline`, `codec decode`. */
  readonly what: string;
  /** Particulars: the request id, the keys a decode used, how many payloads it opened and withheld. */
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** One line of the log. */
export interface AccessRecord extends AccessEntry {
  /** 1 for a chain's first record, one more for each next. */
  readonly seq: number;
  /** When the record was written, ISO 8601. */
  readonly time: string;
  readonly alg: ChainHash;
  /** The previous record's `hash`, GENESIS for the first. */
  readonly prev: string;
  /** The hash of this record's JSON without `hash`. */
  readonly hash: string;
}

function digest(alg: ChainHash, text: string): string {
  return createHash(alg).update(text, 'utf8').digest('hex');
}

/** The record following `prev` (undefined for a chain's first), as one JSON line with its hash. */
export function chainRecord(
  prev: Pick<AccessRecord, 'seq' | 'hash'> | undefined,
  entry: AccessEntry,
  time: Date,
  alg: ChainHash,
): AccessRecord {
  const body = {
    seq: (prev?.seq ?? 0) + 1,
    time: time.toISOString(),
    alg,
    prev: prev?.hash ?? GENESIS,
    ...entry,
  };
  return { ...body, hash: digest(alg, JSON.stringify(body)) };
}

/** The outcome of checking one chain: how many records hold, or the first line (1-based) that breaks it and why. */
export type ChainCheck =
  | { readonly ok: true; readonly records: number }
  | { readonly ok: false; readonly records: number; readonly line: number; readonly reason: string };

/** Checks a chain's lines in order; the first that breaks it is reported, with the records that held before it. */
export function verifyChain(lines: readonly string[]): ChainCheck {
  let prev: { seq: number; hash: string } | undefined;
  for (const [i, line] of lines.entries()) {
    const broken = (reason: string): ChainCheck => ({ ok: false, records: i, line: i + 1, reason });
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return broken('not a JSON record');
    }
    const { hash, ...body } = record;
    if (body.alg !== 'sha256' && body.alg !== 'sm3') return broken(`unknown hash ${String(body.alg)}`);
    if (hash !== digest(body.alg, JSON.stringify(body)))
      return broken('the record was altered: its hash does not match');
    if (body.prev !== (prev?.hash ?? GENESIS) || body.seq !== (prev?.seq ?? 0) + 1) {
      return broken('the chain is broken: a record before it was removed, inserted or moved');
    }
    prev = { seq: body.seq as number, hash };
  }
  return { ok: true, records: lines.length };
}
