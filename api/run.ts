/**
 * Runs the HTTP API alone against the configured Temporal server (TEMPORAL_ADDRESS or a temporal.toml profile), for deployments that run
 * it apart from the workers. `npm start` runs it in-process instead. On SIGINT or SIGTERM it stops taking
 * connections, lets requests in flight finish (up to SHUTDOWN_TIMEOUT_MS), then closes the Temporal connection.
 */
import path from 'node:path';

import { Client, Connection } from '@temporalio/client';

import { caseBodyLookup } from '../codec/case-body-lookup';
import { CaseCodec } from '../codec/case-codec';
import { CASE_CLIENT_INTERCEPTORS } from './cases/sent-messages';
import { caseDataConverter } from '../codec/data-converter';
import type { ApiProcessConfig } from '../config';
import { connectionOptions } from '../config';
import { createApp } from './app';
import { lazyAuthentication } from './auth/lazy';
import { FileAccessLog } from './http/access-log';
import { gracefulClose } from './http/hardening';

/** `main api`: the HTTP API alone, against the configured Temporal server. */
export async function runApi(config: ApiProcessConfig): Promise<void> {
  const { http, payload } = config;
  const connection = await Connection.connect(connectionOptions(config.temporal));
  // A case's body, when neither started nor opened here, is read from the case's search attributes.
  const codecOptions = {
    ...payload.sealing,
    cipher: payload.cipher,
    lookup: caseBodyLookup(connection, config.temporal.namespace),
  };
  const client = new Client({
    connection,
    namespace: config.temporal.namespace,
    dataConverter: caseDataConverter(payload.keys, codecOptions),
    interceptors: CASE_CLIENT_INTERCEPTORS,
  });
  const app = createApp({
    client,
    taskQueue: config.temporal.taskQueue,
    holidaysDir: config.holidaysDir,
    orgTreeFile: config.orgTreeFile,
    dataDir: config.dataDir,
    payloadKeys: payload.keys,
    authentication: lazyAuthentication(config.auth),
    http,
    codec: {
      codec: new CaseCodec(payload.keys, codecOptions),
      allowedOrigins: http.CODEC_CORS_ORIGINS,
      roles: http.CODEC_ROLES,
    },
    metricsToken: http.METRICS_TOKEN,
    temporalUiUrl: http.TEMPORAL_UI_URL,
    accessLog: new FileAccessLog({
      dir: http.ACCESS_LOG_DIR ?? path.join(config.dataDir, 'access-log'),
      alg: payload.cipher === 'sm4-gcm' ? 'sm3' : 'sha256',
    }),
  });
  const server = app.listen(http.PORT, http.HOST, () => {
    process.stdout.write(`HTTP API listening on http://${http.HOST}:${http.PORT}\n`);
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
