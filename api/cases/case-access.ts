/**
 * How a route finds a case and decides whether the caller may see or touch it, before it sends the case anything.
 * A case the caller may not read answers exactly like a case that does not exist.
 */
import { createHash, randomUUID } from 'node:crypto';

import type { Client, WorkflowClient, WorkflowHandle } from '@temporalio/client';
import type { Request } from 'express';

import type { CaseAction } from '../../domain/procedure';
import { ACTION_ROLES } from '../../domain/procedure';
import type { AllowedAction, Stage } from '../../domain/case';
import { HANDLING_BODIES, STAGES } from '../../domain/case';
import { ApplicantId, CaseStage, HandlingBodyKey, HandlingLevel } from '../../domain/search-attributes';
import type { CaseScope } from '../auth/policy';
import { canAct, canReadCase } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { REFUSALS } from '../../domain/texts';
import { caseNotFound, HttpProblem } from '../http/errors';
import { IDEMPOTENCY_HEADER } from '../idempotency/idempotency';
import { caseNumberSchema } from './schemas';

/** A case's workflow handle, addressed by names (`domain/messages.ts`): the API loads no workflow code. */
export type CaseHandle = WorkflowHandle;

/** What the visibility store says about a case: enough to authorise, without asking the workflow. */
export interface CaseFacts {
  readonly scope: CaseScope;
  readonly stage: Stage;
  readonly running: boolean;
}

/** The case's workflow handle; a malformed number names no case, so it is a 404 like any unknown one. */
export function caseHandle(client: Client, caseNumber: unknown): CaseHandle {
  const parsed = caseNumberSchema.safeParse(caseNumber);
  if (!parsed.success) throw caseNotFound();
  return client.workflow.getHandle(parsed.data);
}

/**
 * A case's scope (its handling body, level and applicant) changes only by a hand-over or a transfer (分办, 移送), so
 * the API keeps the scopes it has read, and an officer's next action on the case is authorised without another round
 * trip to the server. Kept briefly: another API process may have moved the case meanwhile, and this one must stop
 * showing it to the old body within `SCOPE_TTL_MS` (the workflow's gate refuses the old body's and level's actions
 * at once). Bounded, least recently used first out; one per Temporal client, so apps and tests never share one.
 */
class ScopeCache {
  private readonly scopes = new Map<string, { readonly scope: CaseScope; readonly until: number }>();

  constructor(
    private readonly max: number,
    private readonly ttlMs: number,
  ) {}

  get(caseNumber: string): CaseScope | undefined {
    const kept = this.scopes.get(caseNumber);
    if (!kept) return undefined;
    if (kept.until <= Date.now()) {
      this.scopes.delete(caseNumber);
      return undefined;
    }
    // Used again: last out, with the time it was read kept (a hit does not make it fresher).
    this.scopes.delete(caseNumber);
    this.scopes.set(caseNumber, kept);
    return kept.scope;
  }

  delete(caseNumber: string): void {
    this.scopes.delete(caseNumber);
  }

  set(caseNumber: string, scope: CaseScope): void {
    this.scopes.delete(caseNumber);
    this.scopes.set(caseNumber, { scope, until: Date.now() + this.ttlMs });
    if (this.scopes.size > this.max) this.scopes.delete(this.scopes.keys().next().value as string);
  }
}

/**
 * How long a case's scope is trusted without asking the server again: the most another API process's hand-over or
 * transfer can go unseen here by reads (actions are refused by the workflow at once).
 */
export const SCOPE_TTL_MS = 5_000;
const SCOPES_KEPT = 10_000;
const scopeCaches = new WeakMap<WorkflowClient, ScopeCache>();

function scopeCache(client: WorkflowClient): ScopeCache {
  let cache = scopeCaches.get(client);
  if (!cache) scopeCaches.set(client, (cache = new ScopeCache(SCOPES_KEPT, SCOPE_TTL_MS)));
  return cache;
}

/** The scope of a case this API has seen before, if it has. */
export function knownScope(handle: CaseHandle): CaseScope | undefined {
  return scopeCache(handle.client).get(handle.workflowId);
}

/**
 * Drops the scope kept for a case whose body or level has just changed (分办, 移送). Another API process keeps its
 * stale scope for reads at most `SCOPE_TTL_MS`; its actions by the old body or level the workflow's gate refuses.
 */
export function forgetScope(handle: CaseHandle): void {
  scopeCache(handle.client).delete(handle.workflowId);
}

/** Keeps the scope of a case this API has just submitted. */
export function rememberScope(client: WorkflowClient, caseNumber: string, scope: CaseScope): void {
  scopeCache(client).set(caseNumber, scope);
}

/**
 * The case's scope and stage from its search attributes (`describe()`), which the API itself sets when it starts
 * the case, so they are there before the workflow has run its first task.
 */
export async function describeCase(handle: CaseHandle): Promise<CaseFacts> {
  const d = await handle.describe();
  const body = d.typedSearchAttributes.get(HandlingBodyKey);
  const stage = d.typedSearchAttributes.get(CaseStage);
  if (d.type !== 'caseWorkflow' || !isOneOf(HANDLING_BODIES, body) || !isOneOf(STAGES, stage)) throw caseNotFound();
  const applicantId = d.typedSearchAttributes.get(ApplicantId);
  const level = d.typedSearchAttributes.get(HandlingLevel);
  const scope: CaseScope = {
    handlingBody: body,
    ...(applicantId ? { applicantId } : {}),
    ...(level ? { level } : {}),
  };
  rememberScope(handle.client, handle.workflowId, scope);
  return {
    scope,
    stage,
    running: d.status.name === 'RUNNING',
  };
}

/** @throws HttpProblem 404 when `p` may not read the case: the same answer as for a case that does not exist. */
export function requireReadable(p: Principal, scope: CaseScope): void {
  if (!canReadCase(p, scope)) throw caseNotFound();
}

/** @throws HttpProblem 404 when `p` may not read the case, 403 when `p` may read it but not take `action`. */
export function requireAction(p: Principal, action: CaseAction, scope: CaseScope): void {
  requireReadable(p, scope);
  if (!canAct(p, action, scope)) {
    throw new HttpProblem(403, 'Not permitted', REFUSALS.notPermitted(action, p.role, p.body), {
      roles: ACTION_ROLES[action],
    });
  }
}

/** The 409 for an action the case's stage does not open, with the stage and what it does open. */
export function stageConflict(action: CaseAction, stage: Stage, allowedActions: readonly AllowedAction[]): HttpProblem {
  return new HttpProblem(409, 'Not allowed in this stage', REFUSALS.notInStage(action, stage), {
    stage,
    allowedActions,
  });
}

/**
 * The id of a message to a case (a leadership signal's decision id, an officer's Update ID): the one given, else
 * one derived from the caller and the Idempotency-Key, so that a retried request is the same message to Temporal
 * even when its first answer was lost.
 */
export function messageIdFor(req: Request, sub: string, given: string | undefined): string {
  if (given) return given;
  const key = req.get(IDEMPOTENCY_HEADER);
  if (!key) return randomUUID();
  return messageIdFromKey(sub, key);
}

/** The message id a caller's Idempotency-Key stands for: the same caller and key, the same id. */
export function messageIdFromKey(sub: string, key: string): string {
  return `key-${createHash('sha256')
    .update(JSON.stringify([sub, key]))
    .digest('hex')
    .slice(0, 32)}`;
}

/** True when `value` is one of the codes in `values`. */
function isOneOf<T extends string>(values: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (values as readonly string[]).includes(value);
}
