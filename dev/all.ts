/**
 * `npm start`: everything on one machine. Without a Temporal address (TEMPORAL_ADDRESS or a temporal.toml profile)
 * it starts the embedded dev server (SQLite under DATA_DIR, Web UI); with one, it uses that server and starts none.
 * Then the worker and the HTTP API. Ctrl-C stops the API (finishing requests in flight), then the worker, then the
 * dev server; a restart finds every case again.
 */
import type { Server } from 'node:http';
import path from 'node:path';

import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';

import { createApp } from '../api/app';
import { CASE_CLIENT_INTERCEPTORS } from '../api/cases/sent-messages';
import { createAuthentication } from '../api/auth';
import { FileAccessLog } from '../api/http/access-log';
import { gracefulClose } from '../api/http/hardening';
import { caseBodyLookup } from '../codec/case-body-lookup';
import { CaseCodec } from '../codec/case-codec';
import { caseDataConverter } from '../codec/data-converter';
import type { AllConfig } from '../config';
import { connectionOptions } from '../config';
import { installWorkerRuntime } from '../worker/runtime';
import { activityDependencies } from '../worker/dependencies';
import { createCaseWorker } from '../worker/worker';
import { startDevServer } from './dev-server';
import { assertPortFree } from './ports';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** `main all` (`npm start`): everything on one machine, with the configuration `loadConfig('all')` checked. */
export async function runAll(config: AllConfig): Promise<void> {
  const { http, payload, temporal } = config;
  const dependencies = activityDependencies(config);
  // Shutdown order is ours (API, worker, server), so the SDK must not stop the worker on a signal by itself.
  installWorkerRuntime(config, { shutdownSignals: [] });

  await assertPortFree(http.PORT, http.HOST, 'HTTP API', 'PORT');
  let devServer: TestWorkflowEnvironment | undefined;
  let address = temporal.address;
  if (config.embedded) {
    await assertPortFree(temporal.devPort, '127.0.0.1', 'Temporal dev server', 'TEMPORAL_DEV_PORT');
    await assertPortFree(temporal.uiPort, '127.0.0.1', 'Temporal Web UI', 'TEMPORAL_UI_PORT');
    say('starting the embedded Temporal dev server …');
    devServer = await startDevServer({
      dataDir: config.dataDir,
      port: temporal.devPort,
      uiPort: temporal.uiPort,
      namespace: temporal.namespace,
      codecEndpoint: `http://${http.HOST === '0.0.0.0' ? '127.0.0.1' : http.HOST}:${http.PORT}/codec`,
    });
    address = devServer.address;
  }

  const options = connectionOptions(temporal, address);
  const connection = await Connection.connect(options);
  const nativeConnection = await NativeConnection.connect(options);
  // A case's body, when neither started nor opened in this process, is read from the case's search attributes.
  const codecOptions = {
    ...payload.sealing,
    cipher: payload.cipher,
    lookup: caseBodyLookup(connection, temporal.namespace),
  };
  const dataConverter = caseDataConverter(payload.keys, codecOptions);
  const client = new Client({
    connection,
    namespace: temporal.namespace,
    dataConverter,
    interceptors: CASE_CLIENT_INTERCEPTORS,
  });
  const worker = await createCaseWorker({
    connection: nativeConnection,
    namespace: temporal.namespace,
    taskQueue: temporal.taskQueue,
    dependencies,
    dataConverter,
    maxCachedWorkflows: config.worker.WORKER_MAX_CACHED_WORKFLOWS,
  });
  const workerRun = worker.run();

  const app = createApp({
    client,
    taskQueue: temporal.taskQueue,
    holidaysDir: config.holidaysDir,
    orgTreeFile: config.orgTreeFile,
    dataDir: config.dataDir,
    payloadKeys: payload.keys,
    authentication: await createAuthentication(config.auth),
    http,
    codec: {
      codec: new CaseCodec(payload.keys, codecOptions),
      // The embedded Web UI's own origins, under both names a browser may use for this machine.
      allowedOrigins: [
        ...http.CODEC_CORS_ORIGINS,
        ...(devServer ? [`http://127.0.0.1:${temporal.uiPort}`, `http://localhost:${temporal.uiPort}`] : []),
      ],
      roles: http.CODEC_ROLES,
    },
    metricsToken: http.METRICS_TOKEN,
    temporalUiUrl: http.TEMPORAL_UI_URL ?? (devServer ? `http://127.0.0.1:${temporal.uiPort}` : undefined),
    accessLog: new FileAccessLog({
      dir: http.ACCESS_LOG_DIR ?? path.join(config.dataDir, 'access-log'),
      alg: payload.cipher === 'sm4-gcm' ? 'sm3' : 'sha256',
    }),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(http.PORT, http.HOST, () => resolve(s));
  });

  say(`Temporal server   ${address}${devServer ? ' (embedded dev server, data in ' + config.dataDir + ')' : ''}`);
  if (devServer)
    say(`Temporal Web UI   http://127.0.0.1:${temporal.uiPort}/namespaces/${temporal.namespace}/workflows`);
  say(`HTTP API          http://${http.HOST}:${http.PORT}  (health: /healthz, readiness: /readyz, metrics: /metrics)`);
  say(`Workbench         http://${http.HOST}:${http.PORT}/  (工作台)`);
  if (devServer)
    say(
      `Codec server      http://${http.HOST}:${http.PORT}/codec  (Web UI: open /dev/codec-session?user=officer.dc once)`,
    );
  const { METRICS_HOST, METRICS_PORT } = config.worker;
  if (METRICS_PORT) say(`Worker metrics    http://${METRICS_HOST}:${METRICS_PORT}/metrics`);
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
