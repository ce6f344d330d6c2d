/**
 * The long runs (`npm run test:reliability`) write their figures into docs/RELIABILITY.md, each run its own
 * section, replaced in place: the other sections of the file (written by hand or by other runs) stay as they are.
 * The short runs inside `npm test` write nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { projectRoot } from '../../config/paths';
import { LONG } from './cluster';

const FILE = path.join(projectRoot, 'docs', 'RELIABILITY.md');

const HEADER = `# Reliability

What happens to cases when a part of the system fails, measured by scripted crash and fault tests against the real
processes: a Temporal dev server on its SQLite file, the worker and the API, each a process of its own started from
\`dist/\`, and stand-ins for the messaging gateway and the archive service (real HTTP services that keep one record per
\`Idempotency-Key\`). \`npm test\` runs short variants of each (test/reliability/); \`npm run test:reliability\` runs the
long ones and writes the figures below.
`;

/** Machine and date line for a section. */
export function measuredOn(seconds: number): string {
  return `Measured by \`npm run test:reliability\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} cores, Node ${process.version}), in ${seconds.toFixed(0)} s.`;
}

/** Replaces the section under `heading` (up to the next `## `) with `body`, or appends it; long runs only. */
export function writeSection(heading: string, body: string): void {
  if (!LONG) return;
  const text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = text.indexOf(`${heading}\n`);
  let next: string;
  if (start < 0) {
    next = `${text.trimEnd()}\n\n${section}`;
  } else {
    const after = text.indexOf('\n## ', start + heading.length);
    next = `${text.slice(0, start)}${section}${after < 0 ? '' : `\n${text.slice(after + 1)}`}`;
  }
  writeFileSync(FILE, next.endsWith('\n') ? next : `${next}\n`);
  // In the repository's style, so `npm run lint` (prettier --check) passes on the figures as written.
  execFileSync(process.execPath, [require.resolve('prettier/bin/prettier.cjs'), '--write', FILE], { stdio: 'ignore' });
}

/** A Markdown table from rows of cells. */
export function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
