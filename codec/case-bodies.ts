/**
 * Which handling body each case belongs to, as far as this process has learnt it: what the codec needs to choose
 * the body's key when it seals a payload for a case (the SDK's serialisation context names the case, the workflow
 * ID, and nothing else). A case's body never changes after submission, so whatever is learnt stays true, and the
 * table is only a cache: the API learns a case's body when it starts it (from the case's `HandlingBody` search
 * attribute, `caseBodyInterceptor`), the API and the worker learn it from every payload they open with a body's
 * key, and what is not known is looked up on the server (`caseBodyLookup`). No process keeps state that another
 * would need: a restarted worker learns a case's body again from the first payload of its history it replays.
 */
import type { HandlingBody } from '../domain/case';

/** Finds a case's body on the server; undefined when the server names none. */
export type CaseBodyLookup = (caseNumber: string) => Promise<HandlingBody | undefined>;

const KEPT = 100_000;

/** Cases' bodies by case number, least recently used first out. */
export class CaseBodies {
  private readonly bodies = new Map<string, HandlingBody>();

  constructor(private readonly max: number = KEPT) {}

  /** The body of `caseNumber`, if known. */
  get(caseNumber: string): HandlingBody | undefined {
    const body = this.bodies.get(caseNumber);
    if (body) this.learn(caseNumber, body);
    return body;
  }

  /** Notes the body of `caseNumber`. */
  learn(caseNumber: string, body: HandlingBody): void {
    this.bodies.delete(caseNumber);
    this.bodies.set(caseNumber, body);
    if (this.bodies.size > this.max) this.bodies.delete(this.bodies.keys().next().value as string);
  }

  /** The body of `caseNumber`: known, else looked up (and kept), else undefined. */
  async resolve(caseNumber: string, lookup?: CaseBodyLookup): Promise<HandlingBody | undefined> {
    const known = this.get(caseNumber);
    if (known || !lookup) return known;
    const found = await lookup(caseNumber);
    if (found) this.learn(caseNumber, found);
    return found;
  }
}

/**
 * What every codec and client of a process share by default: the API's client learns at a case's start what its
 * worker (in `npm start`, the same process) needs to seal the case's first activity.
 */
export const CASE_BODIES = new CaseBodies();
