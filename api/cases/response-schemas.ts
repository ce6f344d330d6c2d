/**
 * What the API answers, described for the OpenAPI document. The handlers pass the workflow's own `CaseState`
 * through, so these are loose objects naming the fields clients rely on rather than a second copy of the domain.
 */
import { z } from 'zod';

import { HANDLING_BODIES, OUTCOMES, ROLES, SITUATIONS, STAGES, TIMELINE_KINDS } from '../../domain/case';

const actor = z.object({ id: z.string(), role: z.enum(ROLES), body: z.enum(HANDLING_BODIES).optional() });

const allowedAction = z.object({ action: z.string(), roles: z.array(z.enum(ROLES)) });

const deadline = z.looseObject({
  id: z.string(),
  clause: z.string().describe('the clause the period rests on'),
  workingDays: z.number().int(),
  dueAt: z.string().describe('end of the last working day, Asia/Shanghai'),
  provisional: z.boolean().describe('true while the period crosses a year whose holiday notice is not loaded'),
  status: z.enum(['running', 'paused', 'met', 'overdue']),
});

const timelineEntry = z.object({
  at: z.string(),
  kind: z.enum(TIMELINE_KINDS).describe('what the entry records (domain/case.ts TIMELINE_KINDS)'),
  actor: actor.optional(),
  summary: z.string().describe('one readable Chinese sentence'),
});

export const caseStateResponseSchema = z
  .looseObject({
    caseNumber: z.string(),
    stage: z.enum(STAGES),
    handlingBody: z.enum(HANDLING_BODIES),
    submission: z.looseObject({ caseNumber: z.string(), situation: z.enum(SITUATIONS) }),
    outcome: z.enum(OUTCOMES).optional(),
    allowedActions: z.array(allowedAction).describe('what may be done now, and by whom'),
    deadlines: z.array(deadline),
    timeline: z.array(timelineEntry),
    summary: z.string(),
  })
  .describe('the case as its workflow answers it');

/** The case as its applicant reads it (`domain/audience-views.ts`): never the investigation file. */
export const applicantCaseViewResponseSchema = z
  .strictObject({
    caseNumber: z.string(),
    stage: z.enum(STAGES),
    handlingBody: z.enum(HANDLING_BODIES),
    submission: z.looseObject({ caseNumber: z.string(), situation: z.enum(SITUATIONS) }),
    applicantId: z.string().optional(),
    outcome: z.enum(OUTCOMES).optional().describe('once the conclusion has been told to the party'),
    closure: z.string().optional(),
    impactPeriodEndsAt: z.string().optional(),
    followUpVisits: z.array(z.strictObject({ visitedOn: z.string() })),
    clockPaused: z.boolean(),
    allowedActions: z.array(allowedAction),
    deadlines: z.array(deadline).describe('the periods owed to the party or asked of them'),
    timeline: z.array(timelineEntry).describe('the steps that concern the party, in words meant for them'),
  })
  .describe('the case as its applicant reads it: no findings, hearings, attendees or internal opinions');

/** `GET /cases/{caseNumber}`: the whole case for officers, the applicant's view for the applicant. */
export const caseViewResponseSchema = z.union([caseStateResponseSchema, applicantCaseViewResponseSchema]);

/** What an officer's action answers: the case's stage and what comes next; the rest is read with GET. */
export const actionResultResponseSchema = z
  .looseObject({
    caseNumber: z.string(),
    stage: z.enum(STAGES),
    allowedActions: z.array(allowedAction).describe('what may be done now, and by whom'),
    deadlines: z.array(deadline),
    openObligations: z.array(z.string()),
    clockPaused: z.boolean(),
    outcome: z.enum(OUTCOMES).optional(),
  })
  .describe('where the case is after the action; GET /cases/{caseNumber} reads the whole case');

export const submittedResponseSchema = z.object({ caseNumber: z.string(), runId: z.string() });

export const timelineResponseSchema = z.object({ caseNumber: z.string(), timeline: z.array(timelineEntry) });

export const signalAcceptedResponseSchema = z
  .object({ caseNumber: z.string(), action: z.string(), decisionId: z.string() })
  .describe('the decision was delivered; the case applies it once, whatever the number of deliveries');

export const caseListItemSchema = z.object({
  caseNumber: z.string(),
  stage: z.enum(STAGES).optional(),
  handlingBody: z.enum(HANDLING_BODIES).optional(),
  situation: z.enum(SITUATIONS).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  nextDeadline: z.string().optional(),
  overdue: z.boolean().optional(),
  provisionalDeadline: z.boolean().optional(),
  fastTrack: z.boolean().optional().describe('快查快结, from acceptance on'),
  running: z.boolean().optional(),
});

export const caseListResponseSchema = z.object({
  cases: z.array(caseListItemSchema).describe('operators see case numbers only'),
  total: z.number().int(),
  limit: z.number().int(),
  nextCursor: z
    .string()
    .optional()
    .describe('present when more cases may match: pass it as cursor for the next page (opaque, base64url)'),
});

const deadlineMoveSchema = z.object({
  caseNumber: z.string(),
  deadline: z.string().describe('the deadline id, e.g. rectification'),
  clause: z.string(),
  oldDueAt: z.string(),
  newDueAt: z.string(),
});

export const calendarLoadedResponseSchema = z.object({
  year: z.number().int(),
  calendarVersion: z.string().describe('the calendar version with this file; pass it as confirm to load'),
  dryRun: z.boolean().optional().describe('true for a preview: nothing was written'),
  casesSignalled: z
    .number()
    .int()
    .optional()
    .describe('running cases with a provisional deadline, told to recompute it (absent in a preview)'),
  deadlinesMoved: z.array(deadlineMoveSchema).describe('running deadlines the load moves, old and new due instant'),
  unanswered: z
    .array(z.string())
    .describe('cases with a provisional deadline that could not be asked or computed: they are recomputed too'),
});
