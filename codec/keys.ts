/**
 * The payload keys the codec encrypts and decrypts with. `config/payload-keys.ts` loads them from the environment
 * or a key file; the codec only needs their shape.
 *
 * Each handling body's cases are sealed with that body's own key, so a body's key (and an officer of that body at the
 * codec server) opens that body's cases and no other's. A key id names its body by its prefix (`discipline-2026a`
 * is the 纪检监察机关's): the id travels in every sealed payload's metadata, so anyone deciding whether a payload is
 * theirs to read needs no table beside it. Keys whose id names no body are shared keys: the current one seals what
 * belongs to no known body, and earlier releases sealed every case with one.
 */
import type { HandlingBody } from '../domain/case';
import { HANDLING_BODIES } from '../domain/case';

/** One current shared key and a current key per body that encrypt, and older keys that still decrypt. */
export interface PayloadKeys {
  /** The current shared key: seals payloads of no case or of a case whose body is not known (and derives the API's own secrets). */
  readonly currentKeyId: string;
  /**
   * The current key of each handling body, which seals that body's cases. Absent (tests, development data of
   * releases before 0.4.0): every payload is sealed with the shared key, as before.
   */
  readonly bodyKeyIds?: Readonly<Record<HandlingBody, string>>;
  /** Every known key by id, the current ones included; each 32 bytes. */
  readonly keys: ReadonlyMap<string, Buffer>;
}

/** The prefix of the key ids of each body's keys (`<prefix>-<anything>`). */
export const BODY_KEY_PREFIXES: Readonly<Record<HandlingBody, string>> = {
  partyCommittee: 'party',
  disciplineCommission: 'discipline',
  organizationDepartment: 'organization',
};

/** The body a key id names, or undefined for a shared key. */
export function bodyOfKey(keyId: string): HandlingBody | undefined {
  return HANDLING_BODIES.find((body) => keyId.startsWith(`${BODY_KEY_PREFIXES[body]}-`));
}

/** The id of the key that seals a case of `body` now: the body's current key, else the shared one. */
export function sealingKeyId(keys: PayloadKeys, body: HandlingBody | undefined): string {
  return (body && keys.bodyKeyIds?.[body]) || keys.currentKeyId;
}
