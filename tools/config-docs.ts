/**
 * `npm run docs:config`: writes the table of every configuration variable (config/variables.ts) into
 * docs/OPERATIONS.md between its markers, formatted as prettier formats the page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import * as prettier from 'prettier';

import { projectRoot } from '../config/paths';
import { TABLE_MARKERS, variablesTable } from '../config/variables';

const PAGE = path.join(projectRoot, 'docs', 'OPERATIONS.md');

async function main(): Promise<void> {
  const text = readFileSync(PAGE, 'utf8');
  const [start, end] = TABLE_MARKERS;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/OPERATIONS.md: ${start} … ${end} not found`);
  const updated = `${text.slice(0, from + start.length)}\n\n${variablesTable()}\n\n${text.slice(to)}`;
  const options = (await prettier.resolveConfig(PAGE)) ?? {};
  writeFileSync(PAGE, await prettier.format(updated, { ...options, filepath: PAGE }));
  process.stdout.write('docs/OPERATIONS.md: configuration table written\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`config-docs: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
