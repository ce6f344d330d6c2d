/**
 * Builds the workbench (`npm run build:web`) when `dist/web` is missing or older than its sources (web/ and the
 * domain/ names it carries): the browser tests' global setup calls it, so a test never drives a stale page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { projectRoot } from '../config/paths';

const SOURCES = ['web', 'domain', 'package-lock.json'];

function newestMtime(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(entry)
      .filter((name) => name !== 'node_modules')
      .map((name) => newestMtime(path.join(entry, name))),
  );
}

/** True when `dist/web/index.html` is missing or older than any source. */
export function workbenchStale(): boolean {
  const index = path.join(projectRoot, 'dist', 'web', 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(projectRoot, s)) > built);
}

/** Builds the workbench if it is stale; throws with Vite's output when the build fails. */
export function ensureWorkbenchBuilt(log: (line: string) => void = () => {}): void {
  if (!workbenchStale()) return;
  const started = Date.now();
  const vite = path.join(projectRoot, 'node_modules', '.bin', 'vite');
  const run = spawnSync(vite, ['build', '--configLoader', 'runner', '--config', 'web/vite.config.ts'], {
    cwd: projectRoot,
    encoding: 'utf8',
    // Jest runs with NODE_ENV=test, which Vite would keep: the workbench is always built as for production.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (run.status !== 0) throw new Error(`the workbench did not build:\n${run.stdout}\n${run.stderr}`);
  log(`workbench built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
