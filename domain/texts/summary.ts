/** The one readable line the Temporal Web UI shows for a case: codes and labels only, no names. */
import type { HandlingBody, Outcome, Situation, Stage } from '../case';
import { HANDLING_BODY_NAMES, OUTCOME_NAMES, SITUATION_NAMES, STAGE_NAMES } from '../labels';
import { beijingText } from './beijing-time';

/** What the summary line names. */
export interface SummaryFacts {
  readonly caseNumber: string;
  readonly handlingBody: HandlingBody;
  readonly stage: Stage;
  readonly outcome?: Outcome;
  /** The statutory deadline due next, if any. */
  readonly next?: { readonly dueAt: string; readonly clause: string; readonly overdue: boolean };
  readonly clockPaused: boolean;
}

/** 容错事项 <case number>｜<body>｜阶段：…｜结论：…｜下一期限：…｜计时已暂停. */
export function caseSummaryText(f: SummaryFacts): string {
  const parts = [
    `容错事项 ${f.caseNumber}`,
    HANDLING_BODY_NAMES[f.handlingBody],
    `阶段：${STAGE_NAMES[f.stage]}`,
    ...(f.outcome ? [`结论：${OUTCOME_NAMES[f.outcome]}`] : []),
    ...(f.next
      ? [`下一期限：${beijingText(f.next.dueAt)}（${f.next.clause}${f.next.overdue ? '，已超期' : ''}）`]
      : []),
    ...(f.clockPaused ? ['计时已暂停'] : []),
  ];
  return parts.join('｜');
}

/** The summary fixed at a case's start, which the Web UI shows beside the running one: number, situation, body. */
export function caseStartSummaryText(caseNumber: string, situation: Situation, handlingBody: HandlingBody): string {
  return `容错事项 ${caseNumber}：${SITUATION_NAMES[situation]}，报${HANDLING_BODY_NAMES[handlingBody]}`;
}
