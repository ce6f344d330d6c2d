import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository root, found by walking up from this file: the same code runs from `config/` under tsx and jest
 * and from `dist/config/` once compiled, so a fixed `..` would be wrong in one of them.
 */
export const projectRoot: string = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'tools'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find the project root above ${__dirname}`);
  }
})();

/** Where `npm start` keeps the dev server's SQLite file, the outbox, the archive and a generated payload key. */
export const DEFAULT_DATA_DIR = path.join(projectRoot, '.data');
