/**
 * `npm run bench:register`: the register against Temporal's visibility at REGISTER_BENCH_CASES cases (10,000 by
 * default; run it small, e.g. 200, for a quick look). One dev server (SQLite file, as `npm start` runs it), one
 * worker in this process projecting into an embedded PGlite register, the cases started as the API starts them.
 * Then the same lists asked of both: an officer's page of one stage, and one person's cases (the register by the
 * party's blind index, visibility by `PartyId`), each a page of 20 and the total, `REGISTER_BENCH_QUERIES` times
 * (p50, p99 in ms); and the time to rebuild the register from Temporal. `npm run bench` measures it last, at 10,000
 * cases; alone it writes bench/results/<date>-register.json and its section of docs/PERFORMANCE.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { FileArchive } from '../activities/file-archive';
import { FileOutbox } from '../activities/file-outbox';
import { startCaseWorkflow } from '../api/cases/case-start';
import { calendarSource, DEFAULT_HOLIDAYS_DIR } from '../calendar';
import { PartyIndex } from '../codec/blind-index';
import { CASE_WORKFLOW_TYPE } from '../domain/messages';
import { rebuildRegister } from '../register/rebuild';
import { applicant, IDENTIFIER_OF, submission } from '../test/helpers/cases';
import { FileDocumentStore } from '../documents/document-store';
import { TEST_PAYLOAD_KEYS } from '../test/helpers/payload-keys';
import { openTestRegister } from '../test/helpers/register';
import { startDevServer } from '../test/helpers/temporal';
import { createCaseWorker } from '../worker/worker';
import { runAlone } from './alone';
import { writeRegisterSection } from './report';
import { percentile, pool, round, timed } from './stats';

const TASK_QUEUE = 'bench-register';

/** The cases and the queries of each kind a run takes by default. */
export const REGISTER_DEFAULTS = { cases: 10_000, queries: 200 } as const;

interface Latency {
  readonly p50: number;
  readonly p99: number;
}

/** What `measureRegister` answers: each list's latency on both sides, in ms, and the rebuild's time. */
export interface RegisterFigures {
  readonly cases: number;
  readonly queries: number;
  /** The time to start the cases through the API's start function, with the worker projecting each. */
  readonly startSeconds: number;
  readonly stagePageMs: { readonly register: Latency; readonly visibility: Latency };
  readonly personMs: { readonly register: Latency; readonly visibility: Latency };
  readonly rebuildSeconds: number;
}

async function latencies(queries: number, task: () => Promise<unknown>): Promise<Latency> {
  const ms: number[] = [];
  for (let i = 0; i < queries; i++) ms.push(await timed(task));
  return { p50: round(percentile(ms, 50)), p99: round(percentile(ms, 99)) };
}

async function until(what: string, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30 * 60_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within 30 min`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/** Starts `cases` cases on a dev server of its own, then measures both sides' lists and the rebuild. */
export async function measureRegister(options: {
  readonly cases: number;
  readonly queries: number;
  readonly log: (line: string) => void;
}): Promise<RegisterFigures> {
  const { cases, queries, log } = options;
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-register-'));
  const env = await startDevServer({ dbFilename: path.join(dir, 'temporal.sqlite') });
  const opened = await openTestRegister(path.join(dir, 'register'));
  const register = opened.register;
  const worker = await createCaseWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue: TASK_QUEUE,
    dependencies: {
      calendar: calendarSource({ holidaysDir: DEFAULT_HOLIDAYS_DIR }),
      notices: new FileOutbox(path.join(dir, 'outbox')),
      archive: new FileArchive(path.join(dir, 'archive')),
      register,
      documents: { store: new FileDocumentStore(path.join(dir, 'documents'), TEST_PAYLOAD_KEYS) },
    },
    dataConverter: env.client.options.dataConverter,
  });
  const running = worker.run();
  const parties = new PartyIndex(TEST_PAYLOAD_KEYS);
  const people = Object.values(IDENTIFIER_OF);
  try {
    log(`starting ${cases} cases`);
    const startSeconds = await pool(cases, 32, async (i) => {
      const identifier = people[i % people.length];
      const s = submission({ party: { kind: 'official', name: '李娜', unit: '某单位', identifier } });
      await startCaseWorkflow(
        env.client,
        TASK_QUEUE,
        { submission: s, submittedBy: applicant },
        undefined,
        parties.of(identifier),
      );
    });
    const all = `WorkflowType = '${CASE_WORKFLOW_TYPE}' AND TaskQueue = '${TASK_QUEUE}'`;
    await until('every case in the register', async () => (await register.summary()).length >= cases);
    await until('every case in visibility', async () => (await env.client.workflow.count(all)).count >= cases);

    const scope = { kind: 'body', handlingBody: 'disciplineCommission' } as const;
    const one = people[0];
    const stagePage = `${all} AND HandlingBody = 'disciplineCommission' AND CaseStage = 'acceptance'`;
    const personQuery = `${all} AND HandlingBody = 'disciplineCommission' AND PartyId IN (${parties
      .candidates(one)
      .map((k) => `'${k}'`)
      .join(', ')})`;
    // A page and its total, as `GET /cases` asks either side.
    const visibilityPage = async (query: string) => {
      await env.client.workflowService.listWorkflowExecutions({ namespace: 'default', query, pageSize: 20 });
      await env.client.workflow.count(query);
    };
    log('measuring lists');
    const lists = {
      cases,
      queries,
      startSeconds: round(startSeconds),
      stagePageMs: {
        register: await latencies(queries, () => register.list(scope, { stage: 'acceptance' }, { limit: 20 })),
        visibility: await latencies(queries, () => visibilityPage(stagePage)),
      },
      personMs: {
        register: await latencies(queries, () =>
          register.list(scope, { partyKeys: parties.candidates(one) }, { limit: 20 }),
        ),
        visibility: await latencies(queries, () => visibilityPage(personQuery)),
      },
    };
    log('rebuilding');
    const started = performance.now();
    const rebuilt = await rebuildRegister(env.client, register, { clear: true, also: `TaskQueue = '${TASK_QUEUE}'` });
    const rebuildSeconds = round((performance.now() - started) / 1000);
    if (rebuilt.cases !== cases) throw new Error(`rebuilt ${rebuilt.cases} of ${cases} cases`);
    return { ...lists, rebuildSeconds };
  } finally {
    worker.shutdown();
    await running;
    await opened.close();
    await env.teardown();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run bench:register`: REGISTER_BENCH_CASES and REGISTER_BENCH_QUERIES override the counts for a quick look. */
if (require.main === module) {
  runAlone(
    'register',
    (log) =>
      measureRegister({
        cases: Number(process.env.REGISTER_BENCH_CASES ?? REGISTER_DEFAULTS.cases),
        queries: Number(process.env.REGISTER_BENCH_QUERIES ?? REGISTER_DEFAULTS.queries),
        log,
      }),
    (file, run, register) => writeRegisterSection(file, { ...run, register }),
  );
}
