/**
 * The one entry point: `node dist/main.js <command>`.
 *
 * - `all` (what `npm start` runs): everything on one machine; the embedded dev server unless a Temporal address is
 *   configured (TEMPORAL_ADDRESS or a temporal.toml profile).
 * - `worker`: a worker alone, as each compose replica runs.
 * - `api`: the HTTP API alone.
 *
 * The configuration is read from the environment here, once (`loadConfig`), and checked before anything starts; a
 * bad setting stops the command with one error naming every problem. Each command's module is loaded only when it
 * runs, so `worker` and `api` never load the development launcher (`dev/`) or the binary resolver it uses.
 */
import type { Command, ConfigFor } from './config';
import { COMMANDS, loadConfig } from './config';

const RUN: { readonly [C in Command]: (config: ConfigFor[C]) => Promise<void> } = {
  all: async (config) => (await import('./dev/all')).runAll(config),
  worker: async (config) => (await import('./worker/run')).runWorker(config),
  api: async (config) => (await import('./api/run')).runApi(config),
};

async function main(command: Command): Promise<void> {
  // One call per command keeps each configuration typed for the command that receives it.
  if (command === 'all') return RUN.all(loadConfig('all'));
  if (command === 'worker') return RUN.worker(loadConfig('worker'));
  return RUN.api(loadConfig('api'));
}

const command = process.argv[2] ?? 'all';
if (!(COMMANDS as readonly string[]).includes(command)) {
  process.stderr.write(`usage: node dist/main.js [${COMMANDS.join('|')}] (not "${command}")\n`);
  process.exit(2);
}
main(command as Command).catch((err: unknown) => {
  process.stderr.write(`${command}: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
