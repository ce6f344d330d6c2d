/**
 * A case's level in the organisation tree, for the codec server: read from the case's `HandlingLevel` search
 * attribute with the raw service call (no payload is decoded, so the codec server never decodes to authorise a
 * decode). A transfer (移送) moves a case to another level, so what is read is kept only briefly.
 */
import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';

import { CITY_LEVEL } from '../../domain/org-tree';
import { HandlingLevel } from '../../domain/search-attributes';

/** Finds a case's level; undefined for a case the server does not hold. */
export type CaseLevelLookup = (caseNumber: string) => Promise<string | undefined>;

/** How long a case's level is kept: a transfer elsewhere is seen by the codec server within this time. */
export const CASE_LEVEL_TTL_MS = 5_000;
const KEPT = 10_000;

/** A lookup over `client`'s connection and namespace, each answer kept `ttlMs`. */
export function caseLevelLookup(client: Client, ttlMs = CASE_LEVEL_TTL_MS): CaseLevelLookup {
  const kept = new Map<string, { level: string; until: number }>();
  return async (caseNumber) => {
    const hit = kept.get(caseNumber);
    if (hit && hit.until > Date.now()) return hit.level;
    let described;
    try {
      described = await client.workflowService.describeWorkflowExecution({
        namespace: client.options.namespace,
        execution: { workflowId: caseNumber },
      });
    } catch (err) {
      // NOT_FOUND (5): no such case; anything else is the server's trouble and fails the request.
      if ((err as { code?: number }).code === 5) return undefined;
      throw err;
    }
    const field = described.workflowExecutionInfo?.searchAttributes?.indexedFields?.[HandlingLevel.name];
    const value: unknown = field ? defaultPayloadConverter.fromPayload(field) : undefined;
    const raw = Array.isArray(value) ? (value[0] as unknown) : value;
    // Cases begun before the tree have no level: the city's.
    const level = typeof raw === 'string' ? raw : CITY_LEVEL;
    kept.delete(caseNumber);
    kept.set(caseNumber, { level, until: Date.now() + ttlMs });
    if (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
    return level;
  };
}
