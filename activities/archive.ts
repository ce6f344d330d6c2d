/**
 * Writes exemption and reduction decisions to the 干部人事档案 and the 廉政档案 through a pluggable store. Every
 * entry has a key, and the store keeps one entry per key: a retried activity gets the first receipt back.
 */
import type { ArchiveReceipt, Outcome, Party } from '../domain/case';
import type { DecisionRecord } from '../domain/decision-record';

/** One entry; from release 0.4.0 on it also carries the whole decision (`DecisionRecord`). */
export interface ArchiveEntry extends Partial<DecisionRecord> {
  /** `<case number>/<file>`: one entry per case and file. */
  readonly key: string;
  readonly file: ArchiveReceipt['file'];
  readonly caseNumber: string;
  readonly party: Party;
  readonly outcome: Outcome;
  readonly impactPeriodMonths?: number;
  readonly meetingDate: string;
  readonly minutesRef: string;
  /** The decision document (决定书) filed with the entry: its 发文字号 and SHA-256 (release 0.5.0 on). */
  readonly decisionDocument?: {
    readonly number: string;
    readonly sha256: { readonly docx: string; readonly pdf: string };
  };
}

/** Where decisions are archived. Implementations return the existing receipt for a key already written. */
export interface ArchiveStore {
  write(entry: ArchiveEntry): Promise<ArchiveReceipt>;
}

/** Builds the archive activities over a store. */
export function createArchiveActivities(store: ArchiveStore) {
  return {
    async archiveDecision(entry: ArchiveEntry): Promise<ArchiveReceipt> {
      return store.write(entry);
    },
  };
}

export type ArchiveActivities = ReturnType<typeof createArchiveActivities>;
