/**
 * `npm run register:rebuild` and `npm run register:check`: the register (`register/`) rebuilt from Temporal (every
 * case asked for its projection, written by the same code) or compared with Temporal's visibility (cases missing,
 * rows only in the register, stages that differ). Configured like a worker (TEMPORAL_*, PAYLOAD_*,
 * REGISTER_DATABASE_URL); the cases answer through the running workers. `--clear` empties the register first, rows
 * of cases past retention included (they exist nowhere else). Exits 1 on failures or drift.
 *
 * The embedded register of `npm start` (PGlite under DATA_DIR/register) is one process's: with `npm start` stopped,
 * remove the directory, and the next `npm start` rebuilds it from Temporal by itself.
 */
import { Client, Connection } from '@temporalio/client';

import { caseBodyLookup } from '../codec/case-body-lookup';
import { caseDataConverter } from '../codec/data-converter';
import { connectionOptions, loadConfig } from '../config';
import { checkRegister } from '../register/check';
import { openConfiguredRegister } from '../register/open';
import { rebuildRegister } from '../register/rebuild';

async function main(command: string, args: readonly string[]): Promise<number> {
  const config = loadConfig('worker');
  if (!config.register) throw new Error('no register configured (REGISTER_DATABASE_URL)');
  const opened = await openConfiguredRegister({ register: config.register, payload: config.payload });
  const connection = await Connection.connect(connectionOptions(config.temporal));
  try {
    const client = new Client({
      connection,
      namespace: config.temporal.namespace,
      dataConverter: caseDataConverter(config.payload.keys, {
        ...config.payload.sealing,
        cipher: config.payload.cipher,
        lookup: caseBodyLookup(connection, config.temporal.namespace),
      }),
    });
    if (command === 'rebuild') {
      const started = Date.now();
      const result = await rebuildRegister(client, opened.register, { clear: args.includes('--clear') });
      process.stdout.write(
        `register: ${result.cases} cases written in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
      for (const f of result.failed) process.stdout.write(`  not answered: ${f.caseNumber}: ${f.error}\n`);
      return result.failed.length ? 1 : 0;
    }
    const drift = await checkRegister(client, opened.register);
    process.stdout.write(`register: ${drift.matching} cases match Temporal's visibility\n`);
    for (const n of drift.missing) process.stdout.write(`  missing from the register: ${n}\n`);
    for (const d of drift.stageDiffers) {
      process.stdout.write(`  stage differs: ${d.caseNumber}: Temporal ${d.temporal}, register ${d.register}\n`);
    }
    for (const n of drift.onlyInRegister) process.stdout.write(`  only in the register (past retention?): ${n}\n`);
    return drift.missing.length || drift.stageDiffers.length ? 1 : 0;
  } finally {
    await connection.close();
    await opened.close();
  }
}

const [command, ...args] = process.argv.slice(2);
if (command !== 'rebuild' && command !== 'check') {
  process.stderr.write('usage: tsx tools/register.ts rebuild [--clear] | check\n');
  process.exit(2);
}
main(command, args).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`register ${command}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
