/**
 * A whole stack for end-to-end tests: a real dev server, the real worker and the real HTTP API on an ephemeral
 * 127.0.0.1 port, torn down together.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';

import { FileOutbox } from '../../activities/file-outbox';
import { createApp } from '../../api/app';
import { loadCalendar } from '../../calendar';
import { createCaseWorker } from '../../worker/worker';
import { startDevServer } from './temporal';

export interface Stack {
  readonly env: TestWorkflowEnvironment;
  readonly baseUrl: string;
  readonly outbox: FileOutbox;
  stop(): Promise<void>;
}

/** Starts the dev server, worker and API; `stop()` tears all down. */
export async function startStack(): Promise<Stack> {
  const env = await startDevServer();
  const taskQueue = 'e2e';
  const outboxDir = mkdtempSync(path.join(tmpdir(), 'outbox-'));
  const outbox = new FileOutbox(outboxDir);
  const calendar = loadCalendar();
  const worker: Worker = await createCaseWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    dependencies: { calendar: () => calendar, notices: outbox },
  });
  const workerRun = worker.run();
  const server: Server = await new Promise((resolve) => {
    const s = createApp({ client: env.client, taskQueue }).listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    env,
    outbox,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      worker.shutdown();
      await workerRun;
      await env.teardown();
      rmSync(outboxDir, { recursive: true, force: true });
    },
  };
}

/** Sends JSON and returns the status, content type and parsed body. */
export async function request(
  stack: Stack,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${stack.baseUrl}${url}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    headers: res.headers,
    body: text ? (JSON.parse(text) as Record<string, any>) : undefined,
  };
}
