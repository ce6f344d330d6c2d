/**
 * The officers' workbench (web/, built by Vite into `dist/web`): its files at `/`, and its own pages under `/app/…`,
 * which all answer the same `index.html` so that a page can be reloaded or bookmarked. Only `/`, `/app/…` and
 * `/assets/…` are the workbench's: every other path stays the API's, so no API route is ever shadowed by the page.
 *
 * The page runs under the API's strict Content-Security-Policy, but for one thing: Ant Design writes its design
 * tokens (CSS variables) into `<style>` elements at run time, so each answer of the page allows styles carrying a
 * fresh nonce, which the page reads from its `csp-nonce` meta element and hands to Ant Design. Scripts stay `'self'`.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import compression from 'compression';
import express, { Router } from 'express';

import { projectRoot } from '../../config/paths';
import { HTTP_PROBLEM_TEXTS } from '../../domain/texts';
import { HttpProblem } from '../http/errors';

/** Where `npm run build` writes the workbench. */
export const DEFAULT_WEB_DIR = path.join(projectRoot, 'dist', 'web');

/** The path prefix of the workbench's own pages; the API has no route under it. */
export const WORKBENCH_PAGES = '/app';

/** The placeholders web/index.html carries: each answer's nonce, and where the Temporal Web UI lists the cases. */
const NONCE_PLACEHOLDER = '__CSP_NONCE__';
const TEMPORAL_UI_PLACEHOLDER = '__TEMPORAL_UI__';

export interface WorkbenchOptions {
  /** The built workbench; `dist/web` by default. */
  readonly dir?: string;
  /** The Temporal Web UI and namespace each case links to; no links when absent. */
  readonly temporalUi?: { readonly url: string; readonly namespace: string };
  /** Origins beside the API's own the page may fetch from: the identity provider's, when it signs in with it. */
  readonly connectSources?: readonly string[];
}

/** Escapes a value for an HTML attribute in double quotes. */
const attribute = (value: string): string =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * The API's policy (http/security-headers.ts), with styles also allowed by the answer's nonce, and fetches from the
 * identity provider's origin when the workbench signs in with it.
 */
function pagePolicy(nonce: string, connectSources: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // 'report-sample': a refused style names its first characters, so a test can tell what was refused.
    `style-src 'self' 'nonce-${nonce}' 'report-sample'`,
    "img-src 'self' data:",
    ["connect-src 'self'", ...connectSources].join(' '),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join(';');
}

/**
 * Serves the built workbench. Hashed assets are cached for a year; the page itself never, so a new build is picked
 * up on the next load. Without a build, the page answers a problem naming the command that makes one.
 */
export function workbenchRouter(options: WorkbenchOptions = {}): Router {
  const dir = options.dir ?? DEFAULT_WEB_DIR;
  const ui = options.temporalUi;
  const workflows = ui ? `${ui.url.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(ui.namespace)}/workflows` : '';
  const router = Router();
  let page: string | undefined;
  const sendPage: express.RequestHandler = (_req, res, next) => {
    try {
      page ??= readFileSync(path.join(dir, 'index.html'), 'utf8');
    } catch {
      next(new HttpProblem(404, 'Workbench not built', HTTP_PROBLEM_TEXTS.workbenchNotBuilt));
      return;
    }
    const nonce = randomBytes(16).toString('base64');
    res.setHeader('Content-Security-Policy', pagePolicy(nonce, options.connectSources ?? []));
    res.setHeader('Cache-Control', 'no-store');
    res
      .type('html')
      .send(page.replaceAll(NONCE_PLACEHOLDER, nonce).replaceAll(TEMPORAL_UI_PLACEHOLDER, attribute(workflows)));
  };
  router.get('/', sendPage);
  router.get(WORKBENCH_PAGES, sendPage);
  router.get(`${WORKBENCH_PAGES}/{*page}`, sendPage);
  // The assets are compressed (gzip, as the browser accepts it): the scripts and styles are about 2 MiB raw and a
  // fifth of that compressed. They are the same public bytes for everyone, so compressing them reveals nothing;
  // the API's own answers, which carry case data, stay uncompressed.
  router.use('/assets', compression());
  router.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  // A missing asset is answered here, not by authentication further on (a 401 would mislead the browser).
  router.use('/assets', (req, _res, next) =>
    next(new HttpProblem(404, 'Not found', HTTP_PROBLEM_TEXTS.noSuchAsset(req.path))),
  );
  return router;
}
