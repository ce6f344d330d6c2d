/**
 * The register rebuilt from Temporal: every case execution listed from visibility, each asked for its projection
 * (the `caseProjection` query, the same record and version the case itself projects), written by the same code.
 * What a case has projected and what the rebuild writes are the same row, so a rebuild over a consistent register
 * changes nothing but the seal's random nonce.
 */
import type { Client } from '@temporalio/client';

import type { CaseProjection } from '../domain/case-record';
import { CASE_PROJECTION_QUERY } from '../domain/case-record';
import { CASE_WORKFLOW_TYPE } from '../domain/messages';
import type { CaseRegister } from './register';

/** The visibility query of every case, narrowed by `also` (a task queue, in tests sharing one server). */
export function casesQuery(also?: string): string {
  return [`WorkflowType = '${CASE_WORKFLOW_TYPE}'`, ...(also ? [also] : [])].join(' AND ');
}

export interface RebuildResult {
  /** Cases written. */
  readonly cases: number;
  /** Cases that did not answer (their worker is down, or their history is gone), by case number with the reason. */
  readonly failed: readonly { readonly caseNumber: string; readonly error: string }[];
}

/**
 * Rewrites the row of every case Temporal has, `concurrency` at a time. Rows of cases Temporal no longer has (past
 * retention) are kept unless `clear` is set, which empties the register first: they exist nowhere else.
 */
export async function rebuildRegister(
  client: Client,
  register: CaseRegister,
  options: { readonly also?: string; readonly clear?: boolean; readonly concurrency?: number } = {},
): Promise<RebuildResult> {
  const listed: string[] = [];
  for await (const execution of client.workflow.list({ query: casesQuery(options.also) })) {
    listed.push(execution.workflowId);
  }
  if (options.clear) await register.clear();
  const failed: { caseNumber: string; error: string }[] = [];
  let cases = 0;
  const queue = [...new Set(listed)];
  const work = async () => {
    for (let caseNumber = queue.shift(); caseNumber !== undefined; caseNumber = queue.shift()) {
      try {
        const projection = await client.workflow.getHandle(caseNumber).query<CaseProjection>(CASE_PROJECTION_QUERY);
        // Rewritten whatever version the row holds, one case at a time, so lists miss no other case meanwhile.
        await register.remove([caseNumber]);
        await register.project(projection);
        cases += 1;
      } catch (err) {
        failed.push({ caseNumber, error: err instanceof Error ? err.message : String(err) });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, work));
  return { cases, failed };
}
