/**
 * Builds the workbench into `dist/web` (served by the API at `/`). The Chinese names the pages show are taken from
 * `domain/` here, at build time, into the module `virtual:labels`: the browser bundle carries the words, never the
 * domain's code.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

import { workbenchLabels } from './labels-module';

const LABELS_ID = 'virtual:labels';
/** The folder of this file (the config is evaluated as an ES module, without `__dirname`). */
const webDir = path.dirname(fileURLToPath(import.meta.url));

function labelsModule(): Plugin {
  return {
    name: 'workbench-labels',
    resolveId: (id) => (id === LABELS_ID ? `\0${LABELS_ID}` : undefined),
    load: (id) => (id === `\0${LABELS_ID}` ? `export default ${JSON.stringify(workbenchLabels())};` : undefined),
  };
}

export default defineConfig({
  root: webDir,
  base: '/',
  plugins: [labelsModule()],
  // React's automatic JSX runtime, compiled by Vite's own transformer (no plugin needed without fast refresh).
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.join(webDir, '..', 'dist', 'web'),
    emptyOutDir: true,
    // The page loads exactly these files from its own origin (the API's CSP allows nothing inline).
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2_000,
    rolldownOptions: {
      // Ant Design marks its modules "use client" for server rendering, which a browser bundle has no use for.
      onLog: (level, log, handler) => {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
  },
  logLevel: 'warn',
});
