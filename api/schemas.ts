/**
 * Request schemas, one per request, checked at the edge. They produce exactly the domain types the workflow takes
 * (the `satisfies` lines make the compiler hold them to it); zod itself never enters the workflow bundle.
 */
import { z } from 'zod';

import type { Actor, Submission } from '../domain/case';
import { HANDLING_BODIES, LIABILITIES, ORIGINS, ROLES, SITUATIONS } from '../domain/case';
import { routingProblem } from '../domain/routing';
import type { AcceptanceDecision, HandlingOpinionProposal } from '../workflows/messages';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Case numbers become workflow IDs and URL segments: upper-case code, year, sequence, e.g. `NY-2026-0001`. */
export const caseNumberSchema = z.string().regex(/^[A-Z]{2,10}-\d{4}-\d{1,6}$/, 'a case number like NY-2026-0001');

export const actorSchema = z.strictObject({
  id: text(64),
  role: z.enum(ROLES),
  body: z.enum(HANDLING_BODIES).optional(),
}) satisfies z.ZodType<Actor>;

export const submissionSchema = z
  .strictObject({
    caseNumber: caseNumberSchema,
    origin: z.enum(ORIGINS),
    party: z.strictObject({ kind: z.enum(['unit', 'official']), name: text(100), unit: text(200) }),
    situation: z.enum(SITUATIONS),
    liability: z.enum(LIABILITIES),
    handlingBody: z.enum(HANDLING_BODIES),
    facts: text(20_000),
    evidenceRefs: z.array(text(200)).max(200).default([]),
    preFiling: z.boolean().default(false),
    fastTrack: z.boolean().default(false),
  })
  .superRefine((s, ctx) => {
    const problem = routingProblem(s.liability, s.handlingBody);
    if (problem) ctx.addIssue({ code: 'custom', path: ['handlingBody'], message: problem });
  }) satisfies z.ZodType<Submission>;

export const submitCaseSchema = z.strictObject({ submission: submissionSchema, submittedBy: actorSchema });

export const acceptanceSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept'), actor: actorSchema, caseOfficer: text(64) }),
  z.strictObject({ decision: z.literal('decline'), actor: actorSchema, reason: text(2_000) }),
]) satisfies z.ZodType<AcceptanceDecision>;

export const handlingOpinionSchema = z.strictObject({
  actor: actorSchema,
  opinion: text(5_000),
}) satisfies z.ZodType<HandlingOpinionProposal>;
