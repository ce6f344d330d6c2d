/**
 * The two shapes of a case action over HTTP. An officer's action is a workflow Update: the workflow's validator
 * accepts or refuses it, and the answer is the new case state. A leadership decision is a signal, which the workflow
 * cannot refuse, so the route checks the stage against the state query first and answers 202 with the decision id
 * once the signal is delivered. A decision that loses a race with another (the stage moved between the check and
 * the delivery) is recorded in the timeline as ignored, never applied. Both authorise on the case's search
 * attributes before they send the case anything.
 */
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { z } from 'zod';

import type { CaseAction } from '../../domain/procedure';
import type { ActionResult, CaseState } from '../../domain/case';
import type { DecisionMessages, DecisionName, UpdateMessages, UpdateName } from '../../domain/messages';
import { CASE_STATE_QUERY } from '../../domain/messages';
import { shanghaiDateOf } from '../../domain/dates';
import { actorOf } from '../auth/policy';
import { HttpProblem } from '../http/errors';
import { principalOf } from '../http/locals';
import { actionResultResponseSchema, signalAcceptedResponseSchema } from './response-schemas';
import type { RequestOf, SignalRequestOf } from './schemas';
import { caseParamsSchema } from './schemas';
import {
  caseHandle,
  describeCase,
  forgetScope,
  knownScope,
  messageIdFor,
  requireAction,
  stageConflict,
} from './case-access';
import type { RouteDoc } from '../docs/openapi';
import type { OrgTreeIndex } from '../../domain/org-tree';
import type { OrgTreeHolder } from '../org-tree/org-tree-file';
import type { ApiRoute } from '../http/route';

export interface ActionSpec {
  /** Below `/cases/:caseNumber`. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  /** Component name of the request schema, for a schema two routes share. */
  readonly requestName?: string;
  /** The action moves the case to another body (分办): the API forgets the scope it kept for the case. */
  readonly changesScope?: boolean;
}

/** The route of an officer's action: the Update of the same name. */
export interface UpdateSpec<N extends UpdateName> extends ActionSpec {
  readonly schema: z.ZodType<RequestOf<UpdateMessages[N]>>;
  /**
   * What the API adds to the message from the organisation tree in force (移送: the receiving level's names),
   * checked against it first; throws an HttpProblem naming the field the tree does not hold.
   */
  readonly fromTree?: (body: RequestOf<UpdateMessages[N]>, tree: OrgTreeIndex) => Partial<UpdateMessages[N]>;
}

/** The route of a leadership decision: the signal of the same name. */
export interface SignalSpec<N extends DecisionName> extends ActionSpec {
  /** The action of the procedure the decision takes, which for an early exit depends on the body. */
  readonly action: (body: SignalRequestOf<DecisionMessages[N]>) => CaseAction;
  readonly schema: z.ZodType<SignalRequestOf<DecisionMessages[N]>>;
  /**
   * What the case's own history contradicts in the decision (a meeting dated after today or before the report was
   * accepted), checked before the signal goes: the workflow would only record the decision as ignored.
   */
  readonly check?: (body: SignalRequestOf<DecisionMessages[N]>, state: CaseState, today: string) => string | undefined;
}

const ACTION_RESPONSES = {
  403: 'the caller may read the case but its role may not take this action',
  404: 'no such case, or one the caller may not read',
  409: 'the case’s stage does not allow this action now (with `stage` and `allowedActions`), or the procedure refuses it',
} as const;

/**
 * The workflow message from a request body and what the API adds. The schemas' `satisfies` lines hold each body to
 * the message minus the added fields; the compiler cannot follow that through a generic, hence the one cast.
 */
function complete<M>(message: object): M {
  return message as M;
}

/** The OpenAPI entry of an action route: what every action shares, and its own answer. */
function actionDoc(
  spec: ActionSpec & { readonly schema: z.ZodType },
  operationId: string,
  answer: Pick<RouteDoc, 'responseSchema' | 'responseName' | 'responses'>,
): RouteDoc {
  return {
    method: 'post',
    path: `/cases/:caseNumber${spec.path}`,
    summary: spec.summary,
    description: spec.description,
    tags: [spec.tag],
    operationId,
    params: caseParamsSchema,
    requestSchema: spec.schema,
    requestName: spec.requestName,
    ...answer,
    security: 'bearer',
  };
}

