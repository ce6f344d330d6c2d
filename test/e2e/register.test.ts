/**
 * The register (台账, issue 16): every case projects itself into a real database (PGlite here, persisted in a
 * directory as `npm start` keeps it) after each change, with a version that only grows; `GET /cases` lists from it
 * with every filter within the caller's scope; a case Temporal no longer has is read from it; it is rebuilt from
 * Temporal to the same rows; and no name, identifier or fact is in clear in its files.
 */
import { DEMO_USERS } from '../../api/auth/demo-users';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { sql } from 'kysely';

import type { CaseState } from '../../domain/case';
import type { CaseProjection } from '../../domain/case-record';
import { CASE_PROJECTION_QUERY } from '../../domain/case-record';
import { checkRegister } from '../../register/check';
import { rebuildRegister } from '../../register/rebuild';
import type { Stack } from '../helpers/api';
import { api, eventually, startStack } from '../helpers/api';
import { application, IDENTIFIER_OF } from '../helpers/cases';

const marker = randomUUID().slice(0, 8);
const NAME = `台账测试${marker}王`;
const FACTS = `台账事实${marker}：容缺受理，后补齐材料。`;
const WANG = IDENTIFIER_OF['applicant.wang'];

let dir: string;
let stack: Stack;
let http: ReturnType<typeof api>;
/** Cases of this file: an application by applicant.wang (named NAME), and an organisation case of a city unit. */
let applied: string;
let organised: string;

const numbers = (body: Record<string, any> | undefined): string[] =>
  (body?.cases as { caseNumber: string }[]).map((c) => c.caseNumber);

/** The version the register holds for `n`, once it is at least `atLeast`. */
function versionOf(n: string, atLeast: number): Promise<number | undefined> {
  return eventually(
    () => stack.register.register.version(n),
    (v) => v !== undefined && v >= atLeast,
    `version ${atLeast} of ${n} in the register`,
  );
}

/** Every row as plain text (the seal's nonce aside) with its record opened: what a rebuild must reproduce. */
async function dump(): Promise<unknown[]> {
  const { db } = stack.register.database;
  const rows = await db
    .selectFrom('register')
    .selectAll()
    .select([sql<string>`accepted_on::text`.as('accepted'), sql<string>`decided_on::text`.as('decided')])
    .orderBy('case_number')
    .execute();
  return Promise.all(
    rows.map(async ({ record: _sealed, projected_at: _at, accepted_on: _a, decided_on: _d, ...columns }) => ({
      ...columns,
      record: await stack.register.register.read(columns.case_number).then((r) => r?.state),
    })),
  );
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'register-'));
  stack = await startStack({ registerDir: path.join(dir, 'register') });
  http = api(stack);
  const wang = application(
    { party: { kind: 'official', name: NAME, unit: '某区营商环境服务中心' }, facts: FACTS },
    'applicant.wang',
  );
  applied = (await http.post('/cases', { submission: wang }, 'applicant.wang')).body?.caseNumber;
  const org = application({ origin: 'organization', unitId: 'city.finance', situation: 'reformPilot' });
  organised = (await http.post('/cases', { submission: org }, 'officer.dc')).body?.caseNumber;
  expect([applied, organised].every((n) => typeof n === 'string')).toBe(true);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('every change of a case is projected into the register, its version growing with each', async () => {
  const first = await versionOf(applied, 1);
  const accepted = await http.post(
    `/cases/${applied}/acceptance`,
    { decision: 'accept', caseOfficer: 'officer.dc' },
    'officer.dc',
  );
  expect(accepted.status).toBe(200);
  const later = await versionOf(applied, (first ?? 0) + 1);
  expect(later).toBeGreaterThan(first ?? 0);
  const answered = (await http.get(`/cases/${applied}`, 'officer.dc')).body as CaseState;
  // The register keeps the case's state; the working days left are counted by the API when it answers.
  const state = {
    ...answered,
    deadlines: answered.deadlines.map((d) => {
      const { workingDaysLeft: _left, ...deadline } = d as typeof d & { workingDaysLeft?: number };
      return deadline;
    }),
  } as CaseState;
  const kept = await eventually(
    () => stack.register.register.read(applied),
    (r) => r?.state.timeline.length === state.timeline.length,
    'the accepted case in the register',
  );
  expect(kept?.state).toEqual(state);
  expect(kept?.scope).toEqual({
    handlingBody: 'disciplineCommission',
    level: 'city',
    applicantId: expect.stringMatching(/^ai-/),
  });
});

