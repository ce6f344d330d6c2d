/**
 * What a case hands over to have one document issued: the case's own data for that step, as plain JSON (it travels
 * as an activity's input, sealed like every case payload). The party's identifier is never part of it: no
 * document prints a resident ID number.
 */
import type {
  Closure,
  Determination,
  HandlingBody,
  HandlingRoute,
  InvestigationReport,
  Origin,
  Outcome,
  Party,
  Situation,
} from '../case';
import type { DocumentKind } from './kinds';

/** The step's own data, by kind of document. */
export type DocumentDetail =
  | {
      readonly kind: 'acceptanceNotice';
      readonly submittedOn: string;
      readonly caseOfficer: string;
    }
  | { readonly kind: 'declineNotice'; readonly submittedOn: string; readonly reason: string }
  | {
      readonly kind: 'handlingOpinionForm';
      readonly acceptedOn: string;
      readonly caseOfficer: string;
      readonly facts: string;
      readonly opinion: string;
      readonly route: HandlingRoute;
      readonly approvedBy: string;
      readonly comment: string;
    }
  | {
      readonly kind: 'rectificationNotice';
      readonly talkedOn: string;
      readonly talkedBy: string;
      readonly ordered: string;
      /** The due date of the fix (YYYY-MM-DD, Asia/Shanghai) and the working days it gives. */
      readonly dueOn: string;
      readonly workingDays: number;
    }
  | {
      readonly kind: 'investigationReport';
      readonly facts: string;
      readonly report: InvestigationReport;
      readonly team: readonly string[];
      readonly hearings: readonly ('party' | 'unit')[];
      readonly evidenceCount: number;
    }
  | {
      readonly kind: 'decision';
      readonly facts: string;
      readonly determination: Determination;
      /** The issued report's number the meeting decided on, when the case issued one. */
      readonly reportNumber?: string;
    }
  | {
      readonly kind: 'feedbackLetter';
      readonly determination: Determination;
      /** The decision's number, when the case issued one. */
      readonly decisionNumber?: string;
    }
  | {
      readonly kind: 'announcement';
      readonly scope: string;
      readonly form?: string;
      readonly outcome: Outcome;
      readonly decidedOn: string;
      readonly decisionNumber?: string;
    }
  | {
      readonly kind: 'nameClearingLetter';
      readonly scope: string;
      readonly method: string;
      readonly closure: Closure;
      /** Why the report was wrong, in the seed's words (主观臆断, 查无实据 …). */
      readonly finding: string;
    }
  | {
      readonly kind: 'followUpRecord';
      readonly visitedOn: string;
      readonly note: string;
      readonly conclusion: string;
    };

/** A level as its documents name it: its id, its name (东城区) and its party committee's short name (东城区委). */
export interface DocumentLevel {
  readonly id: string;
  readonly name: string;
  readonly partyCommittee: string;
}

/** One document to issue. */
export interface DocumentRequest {
  readonly caseNumber: string;
  /** The document's id within its case (`decision-1`): a retried request issues the same document again. */
  readonly id: string;
  /** 成文日期 (YYYY-MM-DD, Asia/Shanghai): the day the step happened. */
  readonly issuedOn: string;
  readonly handlingBody: HandlingBody;
  /**
   * The level handling the case, as the organisation tree names it (cases begun on 0.5.0 know it): a county or
   * district issues under its own bodies' names and numbers in series of its own. Absent: the city.
   */
  readonly level?: DocumentLevel;
  readonly party: Pick<Party, 'kind' | 'name' | 'unit'>;
  readonly situation: Situation;
  readonly origin: Origin;
  readonly fastTrack: boolean;
  /** The number of an issued document this one corrects: the earlier one stays as it was issued. */
  readonly corrects?: string;
  readonly detail: DocumentDetail;
}

/** What the case keeps of an issued document: never changed once issued. */
export interface IssuedDocument {
  readonly id: string;
  readonly kind: DocumentKind;
  /** 发文字号. */
  readonly number: string;
  readonly title: string;
  /** 成文日期, YYYY-MM-DD. */
  readonly issuedOn: string;
  /** 主送机关 (or the person addressed). */
  readonly addressee: string;
  /** Addressed to the party: the applicant may read it. */
  readonly toParty: boolean;
  /** SHA-256 (hex) of each rendering as stored. */
  readonly sha256: { readonly docx: string; readonly pdf: string };
  readonly corrects?: string;
}
