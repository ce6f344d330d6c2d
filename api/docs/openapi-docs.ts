import { readFileSync } from 'node:fs';
import path from 'node:path';

import { Router } from 'express';
import type { Response } from 'express';

import { docsHtml } from './docs-page';
import type { OpenApiDocument } from './openapi';

function revalidated(res: Response, type: string): Response {
  // Assets change with each deployment; ETags make the revalidation cheap.
  return res.type(type).setHeader('Cache-Control', 'no-cache');
}

/**
 * Serves `GET /openapi.json` and the interactive docs at `GET /docs` (with `/docs/app.js` and `/docs/app.css`).
 * Public: mount it before `authenticate`. The page's "try it" requests carry the token pasted into it.
 */
export function docsRouter(document: OpenApiDocument): Router {
  const router = Router();
  // Static files beside this module (copied into dist/ by `npm run build`), read once.
  const asset = (name: string) => readFileSync(path.join(__dirname, 'assets', name), 'utf8');
  const [script, stylesheet] = [asset('app.js'), asset('app.css')];
  router.get('/openapi.json', (_req, res) => {
    revalidated(res, 'application/json').json(document);
  });
  router.get('/docs', (req, res) => {
    revalidated(res, 'html').send(docsHtml(req.baseUrl, String(document.info.title ?? 'API')));
  });
  router.get('/docs/app.js', (_req, res) => {
    revalidated(res, 'text/javascript').send(script);
  });
  router.get('/docs/app.css', (_req, res) => {
    revalidated(res, 'text/css').send(stylesheet);
  });
  return router;
}
