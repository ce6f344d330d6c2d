/**
 * Request schemas, one per request, checked at the edge. None has an `actor`: who acts is always the authenticated
 * principal (`actorOf` in `auth/policy.ts`), never something a body could claim. Each schema produces exactly the
 * workflow's message minus the actor (the `satisfies` lines make the compiler hold them to it); zod itself never
 * enters the workflow bundle.
 */
import { z } from 'zod';

import { CASE_NUMBER_FORM } from '../../domain/case-numbers';
import { identifierProblem } from '../../domain/party-identifier';

import type { Outcome, Submission } from '../../domain/case';
import {
  ASPECTS,
  DIRECT_CLOSURE_GROUNDS,
  EXCLUSION_GROUNDS,
  HANDLING_BODIES,
  HANDLING_ROUTES,
  LIABILITIES,
  ORIGINS,
  OUTCOMES,
  PAUSE_GROUNDS,
  SITUATIONS,
} from '../../domain/case';
import { determinationProblems } from '../../domain/determination';
import { NEGATIVE_ITEMS } from '../../domain/negative-list';
import type { Reduction } from '../../domain/reduction';
import { REDUCTIONS } from '../../domain/reduction';
import { RESPONSIBILITIES } from '../../domain/related-officials';
import { SITUATION_CONDITION_CODES } from '../../domain/situation-conditions';
import { reductionTermsProblem, relatedOfficialsProblem } from '../../domain/tolerance';
import { REFERRAL_OUTCOMES } from '../../domain/false-reports';
import { ASPECT_NAMES } from '../../domain/labels';
import { routingProblem } from '../../domain/routing';
import { FIELD_TEXTS, REFUSALS } from '../../domain/texts';
import type {
  AcceptanceDecision,
  Announcement,
  AnnouncementWaiver,
  ClockPauseRequest,
  ClockResumeRequest,
  Consultation,
  DeterminationDeferral,
  DeterminationRecord,
  EarlyExitDecision,
  EvidenceRecord,
  FalseReportRecord,
  FeedbackDelivery,
  FollowUpVisit,
  HandlingOpinionProposal,
  HandOver,
  HearingRecord,
  IntegrityReviewReply,
  LeadershipDecision,
  NameClearing,
  RectificationCheck,
  RectificationTalk,
  Reassignment,
  ReferralOutcomeRecord,
  ReportSubmission,
  Sent,
  SupplementaryInvestigationOrder,
  TeamFormation,
} from '../../domain/messages';
import type { CaseStart } from '../../domain/messages';

/** A workflow message as a client sends it: without the actor, which the API adds from the token. */
export type RequestOf<T> = T extends unknown ? Omit<T, keyof Sent> : never;

/** A leadership decision as a client sends it: the decision id is optional, derived from the Idempotency-Key. */
export type SignalRequestOf<T> = T extends unknown
  ? Omit<T, keyof Sent | 'decisionId'> & { readonly decisionId?: string }
  : never;

/**
 * Characters no officer types and that can disguise a text: control characters but tab and line breaks, the
 * zero-width space and BOM, and the bidirectional overrides and isolates that make a name read other than it is.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const HIDDEN = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2066-\u2069\uFEFF]*$/;

/**
 * Non-blank text; the length is checked as sent, so the document's `maxLength` is the limit the API applies. A
 * lone surrogate is refused rather than stored as U+FFFD: what is kept must be what was sent.
 */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .regex(HIDDEN, 'no control, zero-width or bidirectional-override characters')
    // With the u flag a surrogate pair is one code point, so only a lone surrogate is of category Cs.
    .refine((v) => !/\p{Cs}/u.test(v), FIELD_TEXTS.loneSurrogate)
    .trim()
    .min(1);
const refs = z.array(text(200)).min(1).max(200);
const localDate = z.iso.date('a date like 2026-12-10');

/**
 * Case numbers become workflow IDs and URL segments (percent-encoded): the office's 宛纪容〔2026〕12号, or the first
 * form `NY-2026-0001` of cases begun before the office numbered them.
 */
