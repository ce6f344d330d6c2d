/**
 * Issue 12, the API's findings that need the whole stack (dev server, worker, API on 127.0.0.1): what operators
 * may ask of the case list, how many applications one applicant may start, and who may rewrite the statutory
 * clock and how. Each test is named by the attack it stops; docs/RELIABILITY.md lists them with their finding.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { projectRoot } from '../../config/paths';
import { ApplicantId } from '../../domain/search-attributes';
import type { Stack } from '../helpers/api';
import { api, eventually, request, startStack } from '../helpers/api';
import { application, IDENTIFIER_OF, shanghaiToday } from '../helpers/cases';

let stack: Stack;
let http: ReturnType<typeof api>;

const QUOTA = 2;

beforeAll(async () => {
  stack = await startStack({ http: { SUBMISSIONS_PER_APPLICANT_PER_DAY: QUOTA } });
  http = api(stack);
});

afterAll(async () => {
  await stack?.stop();
});

function fixture(name: string): Record<string, any> {
  return JSON.parse(readFileSync(path.join(projectRoot, 'test', 'fixtures', 'holidays', name), 'utf8'));
}

describe('the case list', () => {
  test('an operator cannot filter cases by stage, body, deadline or outcome to learn what it may not read', async () => {
    for (const filter of [
      'stage=rectification',
      'handlingBody=disciplineCommission',
      'overdue=true',
      'dueBefore=2027-01-01T00:00:00Z',
      'outcome=exempt',
    ]) {
      const res = await http.get(`/cases?${filter}`, 'operator');
      expect({ filter, status: res.status }).toEqual({ filter, status: 400 });
      expect(res.body?.errors).toEqual([{ field: filter.split('=')[0], message: '运维人员不能使用此筛选条件' }]);
      expect(res.body?.detail).toMatch(/运维人员只能查看案件编号/);
    }
    expect((await http.get('/cases', 'operator')).status).toBe(200);
  });

  test('a deep page cannot make the API read thousands of visibility rows: offset is gone, the cursor pages', async () => {
    expect((await http.get('/cases?offset=9990&limit=100', 'officer.dc')).status).toBe(400);
    const forged = await http.get(`/cases?cursor=bm90LWEtdG9rZW4.${'A'.repeat(22)}`, 'officer.dc');
    expect(forged.status).toBe(400);
    expect(forged.body?.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    // A cursor handed to one caller does not page another caller's list.
    for (const s of [application({ origin: 'organization' }), application({ origin: 'organization' })]) {
      expect((await http.post('/cases', { submission: s }, 'officer.dc')).status).toBe(201);
    }
    const page = await eventually(
      () => http.get('/cases?limit=1', 'officer.dc'),
      (r) => r.body?.nextCursor !== undefined,
      'a second page of the discipline commission',
    );
    const elsewhere = await http.get(`/cases?limit=1&cursor=${page.body?.nextCursor}`, 'officer.od');
    expect(elsewhere.status).toBe(400);
  });
});

describe('submissions', () => {
  test('an applicant cannot start cases without end: the daily quota answers 429 with a Chinese detail', async () => {
    for (let i = 0; i < QUOTA; i++) {
      expect(
        (await http.post('/cases', { submission: application({}, 'applicant.wang') }, 'applicant.wang')).status,
      ).toBe(201);
    }
    const over = await http.post('/cases', { submission: application({}, 'applicant.wang') }, 'applicant.wang');
    expect(over.status).toBe(429);
    expect(over.body?.detail).toMatch(/每位申请人每天最多提出 2 件申请/);
    const retryAfter = Number(over.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
    // Another applicant, and an officer's own case, are not held to this applicant's count.
    expect((await http.post('/cases', { submission: application() }, 'applicant.li')).status).toBe(201);
  });
});

describe('the statutory clock', () => {
  test('an operator cannot replace 2026, a year in force with built-in data, without a correction reason', async () => {
    const res = await http.post('/calendar/years/2026', fixture('override-2026/2026.json'), 'operator');
    expect(res.status).toBe(409);
    expect(res.body?.detail).toMatch(/不能直接替换/);
  });

  test('a year with every November–December weekday off is refused as implausible, nothing written', async () => {
    const file = fixture('valid-2027/2027.json');
    const extra = [];
    for (let d = Date.UTC(2027, 10, 1); d <= Date.UTC(2027, 11, 31); d += 86_400_000) {
      const day = new Date(d);
      const date = day.toISOString().slice(0, 10);
      if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6 && !file.holidays.some((h: any) => h.date === date)) {
        extra.push({ date, name: '假日' });
      }
    }
    const res = await http.post(
      '/calendar/years/2027',
      { ...file, holidays: [...file.holidays, ...extra] },
      'operator',
    );
    expect(res.status).toBe(400);
    expect(res.body?.title).toBe('Implausible holiday arrangement');
    expect(res.body?.errors).toEqual(
      expect.arrayContaining([
        { field: 'holidays', message: expect.stringMatching(/weekdays off .* at most 16/) },
        { field: expect.stringMatching(/^holidays\.\d+$/), message: expect.stringMatching(/^2027-11-01 lies/) },
      ]),
    );
    expect(() => readFileSync(path.join(stack.holidaysDir, '2027.json'))).toThrow();
  });

  test('a correction says first which running deadlines it moves, needs that preview confirmed, and is recorded', async () => {
    const file = fixture('override-2026/2026.json');
    const reason = 'correctionReason=' + encodeURIComponent('按国办发明电更正 2026 年安排');
    const preview = await http.post(`/calendar/years/2026?dryRun=true&${reason}`, file, 'operator');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      year: 2026,
      dryRun: true,
      calendarVersion: expect.stringMatching(/^cal-[0-9a-f]{12}$/),
      deadlinesMoved: expect.any(Array),
      unanswered: expect.any(Array),
    });
    // A dry run writes and records nothing.
    expect(() => readFileSync(path.join(stack.holidaysDir, 'loads.jsonl'))).toThrow();

    const loaded = await eventually(
      () => http.post(`/calendar/years/2026?${reason}&confirm=${preview.body?.calendarVersion}`, file, 'operator'),
      (r) => r.status !== 503,
      'the load',
    );
    expect(loaded.status).toBe(202);
    const records = readFileSync(path.join(stack.holidaysDir, 'loads.jsonl'), 'utf8').trim().split('\n');
    expect(records.map((r) => JSON.parse(r))).toEqual([
      expect.objectContaining({
        actor: 'operator',
        role: 'operator',
        year: 2026,
        calendarVersion: loaded.body?.calendarVersion,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        correctionReason: '按国办发明电更正 2026 年安排',
      }),
    ]);
  });

  test('a load cannot move a running deadline unseen: it is refused until the caller confirms that very preview', async () => {
    // A case whose 60-working-day rectification period runs into 2027, a year without an arrangement yet.
    const created = await http.post('/cases', { submission: application() }, 'applicant.li');
    expect(created.status).toBe(201);
    const n: string = created.body?.caseNumber;
    await http.post(`/cases/${n}/acceptance`, { decision: 'accept', caseOfficer: 'officer.dc' }, 'officer.dc');
    await http.post(
      `/cases/${n}/handling-opinion`,
      { opinion: '情节轻微，约谈提醒、督促整改', route: 'rectification', fixWithinWorkingDays: 60 },
      'officer.dc',
    );
    await http.post(`/cases/${n}/handling-opinion/approval`, { approved: true, comment: '同意' }, 'leader.dc');
    await eventually(
      () => http.get(`/cases/${n}`, 'officer.dc'),
      (r) => r.body?.stage === 'rectification',
      'the rectification',
    );
    // The period to fix runs from the talk (release 0.4.0 on).
    const talk = { talkedOn: shanghaiToday(), talkedBy: '纪委副书记王强', talkedWith: '李娜', ordered: '补齐审批材料' };
    await http.post(`/cases/${n}/rectification/talk`, talk, 'officer.dc');
    const running = await eventually(
      () => http.get(`/cases/${n}`, 'officer.dc'),
      (r) => r.body?.deadlines?.some((d: any) => d.id === 'rectification' && d.provisional),
      'a provisional rectification deadline',
    );
    const before = running.body?.deadlines.find((d: any) => d.id === 'rectification');
    await eventually(
      () => http.get('/cases?stage=rectification', 'officer.dc'),
      (r) => r.body?.cases.some((c: any) => c.caseNumber === n && c.provisionalDeadline === true),
      'the provisional case in visibility',
    );

    const file = fixture('valid-2027/2027.json');
    const preview = await http.post('/calendar/years/2027?dryRun=true', file, 'operator');
    expect(preview.status).toBe(200);
    const moved = preview.body?.deadlinesMoved.find((m: any) => m.caseNumber === n);
    expect(moved).toEqual({
      caseNumber: n,
      deadline: 'rectification',
      clause: before.clause,
      oldDueAt: before.dueAt,
      newDueAt: expect.any(String),
    });
    expect(moved.newDueAt).not.toBe(before.dueAt);
    // Nothing moved yet.
    expect(() => readFileSync(path.join(stack.holidaysDir, '2027.json'))).toThrow();

    for (const url of ['/calendar/years/2027', '/calendar/years/2027?confirm=cal-000000000000']) {
      const refused = await http.post(url, file, 'operator');
      expect({ url, status: refused.status }).toEqual({ url, status: 409 });
      expect(refused.body?.detail).toMatch(/请核对后以 confirm=cal-/);
      expect(refused.body?.deadlinesMoved).toContainEqual(moved);
    }
    const loaded = await http.post(`/calendar/years/2027?confirm=${preview.body?.calendarVersion}`, file, 'operator');
    expect(loaded.status).toBe(202);
    const after = await eventually(
      () => http.get(`/cases/${n}`, 'officer.dc'),
      (r) => r.body?.deadlines?.some((d: any) => d.id === 'rectification' && !d.provisional),
      'the recomputed deadline',
    );
    expect(after.body?.deadlines.find((d: any) => d.id === 'rectification').dueAt).toBe(moved.newDueAt);
  });
});

test('listing workflows does not name applicants: ApplicantId holds a keyed index, and only the applicant finds the case', async () => {
  // An applicant of their own: the quota tests above use up applicant.li's day.
  const zhao = {
    headers: {
      authorization: `Bearer ${await stack.dev.mint({ sub: 'applicant.zhao', role: 'applicant', identifier: IDENTIFIER_OF['applicant.zhao'] })}`,
    },
  };
  const created = await http.post('/cases', { submission: application({}, 'applicant.zhao') }, 'applicant.li', zhao);
  expect(created.status).toBe(201);
  const s = { caseNumber: created.body?.caseNumber as string };
  const described = await stack.env.client.workflow.getHandle(s.caseNumber).describe();
  const published = described.typedSearchAttributes.get(ApplicantId);
  expect(published).toMatch(/^ai-[0-9a-f]{32}$/);
  expect(published).not.toContain('applicant.zhao');
  // The applicant still reads and lists their own case; another applicant does neither.
  const asZhao = (url: string) => request(stack, 'GET', url, undefined, zhao);
  expect((await asZhao(`/cases/${s.caseNumber}`)).status).toBe(200);
  const listed = await eventually(
    () => asZhao('/cases'),
    (r) => (r.body?.cases ?? []).some((c: { caseNumber: string }) => c.caseNumber === s.caseNumber),
    'the applicant’s own case in their list',
  );
  expect(listed.status).toBe(200);
  expect((await http.get(`/cases/${s.caseNumber}`, 'applicant.wang')).status).toBe(404);
  const others = await http.get('/cases', 'applicant.wang');
  expect((others.body?.cases ?? []).map((c: { caseNumber: string }) => c.caseNumber)).not.toContain(s.caseNumber);
});
