/**
 * Runs the HTTP API alone against the configured Temporal server (`TEMPORAL_ADDRESS`), for deployments that run
 * it apart from the workers. `npm start` runs it in-process instead. On SIGINT or SIGTERM it stops taking
 * connections, lets requests in flight finish (up to SHUTDOWN_TIMEOUT_MS), then closes the Temporal connection.
 */
import { Client, Connection } from '@temporalio/client';

import { AesGcmCodec } from '../codec/aes-gcm';
import { CASE_CLIENT_INTERCEPTORS } from './cases/sent-messages';
import { caseDataConverter } from '../codec/data-converter';
import { checkApiConfig, connectionOptions, loadAll, loadConfig, loadKeysFromEnv, sealingPolicy } from '../config/env';
import { createApp } from './app';
import { loadAuthConfig } from './auth';
import { lazyAuthentication } from './auth/lazy';
import { gracefulClose, loadHttpConfig } from './http/hardening';

/** `main api`: the HTTP API alone, against the configured Temporal server. */
export async function runApi(): Promise<void> {
  const { config, http, auth, keys } = loadAll({
    config: () => checkApiConfig(loadConfig()),
    http: () => loadHttpConfig(),
    auth: () => loadAuthConfig(),
    keys: () => loadKeysFromEnv(),
  });
  const connection = await Connection.connect(
    connectionOptions(config, config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_DEV_PORT}`),
  );
  const client = new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: caseDataConverter(keys, sealingPolicy(config)),
    interceptors: CASE_CLIENT_INTERCEPTORS,
  });
  const app = createApp({
    client,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    holidaysDir: config.HOLIDAYS_DIR,
    dataDir: config.DATA_DIR,
    payloadKeys: keys,
    authentication: lazyAuthentication(auth),
    http,
    codec: {
      codec: new AesGcmCodec(keys, sealingPolicy(config)),
      allowedOrigins: config.CODEC_CORS_ORIGINS,
      roles: config.CODEC_ROLES,
    },
    metricsToken: config.METRICS_TOKEN,
  });
  const server = app.listen(config.PORT, config.HOST, () => {
    process.stdout.write(`HTTP API listening on http://${config.HOST}:${config.PORT}\n`);
  });
  const stop = async (): Promise<void> => {
    await gracefulClose(server, { timeoutMs: http.SHUTDOWN_TIMEOUT_MS });
    await connection.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop().then(
        () => process.exit(0),
        (err: unknown) => {
          process.stderr.write(`api: error while stopping: ${String(err)}\n`);
          process.exit(1);
        },
      );
    });
  }
}