export const caseNumberSchema = z.string().regex(CASE_NUMBER_FORM, FIELD_TEXTS.caseNumberForm);

/**
 * 当事人标识: a 居民身份证号码 with its GB 11643 check character, or the body's cadre number; kept normalised (a typed
 * `x` is `X`), so the blind index finds the person however it was typed.
 */
export const partyIdentifier = z
  .string()
  .max(40)
  // normaliseIdentifier's trim and upper case, as zod's own overwrites, so the document shows a plain string.
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const problem = identifierProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const caseParamsSchema = z.object({ caseNumber: caseNumberSchema });

const decisionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,200}$/, '1–200 characters from A–Z a–z 0–9 . _ : -')
  .optional()
  .describe('makes a repeated delivery harmless; derived from the Idempotency-Key when absent');

export const submissionSchema = z
  // No case number: the accepting office numbers the case (domain/case-numbers.ts); a client that sends one is
  // refused with the field named, as every unknown field is.
  .strictObject({
    origin: z.enum(ORIGINS),
    party: z.strictObject({
      kind: z.enum(['unit', 'official']),
      name: text(100),
      unit: text(200),
      identifier: partyIdentifier.optional(),
    }),
    situation: z.enum(SITUATIONS),
    liability: z.enum(LIABILITIES),
    handlingBody: z.enum(HANDLING_BODIES),
    unitId: z
      .string()
      .regex(/^[a-z][a-z0-9.-]{0,63}$/, FIELD_TEXTS.unitIdForm)
      .optional()
      .describe('当事人所在单位在组织树中的编号；由该单位所在层级的机关办理'),
    facts: text(20_000),
    evidenceRefs: z.array(text(200)).max(200).default([]),
    preFiling: z.boolean().default(false),
    fastTrack: z.boolean().default(false),
  })
  .superRefine((s, ctx) => {
    if (s.party.kind === 'official' && s.party.identifier === undefined) {
      ctx.addIssue({ code: 'custom', path: ['party', 'identifier'], message: FIELD_TEXTS.identifierRequired });
    }
    if (s.party.kind === 'unit' && s.party.identifier !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['party', 'identifier'], message: FIELD_TEXTS.unitWithoutIdentifier });
    }
    const problem = routingProblem(s.liability, s.handlingBody);
    if (problem) ctx.addIssue({ code: 'custom', path: ['handlingBody'], message: problem });
  }) satisfies z.ZodType<Omit<Submission, 'caseNumber'>>;

/** 事项提出: the submission; who entered it is the principal. */
export const submitCaseSchema = z.strictObject({ submission: submissionSchema }) satisfies z.ZodType<{
  submission: Omit<CaseStart['submission'], 'caseNumber'>;
}>;

// (二) 受理办理

/** 分办: the body the case goes to, and why. */
export const handOverSchema = z.strictObject({
  to: z.enum(HANDLING_BODIES).describe('接办机关'),
  reason: text(2_000),
}) satisfies z.ZodType<RequestOf<HandOver>>;

/** 领导重新指定承办人或调整调查组, with the reason. */
export const reassignmentSchema = z
  .strictObject({
    caseOfficer: text(64).optional(),
    investigationTeam: z.array(text(64)).min(2).max(50).optional(),
    reason: text(2_000),
  })
  .refine((r) => r.caseOfficer !== undefined || r.investigationTeam !== undefined, {
    message: FIELD_TEXTS.reassignmentTarget,
    path: ['caseOfficer'],
  }) satisfies z.ZodType<RequestOf<Reassignment>>;

export const acceptanceSchema = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('accept'),
    caseOfficer: text(64),
    fastTrack: z.boolean().optional().describe('快查快结：涉及拟提拔重用干部，由受理机关认定'),
    preFiling: z.boolean().optional().describe('事前申请：在受到组织调查、追责问责前提出，由受理机关认定'),
  }),
  z.strictObject({ decision: z.literal('decline'), reason: text(2_000) }),
]) satisfies z.ZodType<RequestOf<AcceptanceDecision>>;

