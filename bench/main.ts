/**
 * `npm run bench`: the figures of docs/PERFORMANCE.md, each measured beside raw Temporal in one run on one dev
 * server (SQLite file on this disk, as `npm start` runs it). The worker and the API run as separate processes from
 * `dist/`, as in production; the raw side is a Temporal client in this process. Bounded in count and time, it
 * stops by itself and writes bench/results/<date>.json and docs/PERFORMANCE.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import type { Client } from '@temporalio/client';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';

import { startCaseWorkflow } from '../api/cases/case-start';
import { CASE_CLIENT_INTERCEPTORS } from '../api/cases/sent-messages';
import { DEFAULT_WEB_DIR } from '../api/web/workbench';
import { caseDataConverter, FAILURE_CONVERTER_PATH } from '../codec/data-converter';
import type { PayloadKeys } from '../codec/keys';
import { projectRoot } from '../config/paths';
import type { Submission } from '../domain/case';
import { resolveTemporalCli } from '../tools/temporal-binaries';
import { applicant, caseOfficer, IDENTIFIER_OF, shanghaiToday, submission } from '../test/helpers/cases';
import { payloadKeyEnv, testDataConverter } from '../test/helpers/payload-keys';
import { testIssuerEnv, testIssuerTokens } from '../test/helpers/test-issuer';
import {
  announceDecision,
  deliverFeedback,
  determine,
  throughInvestigation,
  throughOpinion,
  waitFor,
} from '../test/helpers/workflow-env';
import { decideAcceptanceUpdate, proposeHandlingOpinionUpdate, recordFollowUpVisitUpdate } from '../workflows/messages';
import { CASE_SEARCH_ATTRIBUTES } from '../domain/search-attributes';
import { fsyncedTransactionsPerSecond } from './floor';
import { acceptanceSpans, historyCounts } from './histories';
import { post } from './http';
import type { Child } from './processes';
import { startChild } from './processes';
import { writeReport } from './report';
import type { Figures } from './report';
import { percentile, pool, round, steadyRate, timed } from './stats';
import { measureRegister, REGISTER_DEFAULTS } from './register';
import { measureWorkbench, WORKBENCH_DEFAULTS } from './workbench';

const TASK_QUEUE = 'bench';
/** Counts, overridable for a quick look (BENCH_SCALE=0.1); the published figures use 1. */
const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const n = (count: number) => Math.max(10, Math.round(count * SCALE));
/**
 * SQLite pragmas for the dev server, to find what bounds a figure (BENCH_SQLITE_PRAGMAS=synchronous=NORMAL shows
 * what fsync costs); the published figures use the dev server's own settings, as `npm start` does.
 */
const PRAGMAS = (process.env.BENCH_SQLITE_PRAGMAS ?? '').split(',').filter(Boolean);

