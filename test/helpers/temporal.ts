/**
 * Real Temporal servers for tests: the time-skipping test server for workflow tests and the dev server for
 * end-to-end tests, both from the project's one resolver and both on 127.0.0.1.
 */
import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';

import { CASE_CLIENT_INTERCEPTORS } from '../../api/cases/sent-messages';

import { resolveTemporalCli, resolveTestServer } from '../../tools/temporal-binaries';
import { CASE_SEARCH_ATTRIBUTES } from '../../domain/search-attributes';
import { testDataConverter } from './payload-keys';

const INDEXED_TYPES: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  KEYWORD: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  DATETIME: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  BOOL: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
};

/** A time-skipping test server with the case search attributes registered; its client encrypts case data. */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const { executable } = await resolveTestServer();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable },
    client: { dataConverter: testDataConverter, interceptors: CASE_CLIENT_INTERCEPTORS },
  });
  await env.connection.operatorService.addSearchAttributes({
    namespace: 'default',
    searchAttributes: Object.fromEntries(CASE_SEARCH_ATTRIBUTES.map((k) => [k.name, INDEXED_TYPES[k.type]])),
  });
  return env;
}

export interface DevServerOptions {
  /** A SQLite file to keep the server's data in; in memory when absent. */
  readonly dbFilename?: string;
  readonly dataConverter?: DataConverter;
}

/** A dev server (no UI) with the case search attributes registered; its client encrypts case data. */
export async function startDevServer(options: DevServerOptions = {}): Promise<TestWorkflowEnvironment> {
  const { executable } = await resolveTemporalCli();
  process.env.TEMPORAL_VERSION_CHECK_DISABLED = '1';
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable,
      ip: '127.0.0.1',
      searchAttributes: [...CASE_SEARCH_ATTRIBUTES],
      ...(options.dbFilename ? { dbFilename: options.dbFilename } : {}),
    },
    client: { dataConverter: options.dataConverter ?? testDataConverter, interceptors: CASE_CLIENT_INTERCEPTORS },
  });
}
