import { Router } from 'express';

import type { DevelopmentAuth } from './development';

/**
 * `GET /dev/tokens`: a bearer token for every demo user. Mount it only in development mode; it hands out
 * credentials to anyone who asks.
 */
export function devTokensRouter(dev: DevelopmentAuth): Router {
  const router = Router();
  router.get('/dev/tokens', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ users: await dev.demoTokens() });
  });
  return router;
}