function log(line: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

let numbers = 0;
/**
 * A fresh case number in the benchmark's own series, about applicant.li, who submits the HTTP side: since 0.5.0 an
 * official's case names their identifier, and an applicant applies for themselves. Both sides start the same case.
 */
function caseSubmission(series: string): Submission {
  numbers += 1;
  const s = submission({ caseNumber: `${series}-2026-${String(numbers).padStart(6, '0')}` });
  return { ...s, party: { ...s.party, identifier: IDENTIFIER_OF['applicant.li'] } };
}

/** The start the API makes, made directly with the same function. */
function rawStart(client: Client, s: Submission) {
  return startCaseWorkflow(client, TASK_QUEUE, { submission: s, submittedBy: applicant });
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const runStarted = performance.now();
  const dir = mkdtempSync(path.join(tmpdir(), 'tolerance-bench-'));
  const { executable } = await resolveTemporalCli();
  process.env.TEMPORAL_VERSION_CHECK_DISABLED = '1';
  log(`dev server (SQLite in ${dir})`);
  const keys: PayloadKeys = { currentKeyId: 'bench', keys: new Map([['bench', randomBytes(32)]]) };
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable,
      ip: '127.0.0.1',
      dbFilename: path.join(dir, 'temporal.sqlite'),
      searchAttributes: [...CASE_SEARCH_ATTRIBUTES],
      extraArgs: PRAGMAS.flatMap((p) => ['--sqlite-pragma', p]),
    },
    // Both sides encrypt case data with the same key, as a deployment does.
    client: { dataConverter: caseDataConverter(keys), interceptors: CASE_CLIENT_INTERCEPTORS },
  });
  const client = env.client;
  const apiPort = await freePort();
  const childEnv = {
    ...payloadKeyEnv(keys),
    TEMPORAL_ADDRESS: env.address,
    TEMPORAL_TASK_QUEUE: TASK_QUEUE,
    DATA_DIR: dir,
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    // Development mode is refused against a Temporal server of its own: the API trusts a local test issuer.
    ...(await testIssuerEnv(dir)),
    // The benchmark is one client sending thousands of requests: the per-caller limits would measure themselves.
    RATE_LIMIT_MAX: '100000000',
    RATE_LIMIT_IP_MAX: '100000000',
    SUBMISSIONS_PER_APPLICANT_PER_DAY: '100000000',
    IDEMPOTENCY_MAX_PER_CALLER: '100000000',
    IDEMPOTENCY_MAX_TOTAL: '100000000',
  };
  let worker: Child = await startChild('worker', childEnv, /worker polling/);
  const api = await startChild('api', childEnv, /listening/);
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  const tokens = await testIssuerTokens(dir);
  const token = (sub: string) => tokens[sub] ?? '';
  const figures: { -readonly [K in keyof Figures]?: Figures[K] } = {};

  try {
    // 0. The workbench's first load, while the server holds only the few cases 待办 lists: it reads every one.
    figures.workbench = await measureWorkbench({
      baseUrl,
      webDir: DEFAULT_WEB_DIR,
      tokens,
      developmentMode: false,
      ...WORKBENCH_DEFAULTS,
      log,
    });
    log(
      `workbench: 待办 interactive p50 ${round(figures.workbench.workList.p50)} ms, ` +
        `${figures.workbench.plainPage.path} loaded p50 ${round(figures.workbench.plainPage.p50)} ms`,
    );

    // 1. Case starts per second: HTTP against the raw start, alternating rounds so both see the same server.
    const startsEach = n(300);
    const acceptance: Submission[] = [];
    const rates = { raw: [] as number[], http: [] as number[] };
    for (let round_ = 0; round_ < 2; round_++) {
      const raw = Array.from({ length: startsEach / 2 }, () => caseSubmission('BR'));
      rates.raw.push(raw.length / (await pool(raw.length, 16, (i) => rawStart(client, raw[i]))));
      const http = Array.from({ length: startsEach / 2 }, () => caseSubmission('BH'));
      rates.http.push(
        http.length /
          (await pool(http.length, 16, async (i) => {
            // The office numbers an HTTP submission: the case is known by the number of the 201 answer.
            const { caseNumber: _numberedByTheOffice, ...request } = http[i];
            const answer = (await post(baseUrl, '/cases', token('applicant.li'), { submission: request })) as {
              caseNumber: string;
            };
            http[i] = { ...http[i], caseNumber: answer.caseNumber };
          })),
      );
      acceptance.push(...raw, ...http);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    figures.starts = { rawPerSecond: mean(rates.raw), httpPerSecond: mean(rates.http), count: startsEach * 2 };
    log(`starts/s raw ${round(mean(rates.raw))}, http ${round(mean(rates.http))}`);

    // 2. An officer action at a steady rate: acceptance through HTTP against the raw Update, interleaved.
    const actions = Math.min(acceptance.length, n(200));
    // Below what the server sustains (see the floor), so the figures are service times, not queueing.
    const perSecond = 5;
    const rawLatency: number[] = [];
    const httpLatency: number[] = [];
    await steadyRate(actions, perSecond, async (i) => {
      const caseNumber = acceptance[i].caseNumber;
      if (i % 2 === 0) {
        rawLatency.push(
          await timed(() =>
            client.workflow.getHandle(caseNumber).executeUpdate(decideAcceptanceUpdate, {
              args: [{ decision: 'accept', actor: caseOfficer, caseOfficer: caseOfficer.id }],
            }),
          ),
        );
      } else {
        httpLatency.push(
          await timed(() =>
            post(baseUrl, `/cases/${caseNumber}/acceptance`, token('officer.dc'), {
              decision: 'accept',
              caseOfficer: caseOfficer.id,
            }),
          ),
        );
      }
    });
    // Where the server spent an acceptance's time, read from the histories of the cases just accepted.
    const served = (
      await Promise.all(acceptance.slice(0, actions).map((s) => acceptanceSpans(client, s.caseNumber)))
    ).filter((s) => s !== undefined);
    const median = (pick: (s: (typeof served)[number]) => number) => percentile(served.map(pick), 50);
    const gaps = [...new Set(served.flatMap((s) => Object.keys(s.afterAccepted)))];
    figures.action = {
      perSecond,
      count: actions,
      raw: { p50: percentile(rawLatency, 50), p99: percentile(rawLatency, 99) },
      http: { p50: percentile(httpLatency, 50), p99: percentile(httpLatency, 99) },
      server: {
        taskWaitP50: median((s) => s.taskWaitMs),
        taskRunP50: median((s) => s.taskRunMs),
        acceptedToCompletedP50: median((s) => s.acceptedToCompletedMs),
        afterAcceptedP50: Object.fromEntries(gaps.map((gap) => [gap, median((s) => s.afterAccepted[gap] ?? 0)])),
      },
    };
    const { server } = figures.action;
    log(
      `acceptance p50 raw ${round(figures.action.raw.p50)} ms, http ${round(figures.action.http.p50)} ms; ` +
        `server: task wait ${round(server.taskWaitP50)} ms, task run ${round(server.taskRunP50)} ms, ` +
        `accepted→completed ${round(server.acceptedToCompletedP50)} ms ${JSON.stringify(server.afterAcceptedP50)}`,
    );

    // 3. Whole cases through every stage with every activity, timed by the server's own clock.
    const whole = n(60);
    const wholeCases = Array.from({ length: whole }, () => caseSubmission('BF'));
    await pool(whole, 10, async (i) => {
      const handle = await rawStart(client, wholeCases[i]);
      await throughOpinion(handle);
      await throughInvestigation(handle, 'exempt');
      await determine(handle, 'exempt');
      await deliverFeedback(handle);
      await announceDecision(handle);
      await waitFor(handle, (s) => s.archiveReceipts.length === 2, 'both archive entries');
      await handle.executeUpdate(recordFollowUpVisitUpdate, {
        args: [{ actor: caseOfficer, visitedOn: shanghaiToday(), note: '回访' }],
      });
      await handle.result();
    });
    const spans = await Promise.all(wholeCases.map((s) => client.workflow.getHandle(s.caseNumber).describe()));
    const first = Math.min(...spans.map((d) => d.startTime.getTime()));
    const last = Math.max(...spans.map((d) => (d.closeTime ?? new Date()).getTime()));
    const counts = await Promise.all(wholeCases.map((s) => historyCounts(client, s.caseNumber)));
    figures.wholeCases = {
      count: whole,
      serverSeconds: (last - first) / 1000,
      perSecond: whole / ((last - first) / 1000),
      // Every whole case runs the same journey; the largest is the figure, so a stray retry is not hidden.
      events: Math.max(...counts.map((x) => x.events)),
      actions: Math.max(...counts.map((x) => x.actions)),
    };
    log(
      `whole cases/s ${round(figures.wholeCases.perSecond)}, ${figures.wholeCases.events} events and ${figures.wholeCases.actions} actions per case`,
    );

    // 4. Ten thousand open cases asleep on their handling-opinion timers; then a cold worker acts on them.
    const idle = n(10_000);
    const idleCases = Array.from({ length: idle }, () => caseSubmission('BI'));
    const loadSeconds = await pool(idle, 32, async (i) => {
      const handle = await rawStart(client, idleCases[i]);
      await handle.executeUpdate(decideAcceptanceUpdate, {
        args: [{ decision: 'accept', actor: caseOfficer, caseOfficer: caseOfficer.id }],
      });
    });
    const rssLoaded = worker.rssMb();
    log(`${idle} open cases in ${round(loadSeconds)} s; worker RSS ${round(rssLoaded)} MB`);
    await worker.stop();
    worker = await startChild('worker', childEnv, /worker polling/);
    const rssFresh = worker.rssMb();
    const cold = n(200);
    const picks = Array.from({ length: cold }, (_, i) => idleCases[Math.floor((i * idle) / cold)]);
    const coldLatency = await steadyRate(cold, 10, (i) =>
      client.workflow.getHandle(picks[i].caseNumber).executeUpdate(proposeHandlingOpinionUpdate, {
        args: [{ actor: caseOfficer, opinion: '拟启动调查核实', route: 'investigate' }],
      }),
    );
    figures.idle = {
      openCases: idle,
      loadSeconds,
      workerRssLoadedMb: rssLoaded,
      workerRssAfterRestartMb: rssFresh,
      workerRssAfterColdActionsMb: worker.rssMb(),
      workerStartupMs: worker.startupMs,
      coldAction: { count: cold, p50: percentile(coldLatency, 50), p99: percentile(coldLatency, 99) },
    };
    log(`cold action p99 ${round(figures.idle.coldAction.p99)} ms, worker start ${round(worker.startupMs)} ms`);

    // 5. The workflow bundle, and the replay of the largest saved history.
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('../workflows'),
      failureConverterPath: FAILURE_CONVERTER_PATH,
      logger: quietLogger,
    });
    const historiesDir = path.join(projectRoot, 'test', 'histories');
    // Saved histories sit in one directory per release; the largest of any release is replayed.
    const largest = readdirSync(historiesDir)
      .flatMap((release) =>
        readdirSync(path.join(historiesDir, release))
          .filter((f) => f.endsWith('.json'))
          .map((f) => path.join(release, f)),
      )
      .map((f) => ({ f, size: statSync(path.join(historiesDir, f)).size }))
      .sort((a, b) => b.size - a.size)[0];
    const history = historyFromJSON(JSON.parse(readFileSync(path.join(historiesDir, largest.f), 'utf8')));
    // One replay worker replays the history 11 times; the first includes creating the workflow VM context.
    const replays: number[] = [];
    let mark = performance.now();
    // Histories of 0.3.0 on are sealed for their case: each copy replays under the case number its file names.
    const caseNumber = /@([^/]+)\.json$/.exec(largest.f)?.[1] ?? largest.f;
    const copies = Array.from({ length: 11 }, () => ({ workflowId: caseNumber, history }));
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: { code }, dataConverter: testDataConverter },
      copies,
    )) {
      if (result.error) throw result.error;
      replays.push(performance.now() - mark);
      mark = performance.now();
    }
    figures.bundle = {
      bytes: Buffer.byteLength(code),
      containsZod: /node_modules\/zod\//.test(code),
      containsHolidayData: /chinese-days|node_modules\/chinese-days/.test(code),
      largestHistory: largest.f,
      largestHistoryEvents: history.events?.length ?? 0,
      // The first replay also loads the bundle into a new VM context; the figure is the median of the rest.
      replayMs: percentile(replays.slice(1), 50),
      firstReplayMs: replays[0],
    };

    figures.floor = { fsyncedTransactionsPerSecond: fsyncedTransactionsPerSecond(dir) };
    figures.machine = { cores: (await import('node:os')).cpus().length, node: process.version };
    figures.runSeconds = (performance.now() - runStarted) / 1000;
  } finally {
    await api.stop();
    await worker.stop();
    await env.teardown();
    rmSync(dir, { recursive: true, force: true });
  }
  // Last, on a dev server of its own, so its 10,000 cases weigh on no other figure: the register beside visibility.
  figures.register = await measureRegister({
    cases: n(REGISTER_DEFAULTS.cases),
    queries: REGISTER_DEFAULTS.queries,
    log,
  });
  const date = new Date().toISOString().slice(0, 10);
  const resultsDir = path.join(projectRoot, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  // A run with its own SQLite pragmas is a probe of what bounds the figures: kept beside, never published.
  const name = PRAGMAS.length ? `${date}-sqlite-${PRAGMAS.join('-').replace(/[^\w-]/g, '_')}` : date;
  const results = { date, scale: SCALE, sqlitePragmas: PRAGMAS, ...figures };
  writeFileSync(path.join(resultsDir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  if (PRAGMAS.length === 0) {
    await writeReport(path.join(projectRoot, 'docs', 'PERFORMANCE.md'), date, SCALE, figures as Figures);
  }
  log(`written bench/results/${name}.json${PRAGMAS.length ? '' : ' and docs/PERFORMANCE.md'}`);
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message: string) => process.stderr.write(`${message}\n`),
};

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
