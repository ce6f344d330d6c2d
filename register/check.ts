/**
 * The register compared with Temporal's visibility: cases Temporal has that the register lacks (missing), rows of
 * cases Temporal no longer lists (only in the register: past retention, or written by another deployment), and
 * cases whose stage differs (a projection still on its way, or one lost). Visibility trails the workflows by a
 * moment, so a difference seen once is worth a second look before a rebuild.
 */
import type { Client } from '@temporalio/client';

import { CaseStage } from '../domain/search-attributes';
import type { CaseRegister } from './register';
import { casesQuery } from './rebuild';

export interface RegisterDrift {
  readonly missing: readonly string[];
  readonly onlyInRegister: readonly string[];
  readonly stageDiffers: readonly {
    readonly caseNumber: string;
    readonly temporal: string;
    readonly register: string;
  }[];
  /** Cases in both with the same stage. */
  readonly matching: number;
}

/** Compares the register with every case visibility lists (narrowed by `also`, as for the rebuild). */
export async function checkRegister(client: Client, register: CaseRegister, also?: string): Promise<RegisterDrift> {
  const rows = new Map((await register.summary()).map((r) => [r.caseNumber, r]));
  const missing: string[] = [];
  const stageDiffers: { caseNumber: string; temporal: string; register: string }[] = [];
  const seen = new Set<string>();
  let matching = 0;
  for await (const execution of client.workflow.list({ query: casesQuery(also) })) {
    const caseNumber = execution.workflowId;
    seen.add(caseNumber);
    const row = rows.get(caseNumber);
    const stage = execution.typedSearchAttributes.get(CaseStage) ?? '';
    if (!row) missing.push(caseNumber);
    else if (row.stage !== stage) stageDiffers.push({ caseNumber, temporal: stage, register: row.stage });
    else matching += 1;
  }
  const onlyInRegister = [...rows.keys()].filter((n) => !seen.has(n));
  return { missing, onlyInRegister, stageDiffers, matching };
}
