/**
 * `npm run access-log:verify [file or directory …]`: checks the hash chain of every access-log file (each API
 * process writes its own, `access-*.jsonl`) and names the first broken link of each: its file, line and why. With
 * no argument it checks ACCESS_LOG_DIR, else DATA_DIR/access-log. Exits 1 when any chain is broken.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { verifyChain } from '../api/http/access-chain';
import { commonSchema } from '../config';

function chainFiles(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => path.join(target, f));
}

function main(): number {
  const args = process.argv.slice(2);
  const targets =
    args.length > 0
      ? args
      : [process.env.ACCESS_LOG_DIR ?? path.join(commonSchema.parse(process.env).DATA_DIR, 'access-log')];
  const files = targets.flatMap(chainFiles);
  let broken = 0;
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    // A file ends with a newline: the empty string after it is no record.
    if (lines.at(-1) === '') lines.pop();
    const check = verifyChain(lines);
    if (check.ok) {
      process.stdout.write(`${file}: ${check.records} records, chain intact\n`);
    } else {
      broken++;
      process.stdout.write(`${file}:${check.line}: ${check.reason} (the ${check.records} records before it hold)\n`);
    }
  }
  if (files.length === 0) process.stdout.write(`no access-log files in ${targets.join(', ')}\n`);
  return broken > 0 ? 1 : 0;
}

process.exitCode = main();
