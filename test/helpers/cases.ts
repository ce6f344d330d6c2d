import { randomInt } from 'node:crypto';

import type { Actor, AspectAssessment, Outcome, Situation, Submission } from '../../domain/case';
import { ASPECTS } from '../../domain/case';
import { shanghaiDateOf } from '../../domain/dates';
import type { InvestigationReport } from '../../domain/case';
import { NEGATIVE_ITEMS } from '../../domain/negative-list';
import { conditionsOf } from '../../domain/situation-conditions';

let sequence = 0;
/**
 * A series per test file: files that share one server (the e2e files share a dev server) and even one jest worker
 * process (which starts each file's modules afresh) never number two cases alike.
 */
export const CASE_SERIES = `T${Array.from({ length: 3 }, () => String.fromCharCode(65 + randomInt(26))).join('')}`;

/** A fresh case number per call, so tests sharing a server never collide. */
export function nextCaseNumber(): string {
  sequence += 1;
  return `${CASE_SERIES}-2026-${String(sequence).padStart(4, '0')}`;
}

/** The people of the discipline commission who handle the test cases, and an applicant. */
export const caseOfficer: Actor = { id: 'officer.dc', role: 'caseOfficer', body: 'disciplineCommission' };
export const investigator: Actor = { id: 'investigator.dc', role: 'investigator', body: 'disciplineCommission' };
export const leader: Actor = { id: 'leader.dc', role: 'approvingLeader', body: 'disciplineCommission' };
export const secretary: Actor = { id: 'secretary.dc', role: 'meetingSecretary', body: 'disciplineCommission' };
export const otherBodyOfficer: Actor = { id: 'officer.od', role: 'caseOfficer', body: 'organizationDepartment' };
export const applicant: Actor = { id: 'applicant.li', role: 'applicant' };

/** A party's written application to the discipline commission under situation (5), 优化营商环境. */
export function submission(overrides: Partial<Submission> = {}): Submission {
  return {
    caseNumber: nextCaseNumber(),
    origin: 'application',
    party: { kind: 'official', name: '李娜', unit: '南阳市某区营商环境服务中心' },
    situation: 'businessEnvironment',
    liability: 'sanction',
    handlingBody: 'disciplineCommission',
    facts: '为企业容缺受理审批事项，后补齐材料，未造成损失。',
    evidenceRefs: ['宛营商〔2026〕12号'],
    preFiling: false,
    fastTrack: false,
    ...overrides,
  };
}

/** What a client sends to `POST /cases`: a submission without its number, which the office gives. */
export type SubmissionRequest = Omit<Submission, 'caseNumber'>;

/** The demo applicants' own identifiers (api/auth/demo-users.ts), about whom alone each may apply. */
export const IDENTIFIER_OF: Readonly<Record<string, string>> = {
  'applicant.li': '11010519491231002X',
  'applicant.wang': '110101199003074477',
  'applicant.zhao': '411302198506150034',
};

/**
 * `submission(overrides)` as applicant `by` sends it over HTTP: about themself (their identifier on an official
 * party), without a number, which comes in the 201 answer.
 */
export function application(overrides: Partial<SubmissionRequest> = {}, by = 'applicant.li'): SubmissionRequest {
  const { caseNumber: _numberedByTheOffice, ...request } = submission(overrides);
  if (request.party.kind === 'unit' || request.party.identifier) return request;
  // An officer's organisation case names any official: applicant.li serves.
  const identifier = IDENTIFIER_OF[by] ?? IDENTIFIER_OF['applicant.li'];
  return { ...request, party: { ...request.party, identifier } };
}

/** The reference of the report `report()` writes, which the meeting names. */
export const REPORT_REF = '调查报告〔2026〕1号';

/** What a reduction recommends or decides besides the impact period: 从轻, and the measure it keeps. */
export const REDUCTION_TERMS = { reduction: 'lighter', residualMeasure: '诫勉谈话' } as const;

/**
 * An investigation report that assesses all six aspects, finds no item of the negative list, finds every condition
 * of `situation` (the test submission's, by default) met, and recommends `outcome`.
 */
export function report(outcome: Outcome, situation: Situation = 'businessEnvironment'): InvestigationReport {
  const assessments: AspectAssessment[] = ASPECTS.map((aspect) => ({
    aspect,
    leaning: outcome === 'refuse' ? 'unfavourable' : 'favourable',
    finding: `${aspect}：经核实`,
  }));
  return {
    reportRef: REPORT_REF,
    assessments,
    recommendation: outcome,
    ...(outcome === 'reduce' ? { impactPeriodMonths: 6, ...REDUCTION_TERMS } : {}),
    summary: '调查核实完毕',
    negativeFindings: NEGATIVE_ITEMS.map((item) => ({ item, found: false, finding: '经核实，未发现' })),
    conditions: conditionsOf(situation).map((condition) => ({ condition, met: true, finding: '经核实，符合' })),
  };
}

let decisions = 0;
/** A unique id for a leadership decision. */
export function decisionId(): string {
  decisions += 1;
  return `decision-${process.pid}-${decisions}`;
}

/** Today's date in Asia/Shanghai by this machine's clock (the dev server's): a meeting or a visit held today. */
export function shanghaiToday(): string {
  return shanghaiDateOf(new Date().toISOString());
}