test('a projection older than the row is refused, so replays never take a row back; the same version replaces it', async () => {
  const handle = stack.env.client.workflow.getHandle(applied);
  const current = await handle.query<CaseProjection>(CASE_PROJECTION_QUERY);
  await versionOf(applied, current.version);
  const before = await stack.register.register.read(applied);
  const older: CaseProjection = {
    ...current,
    version: current.version - 1,
    state: { ...current.state, stage: 'declined' },
  };
  expect(await stack.register.register.project(older)).toBe(false);
  expect(await stack.register.register.version(applied)).toBe(current.version);
  expect((await stack.register.register.read(applied))?.state).toEqual(before?.state);
  // A task lost after its projection ran is retried with the same version and the state history keeps.
  const lost: CaseProjection = { ...current, state: { ...current.state, summary: 'the lost attempt' } };
  expect(await stack.register.register.project(lost)).toBe(true);
  expect(await stack.register.register.project(current)).toBe(true);
  expect((await stack.register.register.read(applied))?.state).toEqual(before?.state);
});

test('GET /cases?actionable=true lists exactly the cases in which the caller’s role has an action open now', async () => {
  await eventually(
    () => http.get('/cases?limit=100', 'officer.dc'),
    (r) => [applied, organised].every((n) => numbers(r.body).includes(n)),
    'both cases listed',
  );
  for (const user of ['officer.dc', 'leader.dc', 'investigator.dc']) {
    const role = DEMO_USERS.find((u) => u.sub === user)?.role as string;
    const expected: string[] = [];
    for (const n of [applied, organised]) {
      const view = (await http.get(`/cases/${encodeURIComponent(n)}`, user)).body;
      if (view?.allowedActions.some((a: { roles: string[] }) => a.roles.includes(role))) expected.push(n);
    }
    const listed = numbers((await http.get('/cases?actionable=true', user)).body);
    expect({ user, listed: listed.sort() }).toEqual({ user, listed: expected.sort() });
  }
  // Not vacuous: the case officer has the applied case's handling opinion to propose; the investigator nothing yet.
  expect(numbers((await http.get('/cases?actionable=true', 'officer.dc')).body)).toContain(applied);
  expect(numbers((await http.get('/cases?actionable=true', 'investigator.dc')).body)).toEqual([]);
});

