/**
 * One part of the bench run by itself (`npm run bench:register`, `npm run bench:workbench`): its figures kept as
 * bench/results/<date>-<part>.json, its own section of docs/PERFORMANCE.md rewritten, the figures printed, and the
 * process's exit telling how it went.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';

import { projectRoot } from '../config/paths';

/** What a part's section writer is given beside its figures. */
export interface AloneRun {
  readonly command: string;
  readonly date: string;
  readonly cores: number;
}

/** Measures `part` with `measure`, then saves and reports it with `writeSection`; exits 0 or 1. */
export function runAlone<F>(
  part: string,
  measure: (log: (line: string) => void) => Promise<F>,
  writeSection: (file: string, run: AloneRun, figures: F) => Promise<void>,
): void {
  const log = (line: string) => process.stderr.write(`[bench ${part}] ${line}\n`);
  const run = async () => {
    const figures = await measure(log);
    const date = new Date().toISOString().slice(0, 10);
    const cores = cpus().length;
    const resultsDir = path.join(projectRoot, 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const results = { date, machine: { cores, node: process.version }, [part]: figures };
    writeFileSync(path.join(resultsDir, `${date}-${part}.json`), `${JSON.stringify(results, null, 2)}\n`);
    await writeSection(
      path.join(projectRoot, 'docs', 'PERFORMANCE.md'),
      { command: `npm run bench:${part}`, date, cores },
      figures,
    );
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    log(`written bench/results/${date}-${part}.json and docs/PERFORMANCE.md's section`);
  };
  run().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`bench ${part}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