export const handlingOpinionSchema = z
  .strictObject({
    opinion: text(5_000),
    route: z.enum(HANDLING_ROUTES),
    exclusionGround: z.enum(EXCLUSION_GROUNDS).optional(),
    closureGround: z.enum(DIRECT_CLOSURE_GROUNDS).optional(),
    fixWithinWorkingDays: z.number().int().min(1).max(60).optional(),
  })
  .superRefine((p, ctx) => {
    const need = (field: keyof typeof p, message: string) => {
      if (p[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    if (p.route === 'exclude') need('exclusionGround', REFUSALS.exclusionGround);
    if (p.route === 'closeDirectly') need('closureGround', REFUSALS.closureGround);
    if (p.route === 'rectification') need('fixWithinWorkingDays', REFUSALS.rectificationDays);
  }) satisfies z.ZodType<RequestOf<HandlingOpinionProposal>>;

/** 领导审批 of the handling opinion, and 领导审核 of the investigation report. */
export const leadershipDecisionSchema = z.strictObject({
  decisionId: decisionIdSchema,
  approved: z.boolean(),
  comment: text(2_000),
}) satisfies z.ZodType<SignalRequestOf<LeadershipDecision>>;

/** 约谈提醒: when, by whom, with whom, and what the talk ordered to be fixed. */
export const rectificationTalkSchema = z.strictObject({
  talkedOn: localDate,
  talkedBy: text(200),
  talkedWith: text(200),
  ordered: text(5_000),
}) satisfies z.ZodType<RequestOf<RectificationTalk>>;

export const rectificationCheckSchema = z.strictObject({
  fixed: z.boolean(),
  note: text(2_000),
}) satisfies z.ZodType<RequestOf<RectificationCheck>>;

// (三) 调查核实

export const teamFormationSchema = z.strictObject({
  members: z.array(text(64)).min(2, REFUSALS.teamSize).max(30),
}) satisfies z.ZodType<RequestOf<TeamFormation>>;

export const evidenceSchema = z.strictObject({
  refs,
  description: text(2_000),
}) satisfies z.ZodType<RequestOf<EvidenceRecord>>;

export const hearingSchema = z.strictObject({
  heard: z.enum(['party', 'unit']),
  statementRef: text(200),
  summary: text(5_000),
}) satisfies z.ZodType<RequestOf<HearingRecord>>;

/** 从轻 or 减轻, and what a reduced liability keeps: a reduction names both, nothing else names either. */
const reductionFields = {
  reduction: z.enum(REDUCTIONS).optional().describe('减责时：从轻（lighter）或减轻（mitigated）追究责任'),
  residualMeasure: text(2_000).optional().describe('减责时：还需承担的相关责任（如诫勉、批评教育、组织处理）'),
};

function reductionIssue(
  outcome: Outcome,
  terms: { reduction?: Reduction; residualMeasure?: string },
  ctx: z.RefinementCtx,
): void {
  const problem = reductionTermsProblem(outcome, terms);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
}

export const investigationReportSchema = z
  .strictObject({
    reportRef: text(200),
    assessments: z
      .array(
        z.strictObject({
          aspect: z.enum(ASPECTS),
          leaning: z.enum(['favourable', 'neutral', 'unfavourable']),
          finding: text(5_000),
        }),
      )
      .length(ASPECTS.length, FIELD_TEXTS.sixAspects),
    recommendation: z.enum(OUTCOMES),
    impactPeriodMonths: z.number().int().min(1).max(60).optional(),
    summary: text(20_000),
    negativeFindings: z
      .array(z.strictObject({ item: z.enum(NEGATIVE_ITEMS), found: z.boolean(), finding: text(5_000) }))
      .length(NEGATIVE_ITEMS.length, FIELD_TEXTS.negativeListFindings)
      .describe('负面清单：每一项查实或未查实，并写明认定'),
    conditions: z
      .array(z.strictObject({ condition: z.enum(SITUATION_CONDITION_CODES), met: z.boolean(), finding: text(5_000) }))
      .min(1)
      .max(10)
      .describe('所属情形的每一项条件：符合或不符合，并写明认定'),
    situation: z.enum(SITUATIONS).optional().describe('调查核实认定的所属情形，与提出时不同时更正'),
    ...reductionFields,
  })
  .superRefine((r, ctx) => {
    reductionIssue(r.recommendation, r, ctx);
    const missing = ASPECTS.filter((a) => !r.assessments.some((x) => x.aspect === a));
    if (missing.length) {
      const message = REFUSALS.aspectsMissing(missing.map((a) => ASPECT_NAMES[a]));
      ctx.addIssue({ code: 'custom', path: ['assessments'], message });
    }
    if (r.recommendation === 'reduce' && !r.impactPeriodMonths) {
      ctx.addIssue({ code: 'custom', path: ['impactPeriodMonths'], message: REFUSALS.reductionImpactPeriod });
    }
  });

export const reportSubmissionSchema = z.strictObject({ report: investigationReportSchema }) satisfies z.ZodType<
  RequestOf<ReportSubmission>
>;

/** 排除 or 直接了结 during the investigation, each naming its ground; or 查无实据, the report found untrue. */
export const earlyExitSchema = z.discriminatedUnion('exit', [
  z.strictObject({
    decisionId: decisionIdSchema,
    exit: z.literal('exclude'),
    exclusionGround: z.enum(EXCLUSION_GROUNDS),
    reason: text(2_000),
  }),
  z.strictObject({
    decisionId: decisionIdSchema,
    exit: z.literal('closeDirectly'),
    closureGround: z.enum(DIRECT_CLOSURE_GROUNDS),
    reason: text(2_000),
  }),
  z.strictObject({ decisionId: decisionIdSchema, exit: z.literal('findUnfounded'), reason: text(2_000) }),
]) satisfies z.ZodType<SignalRequestOf<EarlyExitDecision>>;

// (四) 研究认定

/**
 * The meeting's record. The workflow ignores a record that cannot stand as a collective decision (a signal cannot
 * be refused), so the same rules (`domain/determination.ts`) are checked here, where the officer can still be told.
 */
export const determinationSchema = z.strictObject({
  decisionId: decisionIdSchema,
  determination: z
    .strictObject({
      meetingDate: localDate,
      attendees: z.array(text(64)).min(1).max(100),
      membersTotal: z.number().int().min(1).max(100),
      outcome: z.enum(OUTCOMES),
      impactPeriodMonths: z.number().int().min(1).max(60).optional(),
      reasoning: text(20_000),
      minutesRef: text(200),
      reportRef: text(200).describe('所研究的调查核实报告文号：退回后重新提交的，须为新报告'),
      ...reductionFields,
      relatedOfficials: z
        .array(
          z.strictObject({
            name: text(100),
            post: text(200),
            responsibilities: z.array(z.enum(RESPONSIBILITIES)).min(1).max(RESPONSIBILITIES.length),
          }),
        )
        .max(50)
        .optional()
        .describe('予以容错的，不再追究其主体责任、监督责任、监管责任或领导责任的相关人员'),
      votesFor: z.number().int().min(0).max(100).optional().describe('表决同意票数，会议表决时填写'),
      votesAgainst: z.number().int().min(0).max(100).optional().describe('表决不同意票数，会议表决时填写'),
    })
    .superRefine((d, ctx) => {
      for (const { field, message } of determinationProblems(d))
        ctx.addIssue({ code: 'custom', path: [field], message });
      reductionIssue(d.outcome, d, ctx);
      const related = relatedOfficialsProblem(d.outcome, d.relatedOfficials);
      if (related) ctx.addIssue({ code: 'custom', path: ['relatedOfficials'], message: related });
    }),
}) satisfies z.ZodType<SignalRequestOf<DeterminationRecord>>;

/** The meeting defers the matter to a later meeting, on a date after its own. */
export const determinationDeferralSchema = z
  .strictObject({
    decisionId: decisionIdSchema,
    meetingDate: localDate,
    deferredTo: localDate.describe('再次研究的日期，晚于本次会议'),
    reason: text(2_000),
    minutesRef: text(200),
  })
  .refine((d) => d.deferredTo > d.meetingDate, {
    message: FIELD_TEXTS.deferredAfterMeeting,
    path: ['deferredTo'],
  }) satisfies z.ZodType<SignalRequestOf<DeterminationDeferral>>;

/** The meeting returns the case for supplementary investigation (补充调查); the period runs from its date. */
export const supplementaryInvestigationSchema = z.strictObject({
  decisionId: decisionIdSchema,
  meetingDate: localDate,
  questions: text(5_000).describe('须补充调查的事项'),
  minutesRef: text(200),
}) satisfies z.ZodType<SignalRequestOf<SupplementaryInvestigationOrder>>;

// (五) 反馈结论 and what follows

export const feedbackSchema = z.strictObject({ documentRef: text(200) }) satisfies z.ZodType<
  RequestOf<FeedbackDelivery>
>;

export const consultationSchema = z.strictObject({
  partyAgrees: z.boolean(),
  note: text(2_000),
}) satisfies z.ZodType<RequestOf<Consultation>>;

export const announcementSchema = z.strictObject({
  scope: text(200),
  form: text(100).describe('通报形式，如会议通报、书面通报'),
  documentRef: text(200),
}) satisfies z.ZodType<RequestOf<Announcement>>;

export const announcementWaiverSchema = z.strictObject({
  reason: text(2_000).describe('不予通报说明的理由，如本人不同意通报'),
}) satisfies z.ZodType<RequestOf<AnnouncementWaiver>>;

export const integrityReviewReplySchema = z.strictObject({
  reply: text(5_000),
  documentRef: text(200),
}) satisfies z.ZodType<RequestOf<IntegrityReviewReply>>;

export const followUpVisitSchema = z.strictObject({
  visitedOn: localDate,
  note: text(5_000),
}) satisfies z.ZodType<RequestOf<FollowUpVisit>>;

/** 澄清正名 names its scope, method and document; the party may also decline it. */
export const nameClearingSchema = z.discriminatedUnion('partyWishes', [
  z.strictObject({
    partyWishes: z.literal('clear'),
    scope: text(200),
    method: text(200),
    documentRef: text(200),
  }),
  z.strictObject({ partyWishes: z.literal('decline') }),
]) satisfies z.ZodType<RequestOf<NameClearing>>;

export const falseReportSchema = z.strictObject({
  reportRef: text(200),
  referredTo: text(200),
  note: text(2_000),
}) satisfies z.ZodType<RequestOf<FalseReportRecord>>;

/** What became of the referred false accusation: 已立案 (followed further), 不予立案 or 已处理 (its end). */
export const referralOutcomeSchema = z.strictObject({
  outcome: z.enum(REFERRAL_OUTCOMES),
  documentRef: text(200).optional(),
  note: text(2_000),
}) satisfies z.ZodType<RequestOf<ReferralOutcomeRecord>>;

// The statutory clock

/** 暂停计时: a ground from the closed list; `other` needs its reason written out. */
export const clockPauseSchema = z
  .strictObject({
    ground: z.enum(PAUSE_GROUNDS).describe('暂停计时的情形；“other”（其他）须写明理由'),
    reason: text(2_000).optional(),
  })
  .refine((p) => p.ground !== 'other' || p.reason !== undefined, {
    message: FIELD_TEXTS.pauseReason,
    path: ['reason'],
  }) satisfies z.ZodType<RequestOf<ClockPauseRequest>>;

export const clockResumeSchema = z.strictObject({}) satisfies z.ZodType<RequestOf<ClockResumeRequest>>;
