/**
 * The one entry point: `node dist/main.js <command>`.
 *
 * - `all` (what `npm start` runs): everything on one machine; the embedded dev server unless TEMPORAL_ADDRESS is set.
 * - `worker`: a worker alone, as each compose replica runs.
 * - `api`: the HTTP API alone.
 *
 * Every setting comes from the environment and is checked before anything starts; a bad one stops the command
 * with one error naming every problem.
 */
import { runApi } from './api/run';
import { runAll } from './scripts/all';
import { runWorker } from './worker/run';

const COMMANDS = { all: runAll, worker: runWorker, api: runApi } as const;
type Command = keyof typeof COMMANDS;

const command = process.argv[2] ?? 'all';
if (!(command in COMMANDS)) {
  process.stderr.write(`usage: node dist/main.js [${Object.keys(COMMANDS).join('|')}] (not "${command}")\n`);
  process.exit(2);
}
COMMANDS[command as Command]().catch((err: unknown) => {
  process.stderr.write(`${command}: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
