/**
 * A deployed worker (`node dist/main.js worker`, as each compose replica runs) serves the Temporal SDK's own
 * Prometheus metrics on METRICS_PORT, tagged with its task queue.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Proc } from '../reliability/cluster';
import { deploymentEnv, freePort, spawnWorker } from '../reliability/cluster';

let worker: Proc | undefined;
let dir: string;
let port: number;
const taskQueue = `metrics-${randomUUID()}`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'worker-metrics-'));
  port = await freePort();
  const address = process.env.E2E_TEMPORAL_ADDRESS as string;
  worker = await spawnWorker(deploymentEnv(address, taskQueue, dir), { METRICS_PORT: String(port) });
}, 240_000);

afterAll(async () => {
  await worker?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the worker serves the SDK’s Prometheus metrics on METRICS_PORT, tagged with its task queue', async () => {
  let text = '';
  // The SDK records its first poll a moment after the worker reports that it polls.
  for (let i = 0; i < 50 && !text.includes('temporal_'); i++) {
    text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    if (!text.includes('temporal_')) await new Promise((r) => setTimeout(r, 200));
  }
  expect(text).toMatch(/^temporal_\w+/m);
  expect(text).toContain(`task_queue="${taskQueue}"`);
});
