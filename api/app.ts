import express from 'express';
import type { Client } from '@temporalio/client';

import { HttpProblem, problemHandler } from './errors';
import { caseRoutes } from './routes/cases';

export interface ApiDependencies {
  /** The Temporal client, injected so tests and start-up pass a real one connected where they choose. */
  readonly client: Client;
  readonly taskQueue: string;
}

/** Builds the HTTP API over a Temporal client. */
export function createApp(deps: ApiDependencies): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '256kb', strict: true, type: ['application/json', 'application/*+json'] }));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(caseRoutes(deps));
  app.use((req) => {
    throw new HttpProblem(404, 'Not found', `no route for ${req.method} ${req.path}`);
  });
  app.use(problemHandler);
  return app;
}
