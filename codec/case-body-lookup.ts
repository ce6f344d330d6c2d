/**
 * Finds a case's handling body on the Temporal server, from its `HandlingBody` search attribute (set by the API when
 * it starts the case, never encrypted). The raw service call, not a client's `describe()`: it decodes no payload,
 * so a codec may call it from inside its own encode without running into itself.
 */
import type { ConnectionLike } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';

import type { HandlingBody } from '../domain/case';
import { HANDLING_BODIES } from '../domain/case';
import { HandlingBodyKey } from '../domain/search-attributes';
import type { CaseBodyLookup } from './case-bodies';

/** A lookup over `connection` in `namespace`; a case that does not exist (yet) has no body. */
export function caseBodyLookup(connection: Pick<ConnectionLike, 'workflowService'>, namespace: string): CaseBodyLookup {
  return async (caseNumber) => {
    let described;
    try {
      described = await connection.workflowService.describeWorkflowExecution({
        namespace,
        execution: { workflowId: caseNumber },
      });
    } catch (err) {
      // NOT_FOUND (5): a case being started; anything else is the server's trouble and fails the call.
      if ((err as { code?: number }).code === 5) return undefined;
      throw err;
    }
    const field = described.workflowExecutionInfo?.searchAttributes?.indexedFields?.[HandlingBodyKey.name];
    if (!field) return undefined;
    const value: unknown = defaultPayloadConverter.fromPayload(field);
    const body = Array.isArray(value) ? value[0] : value;
    return HANDLING_BODIES.find((b) => b === body) as HandlingBody | undefined;
  };
}
