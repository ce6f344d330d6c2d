/**
 * `npm run test:fuzz`: schemathesis against the running API, generated from the API's own `/openapi.json`. A real
 * dev server, the worker and the API (development auth) run in this process on 127.0.0.1; a few cases are walked
 * into different stages first, so that generated requests reach live cases as well as unknown numbers; then
 * schemathesis runs once per caller: officers of several roles with their demo tokens, and no token at all.
 *
 * Checks: no 5xx, every answer's status, content type and body as the document declares them, generated bad input
 * refused, and (test/fuzz/hooks.py) every protected operation answering 401 to a request without a token.
 * Bounded: FUZZ_MAX_EXAMPLES per operation and run (25), FUZZ_MAX_SECONDS for all runs together (900); a run still
 * going at the limit is stopped and fails. Exits non-zero when any run fails. Reports (JUnit, NDJSON) go to
 * `.cache/fuzz/reports/`; FUZZ_RUNS (names, comma-separated) picks runs, FUZZ_SEED moves the seeds.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { projectRoot } from '../config/paths';
import { startStack } from '../test/helpers/api';
import type { Stack } from '../test/helpers/api';

/** Pinned: a newer schemathesis may add checks or change what it generates, which would change the verdict. */
const SCHEMATHESIS_VERSION = '4.32.5';
const FUZZ_DIR = path.join(projectRoot, '.cache', 'fuzz');
const VENV = path.join(FUZZ_DIR, 'venv');
const ST = path.join(VENV, 'bin', 'st');
const HOOKS = path.join(projectRoot, 'test', 'fuzz', 'hooks.py');

const MAX_EXAMPLES = Number(process.env.FUZZ_MAX_EXAMPLES ?? 25);
const MAX_SECONDS = Number(process.env.FUZZ_MAX_SECONDS ?? 900);
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
  'negative_data_rejection',
  'token_required',
];

/** Who fuzzes: between them every operation is reachable by a role that may take it. */
const RUNS: readonly { readonly name: string; readonly user?: string }[] = [
  { name: 'case officer', user: 'officer.dc' },
  { name: 'approving leader', user: 'leader.dc' },
  { name: 'meeting secretary', user: 'secretary.dc' },
  { name: 'applicant', user: 'applicant.li' },
  { name: 'operator', user: 'operator' },
  { name: 'no token' },
];

function log(line: string): void {
  process.stdout.write(`[fuzz] ${line}\n`);
}

