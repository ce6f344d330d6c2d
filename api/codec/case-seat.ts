/**
 * A case's handling body and level in the organisation tree now, for the codec server: read from the case's
 * `HandlingBody` and `HandlingLevel` search attributes with the raw service call (no payload is decoded, so the codec
 * server never decodes to authorise a decode). A hand-over or transfer (分办, 移送) moves a case to another body or
 * level, so what is read is kept only briefly.
 */
import type { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { defaultPayloadConverter } from '@temporalio/common';

import type { HandlingBody } from '../../domain/case';
import { HANDLING_BODIES } from '../../domain/case';
import { CITY_LEVEL } from '../../domain/org-tree';
import { HandlingBodyKey, HandlingLevel } from '../../domain/search-attributes';

/** Where a case is handled now. */
export interface CaseSeat {
  readonly body?: HandlingBody;
  readonly level: string;
}

/** Finds where a case is handled; undefined for a case the server does not hold. */
export type CaseSeatLookup = (caseNumber: string) => Promise<CaseSeat | undefined>;

/** How long a case's seat is kept: a transfer elsewhere is seen by the codec server within this time. */
export const CASE_SEAT_TTL_MS = 5_000;
const KEPT = 10_000;

/** A lookup over `client`'s connection and namespace, each answer kept `ttlMs`. */
export function caseSeatLookup(client: Client, ttlMs = CASE_SEAT_TTL_MS): CaseSeatLookup {
  const kept = new Map<string, { seat: CaseSeat; until: number }>();
  return async (caseNumber) => {
    const hit = kept.get(caseNumber);
    if (hit && hit.until > Date.now()) return hit.seat;
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
    const fields = described.workflowExecutionInfo?.searchAttributes?.indexedFields ?? {};
    const body = HANDLING_BODIES.find((b) => b === keyword(fields[HandlingBodyKey.name]));
    // Cases begun before the tree have no level: the city's.
    const seat: CaseSeat = { ...(body ? { body } : {}), level: keyword(fields[HandlingLevel.name]) ?? CITY_LEVEL };
    kept.delete(caseNumber);
    kept.set(caseNumber, { seat, until: Date.now() + ttlMs });
    if (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
    return seat;
  };
}

/** A keyword search attribute's value, or undefined. */
function keyword(field: Payload | null | undefined): string | undefined {
  const value: unknown = field ? defaultPayloadConverter.fromPayload(field) : undefined;
  const raw = Array.isArray(value) ? (value[0] as unknown) : value;
  return typeof raw === 'string' ? raw : undefined;
}