/** An officer's action: `POST /cases/:caseNumber<path>` answering the new case state. */
export function updateRoute<N extends UpdateName>(
  client: Client,
  name: N,
  spec: UpdateSpec<N>,
  orgTree?: OrgTreeHolder,
): ApiRoute {
  return {
    doc: actionDoc(spec, name, {
      responseSchema: actionResultResponseSchema,
      responseName: 'ActionResult',
      responses: { 200: 'done; where the case is now', ...ACTION_RESPONSES },
    }),
    handler: async (req, res) => {
      const principal = principalOf(res);
      const body = spec.schema.parse(req.body);
      const added = spec.fromTree && orgTree ? spec.fromTree(body, orgTree.current()) : {};
      const handle = caseHandle(client, req.params.caseNumber);
      // The Update ID comes from the Idempotency-Key, so a request repeated after a lost answer (or a timeout while
      // no worker was up) is the same Update to Temporal, which applies it once.
      const send = async () => {
        const result = await handle.executeUpdate<ActionResult, [UpdateMessages[N]]>(name, {
          args: [complete<UpdateMessages[N]>({ ...body, ...added, actor: actorOf(principal) })],
          updateId: messageIdFor(req, principal.sub, undefined),
        });
        // The case's next request reads its new body from the server, whichever officer sends it.
        if (spec.changesScope) forgetScope(handle);
        return result;
      };
      const known = knownScope(handle);
      if (known) {
        requireAction(principal, name, known);
        try {
          res.json(await send());
          return;
        } catch (err) {
          // Closed (or gone) since it was last seen: answered below exactly as for a case not seen before.
          if (!(err instanceof WorkflowNotFoundError)) throw err;
        }
      }
      const facts = await describeCase(handle);
      requireAction(principal, name, facts.scope);
      if (!facts.running) throw stageConflict(name, facts.stage, []);
      res.json(await send());
    },
  };
}

/** A leadership decision: `POST /cases/:caseNumber<path>` answering 202 with its decision id. */
export function signalRoute<N extends DecisionName>(client: Client, name: N, spec: SignalSpec<N>): ApiRoute {
  return {
    doc: actionDoc(spec, name, {
      responseSchema: signalAcceptedResponseSchema,
      responseName: 'DecisionAccepted',
      responses: { 202: 'the decision was delivered to the case', ...ACTION_RESPONSES },
    }),
    handler: async (req, res) => {
      const principal = principalOf(res);
      const body = spec.schema.parse(req.body);
      const action = spec.action(body);
      const handle = caseHandle(client, req.params.caseNumber);
      // Authorised on the case's scope first, so refusals never wait for the workflow to answer a query.
      const known = knownScope(handle);
      if (known) requireAction(principal, action, known);
      else {
        const facts = await describeCase(handle);
        requireAction(principal, action, facts.scope);
        if (!facts.running) throw stageConflict(action, facts.stage, []);
      }
      // A closed case still answers the query, with no action open: the 409 below.
      const state = await handle.query<CaseState>(CASE_STATE_QUERY);
      const decisionId = messageIdFor(req, principal.sub, body.decisionId);
      // A retry of a decision already applied (its first answer lost to a 503) gets the first answer, not a 409.
      if (state.decisionIds?.includes(decisionId)) {
        return void res.status(202).json({ caseNumber: state.caseNumber, action, decisionId });
      }
      if (!state.allowedActions.some((a) => a.action === action)) {
        throw stageConflict(action, state.stage, state.allowedActions);
      }
      const problem = spec.check?.(body, state, shanghaiDateOf(new Date().toISOString()));
      if (problem) throw new HttpProblem(409, 'Action refused', problem, { stage: state.stage });
      await handle.signal<[DecisionMessages[N]]>(
        name,
        complete<DecisionMessages[N]>({ ...body, decisionId, actor: actorOf(principal) }),
      );
      res.status(202).json({ caseNumber: state.caseNumber, action, decisionId });
    },
  };
}