/** The venv with the pinned schemathesis, made once; a different version installed is replaced. */
function ensureSchemathesis(): void {
  const installed = existsSync(ST) ? spawnSync(ST, ['--version'], { encoding: 'utf8' }).stdout : '';
  if (installed.includes(SCHEMATHESIS_VERSION)) return;
  log(`installing schemathesis ${SCHEMATHESIS_VERSION} into ${path.relative(projectRoot, VENV)}`);
  const python = process.env.PYTHON ?? 'python3';
  for (const [command, args] of [
    [python, ['-m', 'venv', VENV]],
    [path.join(VENV, 'bin', 'pip'), ['install', '--quiet', `schemathesis==${SCHEMATHESIS_VERSION}`]],
  ] as const) {
    const result = spawnSync(command, args, { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
  }
}

/** Cases in different stages, for the generated requests to find: submitted, in handling opinion, investigated. */
async function seedCases(stack: Stack, tokens: Readonly<Record<string, string>>): Promise<string[]> {
  let key = 0;
  const post = async (user: string, url: string, body: unknown): Promise<{ caseNumber?: string }> => {
    const res = await fetch(`${stack.baseUrl}${url}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens[user]}`,
        'content-type': 'application/json',
        'idempotency-key': `seed-${(key += 1)}`,
      },
      body: JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`seeding: POST ${url} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { caseNumber?: string };
  };
  // The office numbers the cases: the numbers are those of the 201 answers.
  const numbers: string[] = [];
  for (let i = 0; i < 4; i += 1) {
    const created = await post('applicant.li', '/cases', {
      submission: {
        origin: 'application',
        party: { kind: 'official', name: '李娜', unit: '某区营商环境服务中心', identifier: '11010519491231002X' },
        situation: 'businessEnvironment',
        liability: 'sanction',
        handlingBody: 'disciplineCommission',
        facts: '为企业容缺受理审批事项，后补齐材料，未造成损失。',
      },
    });
    numbers.push(created.caseNumber ?? '');
  }
  const [, opinion, approval, investigation] = numbers;
  for (const n of [opinion, approval, investigation]) {
    await post('officer.dc', `/cases/${n}/acceptance`, { decision: 'accept', caseOfficer: 'officer.dc' });
  }
  for (const n of [approval, investigation]) {
    await post('officer.dc', `/cases/${n}/handling-opinion`, { opinion: '拟启动调查核实', route: 'investigate' });
  }
  await post('leader.dc', `/cases/${investigation}/handling-opinion/approval`, { approved: true, comment: '同意' });
  return numbers;
}

/** The schemathesis configuration of one run: live case numbers offered for `{caseNumber}` half of the time. */
function configFile(name: string, caseNumbers: readonly string[]): string {
  const file = path.join(FUZZ_DIR, `${name.replace(/\W+/g, '-')}.toml`);
  writeFileSync(
    file,
    [
      `hooks = ${JSON.stringify(HOOKS)}`,
      '',
      '[dictionaries.cases]',
      `values = ${JSON.stringify(caseNumbers)}`,
      '',
      '[parameters]',
      '"path.caseNumber" = { dictionary = "cases", probability = 0.5 }',
      '',
    ].join('\n'),
  );
  return file;
}

interface RunResult {
  readonly name: string;
  readonly code: number;
  readonly seconds: number;
  readonly requests: number;
}

/** Requests a run sent, from its NDJSON event stream (one interaction per request). */
function requestsSent(reportDir: string): number {
  let requests = 0;
  for (const file of existsSync(reportDir) ? readdirSync(reportDir) : []) {
    if (!file.endsWith('.ndjson')) continue;
    for (const line of readFileSync(path.join(reportDir, file), 'utf8').split('\n')) {
      if (!line.startsWith('{"ScenarioFinished"')) continue;
      const event = JSON.parse(line) as { ScenarioFinished: { recorder: { interactions?: object } } };
      requests += Object.keys(event.ScenarioFinished.recorder.interactions ?? {}).length;
    }
  }
  return requests;
}

function runSchemathesis(
  baseUrl: string,
  name: string,
  seed: number,
  token: string | undefined,
  config: string,
  deadline: number,
): Promise<RunResult> {
  const reports = path.join(FUZZ_DIR, 'reports', name.replace(/\W+/g, '-'));
  const args = [
    '--config-file',
    config,
    'run',
    `${baseUrl}/openapi.json`,
    '--checks',
    CHECKS.join(','),
    '--max-examples',
    String(MAX_EXAMPLES),
    // One: with more, Python 3.11's parser fails now and then under schemathesis's threads (SystemError).
    '--workers',
    '1',
    '--seed',
    String(seed),
    '--generation-database',
    'none',
    '--request-timeout',
    '30',
    '--report',
    'junit,ndjson',
    '--report-dir',
    reports,
    '--no-color',
    ...(token ? ['--header', `Authorization: Bearer ${token}`] : ['--generation-with-security-parameters', 'false']),
  ];
  log(`run "${name}": st ${args.filter((a) => !a.startsWith('Authorization')).join(' ')}`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // In FUZZ_DIR, where schemathesis keeps its `.schemathesis/` state.
    const child = spawn(ST, args, { cwd: FUZZ_DIR, stdio: 'inherit', env: { ...process.env, PYTHONUNBUFFERED: '1' } });
    // schemathesis's own --max-time is a budget it fills by fuzzing on, so the limit is kept here instead.
    const timer = setTimeout(
      () => {
        log(`run "${name}" stopped: the ${MAX_SECONDS} s of FUZZ_MAX_SECONDS are spent`);
        child.kill('SIGKILL');
      },
      Math.max(0, deadline - performance.now()),
    );
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      resolve({ name, code: code ?? (signal ? 128 : 1), seconds, requests: requestsSent(reports) });
    });
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  const deadline = started + MAX_SECONDS * 1000;
  ensureSchemathesis();
  mkdirSync(FUZZ_DIR, { recursive: true });
  rmSync(path.join(FUZZ_DIR, 'reports'), { recursive: true, force: true });
  log('starting the dev server, the worker and the API');
  const stack = await startStack();
  const results: RunResult[] = [];
  try {
    const answer = await fetch(`${stack.baseUrl}/dev/tokens`);
    const { users } = (await answer.json()) as { users: { sub: string; token: string }[] };
    const tokens = Object.fromEntries(users.map((u) => [u.sub, u.token]));
    const caseNumbers = await seedCases(stack, tokens);
    log(`API at ${stack.baseUrl}; seeded ${caseNumbers.join(', ')}`);
    const only = process.env.FUZZ_RUNS?.split(',');
    const seed = Number(process.env.FUZZ_SEED ?? 20260601);
    for (const [i, run] of RUNS.entries()) {
      if (only && !only.includes(run.name)) continue;
      // A seed of its own per run, so that the runs try different data; the same every time, so a failure repeats.
      const token = run.user && tokens[run.user];
      const config = configFile(run.name, caseNumbers);
      results.push(await runSchemathesis(stack.baseUrl, run.name, seed + i, token, config, deadline));
    }
  } finally {
    await stack.stop();
  }
  for (const r of results) {
    log(`${r.code === 0 ? 'pass' : 'FAIL'}  ${r.name}: ${r.requests} requests in ${r.seconds.toFixed(0)} s`);
  }
  const requests = results.reduce((sum, r) => sum + r.requests, 0);
  log(`${results.length} runs, ${requests} requests, ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
  process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