test('GET /cases lists from the register by person, unit, level, situation, stage, year and dates, within the caller’s scope', async () => {
  const both = await eventually(
    () => http.get('/cases?limit=100', 'officer.dc'),
    (r) => [applied, organised].every((n) => numbers(r.body).includes(n)),
    'both cases listed',
  );
  expect(both.body?.total).toBe(2);
  const year = applied.match(/〔(\d{4})〕/)?.[1];
  const cases = async (query: string, user = 'officer.dc') => numbers((await http.get(`/cases?${query}`, user)).body);
  expect(await cases(`party=${WANG}`)).toEqual([applied]);
  expect(await cases('unit=city.finance')).toEqual([organised]);
  expect(await cases('situation=reformPilot')).toEqual([organised]);
  expect(await cases('stage=handlingOpinion')).toEqual([applied]);
  expect((await cases('level=city')).sort()).toEqual([applied, organised].sort());
  expect(await cases('level=dongcheng')).toEqual([]);
  expect((await cases(`year=${year}`)).sort()).toEqual([applied, organised].sort());
  expect(await cases(`year=${Number(year) - 1}`)).toEqual([]);
  expect(await cases('decidedFrom=2020-01-01&decidedTo=2099-12-31')).toEqual([]);
  // Newest first by default; by case number when asked, a page at a time with the cursor.
  expect(await cases('')).toEqual([organised, applied]);
  const first = await http.get('/cases?sort=caseNumber&limit=1', 'officer.dc');
  const second = await http.get(`/cases?sort=caseNumber&limit=1&cursor=${first.body?.nextCursor}`, 'officer.dc');
  expect([...numbers(first.body), ...numbers(second.body)]).toEqual([applied, organised].sort());
  expect(second.body?.nextCursor).toBeUndefined();
  // A cursor pages only the query it came from.
  const elsewhere = await http.get(`/cases?sort=-caseNumber&limit=1&cursor=${first.body?.nextCursor}`, 'officer.dc');
  expect(elsewhere.status).toBe(400);

  // Another body sees none; the applicant their own; an operator case numbers only, and no filter.
  expect(await cases('', 'officer.od')).toEqual([]);
  expect(await cases('', 'applicant.wang')).toEqual([applied]);
  expect(await cases('', 'applicant.li')).toEqual([]);
  const operator = await http.get('/cases?limit=100', 'operator');
  expect(operator.body?.cases).toEqual(expect.arrayContaining([{ caseNumber: applied }, { caseNumber: organised }]));
  const filtered = await http.get('/cases?unit=city.finance', 'operator');
  expect(filtered.status).toBe(400);
  expect(filtered.body?.errors).toEqual([{ field: 'unit', message: '运维人员不能使用此筛选条件' }]);
  const bad = await http.get('/cases?year=26&decidedFrom=2026-13-01&sort=name', 'officer.dc');
  expect(bad.status).toBe(400);
  expect((bad.body?.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['decidedFrom', 'sort', 'year']);
});

test('the rebuild from Temporal reproduces every row, and the check finds no drift', async () => {
  const also = `TaskQueue = '${stack.taskQueue}'`;
  await eventually(
    () => checkRegister(stack.env.client, stack.register.register, also),
    (d) => d.matching === 2,
    'visibility and the register agreeing',
  );
  const before = await dump();
  const rebuilt = await rebuildRegister(stack.env.client, stack.register.register, { also });
  expect(rebuilt).toEqual({ cases: 2, failed: [] });
  expect(await dump()).toEqual(before);
  expect(await checkRegister(stack.env.client, stack.register.register, also)).toEqual({
    missing: [],
    onlyInRegister: [],
    stageDiffers: [],
    matching: 2,
  });
});

test('a case Temporal no longer has is read from the register, by the same audiences and into the access log', async () => {
  const asOfficer = (await http.get(`/cases/${applied}`, 'officer.dc')).body;
  const asApplicant = (await http.get(`/cases/${applied}`, 'applicant.wang')).body;
  const readBefore = readsOf(applied).length;
  await stack.env.client.workflowService.deleteWorkflowExecution({
    namespace: 'default',
    workflowExecution: { workflowId: applied },
  });
  await eventually(
    () =>
      stack.env.client.workflow
        .getHandle(applied)
        .describe()
        .then(
          () => 'there',
          () => 'gone',
        ),
    (s) => s === 'gone',
    'the execution deleted',
  );
  expect((await http.get(`/cases/${applied}`, 'officer.dc')).body).toEqual(asOfficer);
  expect((await http.get(`/cases/${applied}`, 'applicant.wang')).body).toEqual(asApplicant);
  expect((await http.get(`/cases/${applied}/timeline`, 'officer.dc')).body?.timeline).toEqual(asOfficer?.timeline);
  expect((await http.get(`/cases/${applied}`, 'officer.od')).status).toBe(404);
  expect((await http.get(`/cases/${applied}`, 'applicant.li')).status).toBe(404);
  expect(readsOf(applied).slice(readBefore)).toEqual([
    { actor: 'officer.dc', what: 'GET /cases/{n}' },
    { actor: 'applicant.wang', what: 'GET /cases/{n}' },
    { actor: 'officer.dc', what: 'GET /cases/{n}/timeline' },
  ]);
  // The check reports it as kept only in the register.
  const drift = await checkRegister(stack.env.client, stack.register.register, `TaskQueue = '${stack.taskQueue}'`);
  expect(drift.onlyInRegister).toEqual([applied]);
});

/** Who read case `n`, and how, as the access log recorded it. */
function readsOf(n: string): { actor: string; what: string }[] {
  const [file] = readdirSync(stack.accessLogDir);
  return readFileSync(path.join(stack.accessLogDir, file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { actor: string; what: string; caseNumbers: string[] })
    .filter((r) => r.caseNumbers.includes(n))
    .map(({ actor, what }) => ({ actor, what }));
}

/** Every file under `root`, concatenated. */
function bytesUnder(root: string): Buffer {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(root);
  return Buffer.concat(files.map((f) => readFileSync(f)));
}

test('names, identifiers and facts are nowhere in the register’s database files', async () => {
  // Written through to the data files, not only the write-ahead log (both are searched).
  await sql`checkpoint`.execute(stack.register.database.db);
  const stored = bytesUnder(path.join(dir, 'register'));
  expect(stored.length).toBeGreaterThan(1_000_000);
  for (const secret of [NAME, FACTS, WANG, '某区营商环境服务中心']) {
    expect(stored.includes(Buffer.from(secret, 'utf8'))).toBe(false);
  }
  // Codes are plain: the search really reads the files.
  expect(stored.includes(Buffer.from('reformPilot', 'utf8'))).toBe(true);
});
