/**
 * Tells the payload codec a case's handling body when the case is started, before its input is sealed: the start
 * names the body in the case's `HandlingBody` search attribute, so the codec seals the submission with that body's
 * key from the first payload on (`codec/case-bodies.ts`). Everything sent to the case later finds the body there,
 * or on the server.
 */
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { SearchAttributePair, TypedSearchAttributes } from '@temporalio/common';

import { HANDLING_BODIES } from '../../domain/case';
import { HandlingBodyKey } from '../../domain/search-attributes';
import type { CaseBodies } from '../../codec/case-bodies';
import { CASE_BODIES } from '../../codec/case-bodies';

function bodyAttribute(attributes: SearchAttributePair[] | TypedSearchAttributes | undefined): unknown {
  if (!attributes) return undefined;
  if (Array.isArray(attributes)) return attributes.find((p) => p.key.name === HandlingBodyKey.name)?.value;
  return attributes.get(HandlingBodyKey);
}

/** A client interceptor that notes each started case's body in `bodies` (the process's shared table by default). */
export function caseBodyInterceptor(bodies: CaseBodies = CASE_BODIES): WorkflowClientInterceptor {
  return {
    async startWithDetails(input, next) {
      const body = HANDLING_BODIES.find((b) => b === bodyAttribute(input.options.typedSearchAttributes));
      if (body) bodies.learn(input.options.workflowId, body);
      return next(input);
    },
  };
}
