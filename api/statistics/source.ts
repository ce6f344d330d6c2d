/**
 * Where the statistics and the register export read cases' full records. The interface is what the register
 * database (issue 16 §1) serves; until it does, `temporalCaseRecords` reads them from Temporal: the visibility store
 * lists the cases within the caller's scope, and each case's own query answers its state, decoded by the API's
 * client. That costs one query per case, within the request's bound on Temporal calls (TEMPORAL_CALL_TIMEOUT_MS),
 * so it suits an office's few hundred cases, not the thousands the register is for.
 */
import type { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { decodeTypedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import type { temporal } from '@temporalio/proto';

import type { CaseState } from '../../domain/case';
import { CASE_STATE_QUERY } from '../../domain/messages';
import { HandlingLevel } from '../../domain/search-attributes';
import type { CaseRecord } from '../../domain/statistics';
import type { ListScope } from '../auth/policy';
import { caseListQuery } from '../cases/case-list-query';

/**
 * The full records of the cases a scope lists, each as the `caseState` query answers it, with the level the case is
 * handled at when the source knows it (a source of plain `CaseState`s satisfies this too: its cases count as the
 * city's).
 */
export interface CaseRecordSource {
  records(scope: ListScope): AsyncIterable<CaseRecord>;
}

/** Visibility rows per page, and cases queried at once: enough to be quick, few enough not to crowd the worker. */
const PAGE_SIZE = 100;
const QUERIES_AT_ONCE = 8;

/** Task queue names that can go into a quoted string of the query as they are. */
const PLAIN = /^[A-Za-z0-9._:-]{1,200}$/;

/**
 * Records from Temporal: the cases of the scope run by this deployment's workers (`taskQueue`), latest run of each.
 * Other task queues' cases (another deployment's in the same namespace) are not this API's to answer for.
 */
export function temporalCaseRecords(client: Client, taskQueue: string): CaseRecordSource {
  if (!PLAIN.test(taskQueue)) throw new Error(`temporalCaseRecords: task queue ${taskQueue} cannot be queried`);
  const read = async (info: temporal.api.workflow.v1.IWorkflowExecutionInfo): Promise<CaseRecord> => {
    const caseNumber = info.execution?.workflowId ?? '';
    const state = await client.workflow.getHandle(caseNumber).query<CaseState>(CASE_STATE_QUERY);
    const sa = decodeTypedSearchAttributes(info.searchAttributes?.indexedFields as Record<string, Payload> | undefined);
    const level = sa.get(HandlingLevel);
    return level ? { ...state, level } : state;
  };
  return {
    async *records(scope) {
      const within = caseListQuery(scope, { limit: PAGE_SIZE });
      if (!within) return;
      // A run that continued as new is the same case as its successor, which holds the whole state.
      const query = `${within} AND TaskQueue = '${taskQueue}' AND ExecutionStatus != 'ContinuedAsNew'`;
      const seen = new Set<string>();
      let token: Uint8Array | undefined;
      do {
        const page = await client.workflowService.listWorkflowExecutions({
          namespace: client.options.namespace,
          query,
          pageSize: PAGE_SIZE,
          ...(token ? { nextPageToken: token } : {}),
        });
        const fresh = (page.executions ?? []).filter((info) => {
          const id = info.execution?.workflowId;
          if (!id || seen.has(id)) return false;
          seen.add(id);
          return true;
        });
        for (let i = 0; i < fresh.length; i += QUERIES_AT_ONCE) {
          yield* await Promise.all(fresh.slice(i, i + QUERIES_AT_ONCE).map(read));
        }
        token = page.nextPageToken?.length ? page.nextPageToken : undefined;
      } while (token);
    },
  };
}
