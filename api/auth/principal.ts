/**
 * Who is calling, as established from a verified token. Only the token's issuer vouches for these fields; nothing
 * in a request body ever overrides them.
 */
import { z } from 'zod';

import type { HandlingBody, Role } from '../../domain/case';
import { HANDLING_BODIES, ROLES } from '../../domain/case';
import { identifierProblem, normaliseIdentifier } from '../../domain/party-identifier';
import { FIELD_TEXTS } from '../../domain/texts';

export interface Principal {
  /** Becomes `Actor.id`, hence the same 64-character bound as the API's actor schema. */
  readonly sub: string;
  readonly role: Role;
  /** The handling body an officer works for; applicants have none. */
  readonly body?: HandlingBody;
  /** The officer's level in the organisation tree (a level id); absent means the city level. */
  readonly level?: string;
  /**
   * The levels directly below the officer's, whose cases of the same body the officer supervises (督办, read
   * only); set by the API from the organisation tree after authentication.
   */
  readonly supervises?: readonly string[];
  /** A display name, when the issuer sends one. */
  readonly name?: string;
  /**
   * For an applicant, every value their cases' `ApplicantId` may hold (the keyed blind index of their subject under
   * each payload key, and the subject itself for cases of release 0.2.0); set by the API after authentication.
   */
  readonly applicantKeys?: readonly string[];
  /**
   * An applicant's own 居民身份证号码 or cadre number, normalised, as the identity provider vouches for it (claim
   * `identifier`): an applicant applies about this official only, or for a unit as its contact.
   */
  readonly identifier?: string;
}

const claimsSchema = z
  .object({
    // Not trimmed: ' officer.dc' is another subject than 'officer.dc', and quietly making them one would let an
    // issuer's odd subject act as someone else.
    sub: z
      .string()
      .min(1)
      .max(64)
      .refine((s) => s.trim() === s, 'no surrounding spaces'),
    role: z.enum(ROLES),
    body: z.enum(HANDLING_BODIES).optional(),
    level: z
      .string()
      .regex(/^[a-z][a-z0-9.-]{0,63}$/)
      .optional(),
    name: z.string().trim().min(1).max(100).optional(),
    identifier: z
      .string()
      .refine((v) => identifierProblem(v) === undefined, FIELD_TEXTS.identifierInvalid)
      .transform(normaliseIdentifier)
      .optional(),
  })
  .superRefine((c, ctx) => {
    if (c.role === 'applicant' && c.body !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'an applicant belongs to no handling body' });
    }
    if (c.level !== undefined && c.body === undefined) {
      ctx.addIssue({ code: 'custom', path: ['level'], message: 'only an officer of a handling body has a level' });
    }
    if (c.role !== 'applicant' && c.role !== 'operator' && c.body === undefined) {
      ctx.addIssue({ code: 'custom', path: ['body'], message: `a ${c.role} must name its handling body` });
    }
  });

/**
 * Turns verified JWT claims into a principal.
 *
 * @throws ZodError when `sub`, `role`, `body` or `level` are missing, unknown, or do not fit together.
 */
export function principalFromClaims(claims: Readonly<Record<string, unknown>>): Principal {
  const c = claimsSchema.parse(claims);
  return {
    sub: c.sub,
    role: c.role,
    ...(c.body ? { body: c.body } : {}),
    ...(c.level ? { level: c.level } : {}),
    ...(c.name ? { name: c.name } : {}),
    ...(c.identifier ? { identifier: c.identifier } : {}),
  };
}
