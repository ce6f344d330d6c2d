/**
 * `npm start`: everything on one machine. Without TEMPORAL_ADDRESS it starts the embedded dev server (SQLite under
 * DATA_DIR, Web UI); with it, it uses that server and starts none. Then the worker and the HTTP API. Ctrl-C stops
 * the API (finishing requests in flight), then the worker, then the dev server; a restart finds every case again.
 */
import type { Server } from 'node:http';

import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';

import { createApp } from '../api/app';
import { CASE_CLIENT_INTERCEPTORS } from '../api/cases/sent-messages';
import { createAuthentication, loadAuthConfig } from '../api/auth';
import { gracefulClose, loadHttpConfig } from '../api/http/hardening';
import { AesGcmCodec } from '../codec/aes-gcm';
import { caseDataConverter } from '../codec/data-converter';
import { checkApiConfig, connectionOptions, loadAll, loadConfig, loadKeysFromEnv, sealingPolicy } from '../config/env';
import { installWorkerRuntime } from '../worker/runtime';
import { activityDependencies } from '../worker/dependencies';
import { createCaseWorker } from '../worker/worker';
import { startDevServer } from './dev-server';
import { assertPortFree } from './ports';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** `main all` (`npm start`): everything on one machine. */
export async function runAll(): Promise<void> {
  // Every setting is checked before anything starts, so a bad variable stops start-up with its name, not later.
  // Only the embedded setup (no TEMPORAL_ADDRESS: everything on this machine) defaults to demo tokens and makes
  // its own payload key; against a separate Temporal both must be configured.
  const embedded = !process.env.TEMPORAL_ADDRESS;
  const { config, http, auth, keys } = loadAll({
    config: () => checkApiConfig(loadConfig()),
    http: () => loadHttpConfig(),
    auth: () => loadAuthConfig(process.env, { embedded }),
    keys: () => loadKeysFromEnv(process.env, { allowGenerated: embedded }),
  });
  const dependencies = activityDependencies(config);
  // Shutdown order is ours (API, worker, server), so the SDK must not stop the worker on a signal by itself.
  installWorkerRuntime(config, { shutdownSignals: [] });

  await assertPortFree(config.PORT, config.HOST, 'HTTP API', 'PORT');
  let devServer: TestWorkflowEnvironment | undefined;
  let address = config.TEMPORAL_ADDRESS;
  if (!address) {
    await assertPortFree(config.TEMPORAL_DEV_PORT, '127.0.0.1', 'Temporal dev server', 'TEMPORAL_DEV_PORT');
    await assertPortFree(config.TEMPORAL_UI_PORT, '127.0.0.1', 'Temporal Web UI', 'TEMPORAL_UI_PORT');
    say('starting the embedded Temporal dev server …');
    devServer = await startDevServer({
      dataDir: config.DATA_DIR,
      port: config.TEMPORAL_DEV_PORT,
      uiPort: config.TEMPORAL_UI_PORT,
      namespace: config.TEMPORAL_NAMESPACE,
      codecEndpoint: `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}/codec`,
    });
    address = devServer.address;
  }

  const options = connectionOptions(config, address);
  const connection = await Connection.connect(options);
  const nativeConnection = await NativeConnection.connect(options);
  const dataConverter = caseDataConverter(keys, sealingPolicy(config));
  const client = new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter,
    interceptors: CASE_CLIENT_INTERCEPTORS,
  });
  const worker = await createCaseWorker({
    connection: nativeConnection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    dependencies,
    dataConverter,
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
  });
  const workerRun = worker.run();

  const app = createApp({
    client,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    holidaysDir: config.HOLIDAYS_DIR,
    dataDir: config.DATA_DIR,
    payloadKeys: keys,
    authentication: await createAuthentication(auth),
    http,
    codec: {
      codec: new AesGcmCodec(keys, sealingPolicy(config)),
      // The embedded Web UI's own origins, under both names a browser may use for this machine.
      allowedOrigins: [
        ...config.CODEC_CORS_ORIGINS,
        ...(devServer
          ? [`http://127.0.0.1:${config.TEMPORAL_UI_PORT}`, `http://localhost:${config.TEMPORAL_UI_PORT}`]
          : []),
      ],
      roles: config.CODEC_ROLES,
    },
    metricsToken: config.METRICS_TOKEN,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
  });

  say(`Temporal server   ${address}${devServer ? ' (embedded dev server, data in ' + config.DATA_DIR + ')' : ''}`);
  if (devServer)
    say(
      `Temporal Web UI   http://127.0.0.1:${config.TEMPORAL_UI_PORT}/namespaces/${config.TEMPORAL_NAMESPACE}/workflows`,
    );
  say(
    `HTTP API          http://${config.HOST}:${config.PORT}  (health: /healthz, readiness: /readyz, metrics: /metrics)`,
  );
  if (devServer)
    say(
      `Codec server      http://${config.HOST}:${config.PORT}/codec  (Web UI: open /dev/codec-session?user=officer.dc once)`,
    );
  if (config.METRICS_PORT) say(`Worker metrics    http://${config.METRICS_HOST}:${config.METRICS_PORT}/metrics`);
  say('Ctrl-C stops everything.');

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping the API …`);
    await gracefulClose(server, { timeoutMs: http.SHUTDOWN_TIMEOUT_MS });
    say('stopping the worker …');
    worker.shutdown();
    await workerRun;
    await nativeConnection.close();
    await connection.close();
    if (devServer) {
      say('stopping the Temporal dev server …');
      await devServer.teardown();
    }
    say('stopped.');
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop(signal).then(
        () => process.exit(0),
        (err: unknown) => {
          process.stderr.write(`error while stopping: ${String(err)}\n`);
          process.exit(1);
        },
      );
    });
  }
}
