/**
 * The office's figures and its register over HTTP, against a real dev server and worker: cases walked through by
 * the demo users are counted as they stand, the XLSX workbook read back holds the register's headers and the
 * cases' rows, and each officer sees only the cases (and figures) of their own body and levels.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import ExcelJS from 'exceljs';

import { statisticsResponseSchema } from '../../api/statistics/response-schema';
import { stageSpans } from '../../domain/stage-spans';
import type { Stack } from '../helpers/api';
import { api, eventually, request, startStack } from '../helpers/api';
import { application, report, shanghaiToday } from '../helpers/cases';

let stack: Stack;
let http: ReturnType<typeof api>;

/** Discipline commission cases of the city: an exemption fed back, one declined; one of 东城区, accepted. */
let exempted: string;
let declined: string;
let county: string;
/** An organisation department case of the city, not yet accepted. */
let otherBody: string;

const THIS_YEAR = Number(shanghaiToday().slice(0, 4));
const PROBLEM = 'application/problem+json';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function submitted(overrides: Parameters<typeof application>[0] = {}): Promise<string> {
  const created = await http.post('/cases', { submission: application(overrides) }, 'applicant.li');
  expect(created.status).toBe(201);
  return created.body?.caseNumber as string;
}

const stageOf = (n: string, as: string) => http.get(`/cases/${n}`, as).then((r) => r.body?.stage as string);

/** Takes `n` step by step from acceptance to the written feedback of an exemption. */
async function exemption(n: string): Promise<void> {
  const step = async (path: string, body: unknown, as: string, status = 200) => {
    const res = await http.post(`/cases/${n}${path}`, body, as);
    expect({ path, status: res.status }).toEqual({ path, status });
  };
  const reach = (stage: string) =>
    eventually(
      () => stageOf(n, 'officer.dc'),
      (s) => s === stage,
      `stage ${stage}`,
    );
  await step('/acceptance', { decision: 'accept', caseOfficer: 'officer.dc' }, 'officer.dc');
  await step('/handling-opinion', { opinion: '拟启动调查核实', route: 'investigate' }, 'officer.dc');
  await step('/handling-opinion/approval', { approved: true, comment: '同意' }, 'leader.dc', 202);
  await reach('investigation');
  await step('/investigation/team', { members: ['investigator.dc', '调查组成员乙'] }, 'officer.dc');
  for (const heard of ['party', 'unit']) {
    await step(
      '/investigation/hearings',
      { heard, statementRef: `谈话笔录-${heard}`, summary: '如实说明' },
      'investigator.dc',
    );
  }
  await step('/investigation/report', { report: report('exempt') }, 'investigator.dc');
  await step('/investigation/report/review', { approved: true, comment: '同意' }, 'leader.dc', 202);
  await reach('determination');
  await step(
    '/determination',
    {
      determination: {
        meetingDate: shanghaiToday(),
        attendees: ['书记', '副书记', '委员甲', '委员乙', '委员丙'],
        membersTotal: 7,
        outcome: 'exempt',
        reasoning: '综合六个方面察看，依纪依规依法作出决定',
        minutesRef: '会议纪要〔2026〕9号',
        reportRef: '调查报告〔2026〕1号',
      },
    },
    'secretary.dc',
    202,
  );
  await reach('feedback');
  await step('/feedback', { documentRef: '反馈书〔2026〕3号' }, 'officer.dc');
}

beforeAll(async () => {
  stack = await startStack();
  http = api(stack);
  [exempted, declined, county, otherBody] = [
    await submitted({ unitId: 'city.finance' }),
    await submitted({ unitId: 'city.drc' }),
    await submitted({ unitId: 'dongcheng.housing' }),
    await submitted({ handlingBody: 'organizationDepartment', liability: 'organizationalHandling' }),
  ];
  await exemption(exempted);
  const refused = await http.post(
    `/cases/${declined}/acceptance`,
    { decision: 'decline', reason: '不属于容错纠错免责减责事项范围' },
    'officer.dc',
  );
  expect(refused.status).toBe(200);
  const accepted = await http.post(
    `/cases/${county}/acceptance`,
    { decision: 'accept', caseOfficer: 'officer.dc.dongcheng' },
    'officer.dc.dongcheng',
  );
  expect(accepted.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

/** The figures `as` reads once visibility has caught up with the stages the cases were walked to. */
async function figures(as: string, query = '', done: (body: any) => boolean = () => true) {
  const res = await eventually(
    () => http.get(`/statistics${query}`, as),
    (r) => r.status !== 200 || done(r.body),
    `the figures of ${as}${query}`,
  );
  return res;
}

const counts = (list: { key: unknown; count: number }[]) =>
  Object.fromEntries(list.filter((c) => c.count > 0).map((c) => [String(c.key), c.count]));

test('the figures count the cases walked through by level, body, situation, outcome, year and stage', async () => {
  const res = await figures('officer.dc', '', (b) => counts(b.byStage).declined === 1 && b.cases === 3);
  expect(res.status).toBe(200);
  const s = statisticsResponseSchema.parse(res.body);
  expect(s.cases).toBe(3);
  expect(counts(s.byLevel)).toEqual({ city: 2, dongcheng: 1 });
  expect(s.byLevel.find((l) => l.key === 'dongcheng')?.name).toBe('东城区');
  expect(counts(s.byHandlingBody)).toEqual({ disciplineCommission: 3 });
  expect(counts(s.bySituation)).toEqual({ businessEnvironment: 3 });
  expect(counts(s.byOutcome)).toEqual({ exempt: 1, none: 2 });
  expect(counts(s.byYear)).toEqual({ [THIS_YEAR]: 3 });
  expect(counts(s.byStage)).toEqual({ aftercare: 1, declined: 1, handlingOpinion: 1 });
  const month = shanghaiToday().slice(0, 7);
  expect(s.perMonth).toEqual([{ month, opened: 3, concluded: 2 }]);
  // Every stage the exemption passed through was left today: no working day has passed in any of them.
  const feedback = s.stageDurations.find((d) => d.stage === 'feedback');
  expect(feedback).toMatchObject({ cases: 1, medianWorkingDays: 0, p90WorkingDays: 0 });
  expect(s.stageDurations.find((d) => d.stage === 'acceptance')?.cases).toBe(3);
  // The exemption met every period it was given (handling opinion, the 及时 ones, the feedback); none is overdue.
  expect(s.deadlines.done).toBeGreaterThanOrEqual(5);
  expect(s.deadlines).toMatchObject({ late: 0, shareMet: 1 });
  expect(s).toMatchObject({ overdueNow: 0, impactPeriodsRunning: 0, followUpVisitsOwed: 1, followUpVisitsDue: 0 });
});

test('the stage read back from each walked case’s timeline is the stage the case is in', async () => {
  for (const [n, as] of [
    [exempted, 'officer.dc'],
    [declined, 'officer.dc'],
    [county, 'officer.dc.dongcheng'],
    [otherBody, 'officer.od'],
  ]) {
    const state = (await http.get(`/cases/${n}`, as)).body as any;
    expect({ n, stage: stageSpans(state).at(-1)?.stage }).toEqual({ n, stage: state.stage });
  }
});

test('filters narrow the figures to a year, a level or a body within the caller’s scope', async () => {
  await figures('officer.dc', '', (b) => b.cases === 3);
  expect((await http.get('/statistics?level=dongcheng', 'officer.dc')).body?.cases).toBe(1);
  expect((await http.get(`/statistics?year=${THIS_YEAR}&level=city`, 'officer.dc')).body?.cases).toBe(2);
  expect((await http.get('/statistics?year=2004', 'officer.dc')).body?.cases).toBe(0);
  // Another body's cases are outside the scope, whatever the filter asks for.
  const other = await http.get('/statistics?handlingBody=organizationDepartment', 'officer.dc');
  expect(other.body).toMatchObject({ cases: 0, filters: { handlingBody: 'organizationDepartment' } });
});

test('an officer sees the figures of their own body’s cases only, and a county officer those of their county', async () => {
  const od = await figures('officer.od', '', (b) => b.cases === 1);
  expect(counts(od.body?.byHandlingBody)).toEqual({ organizationDepartment: 1 });
  expect(counts(od.body?.byStage)).toEqual({ acceptance: 1 });
  const countyOfficer = await figures('officer.dc.dongcheng', '', (b) => b.cases === 1);
  expect(counts(countyOfficer.body?.byLevel)).toEqual({ dongcheng: 1 });
  expect(counts(countyOfficer.body?.byOutcome)).toEqual({ none: 1 });
});

test('operators and applicants get no figures and no register; a caller without a token is asked for one', async () => {
  for (const [as, url] of [
    ['operator', '/statistics'],
    ['applicant.li', '/statistics'],
    ['operator', '/register.xlsx'],
    ['applicant.li', '/register.xlsx?year=2026'],
  ]) {
    const res = await http.get(url, as);
    expect({ as, url, status: res.status, type: res.contentType }).toEqual({
      as,
      url,
      status: 403,
      type: expect.stringContaining(PROBLEM),
    });
    expect(res.body?.detail).toBe('只有办理机关的工作人员可以查看本机关案件的统计和台账');
  }
  expect((await http.get('/statistics')).status).toBe(401);
  expect((await http.get('/register.xlsx')).status).toBe(401);
});

test('a bad filter is a 400 in Chinese naming each bad field', async () => {
  const res = await http.get('/statistics?year=20x6&level=东城&handlingBody=court&sort=year', 'officer.dc');
  expect(res.status).toBe(400);
  expect(res.contentType).toContain(PROBLEM);
  const errors = res.body?.errors as { field: string; message: string }[];
  expect(errors.map((e) => e.field).sort()).toEqual(['handlingBody', 'level', 'sort', 'year']);
  expect(errors.find((e) => e.field === 'year')?.message).toBe('须为四位数字的年份，如 2026');
  expect(errors.find((e) => e.field === 'sort')?.message).toBe('未知字段');
  for (const e of errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  expect((await http.get('/register.xlsx?year=1999', 'officer.dc')).body?.errors).toEqual([
    { field: 'year', message: '年份不得早于2004年' },
  ]);
});

/** The workbook `as` downloads, read back with exceljs. */
async function workbook(as: string, query = '') {
  const res = await fetch(`${stack.baseUrl}/register.xlsx${query}`, {
    headers: { authorization: `Bearer ${stack.tokens[as]}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(XLSX);
  expect(res.headers.get('content-disposition')).toContain('filename="register.xlsx"');
  expect(res.headers.get('cache-control')).toBe('no-store');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const sheet = book.getWorksheet('台账');
  if (!sheet) throw new Error('no register sheet');
  const rows = sheet.getSheetValues().filter(Boolean) as ExcelJS.CellValue[][];
  const [headers, ...lines] = rows.map((r) => r.slice(1));
  const byNumber = new Map(lines.map((l) => [String(l[1]), Object.fromEntries(headers.map((h, i) => [h, l[i]]))]));
  return { book, headers, byNumber };
}

test('the register workbook has the office’s columns in Chinese and one row per case, dated in Beijing time', async () => {
  await figures('officer.dc', '', (b) => b.cases === 3 && counts(b.byStage).declined === 1);
  const { book, headers, byNumber } = await workbook('officer.dc');
  expect(headers).toEqual([
    '序号',
    '案件编号',
    '当事人',
    '单位',
    '层级',
    '办理机关',
    '情形',
    '事项来源',
    '快查快结',
    '提出日期',
    '受理日期',
    '阶段',
    '结论',
    '决定日期',
    '影响期',
    '影响期满日期',
    '回访',
    '是否超期',
  ]);
  expect([...byNumber.keys()].sort()).toEqual([exempted, declined, county].sort());
  const today = new Date(`${shanghaiToday()}T00:00:00.000Z`);
  expect(byNumber.get(exempted)).toMatchObject({
    当事人: '李娜',
    单位: '南阳市某区营商环境服务中心',
    层级: '市',
    办理机关: '纪检监察机关案件监督管理室',
    情形: '优化营商环境',
    事项来源: '当事人申请提出',
    快查快结: '否',
    提出日期: today,
    受理日期: today,
    阶段: '后续事项',
    结论: '容错免责',
    决定日期: today,
    回访: '待回访',
    是否超期: '否',
  });
  expect(byNumber.get(declined)).toMatchObject({ 阶段: '不予受理', 结论: '不予受理', 决定日期: today });
  // A step not taken is a blank cell.
  expect(byNumber.get(declined)?.受理日期).toBeUndefined();
  expect(byNumber.get(county)).toMatchObject({ 层级: '东城区', 阶段: '拟办意见', 受理日期: today });
  expect(byNumber.get(county)?.结论).toBeUndefined();

  const stats = book.getWorksheet('统计');
  const figuresByName = new Map(
    (stats?.getSheetValues().filter(Boolean) as ExcelJS.CellValue[][]).map((r) => [r[1], r[2]]),
  );
  expect(figuresByName.get('案件总数')).toBe(3);
  expect(figuresByName.get('容错免责')).toBe(1);
  expect(figuresByName.get('待回访案件')).toBe(1);
  expect(figuresByName.get('按期办理率')).toBe(1);
  expect(figuresByName.get('统计范围')).toBe('本人可查看的全部案件');
});

test('the register of another body’s officer holds none of these cases, nor their parties', async () => {
  await figures('officer.od', '', (b) => b.cases === 1);
  const od = await workbook('officer.od');
  expect([...od.byNumber.keys()]).toEqual([otherBody]);
  const dc = await workbook('officer.dc', '?level=dongcheng');
  expect([...dc.byNumber.keys()]).toEqual([county]);
  const countyOnly = await workbook('officer.dc.dongcheng');
  expect([...countyOnly.byNumber.keys()]).toEqual([county]);
});

test('each export is recorded in the access log with the cases it lists and the filters it used', async () => {
  await workbook('officer.dc', `?year=${THIS_YEAR}`);
  const records = readdirSync(stack.accessLogDir)
    .flatMap((f) => readFileSync(path.join(stack.accessLogDir, f), 'utf8').trim().split('\n'))
    .map((line) => JSON.parse(line) as { actor: string; what: string; caseNumbers: string[]; detail: any });
  const exports = records.filter((r) => r.what === 'GET /register.xlsx' && r.actor === 'officer.dc');
  const last = exports.at(-1);
  expect(last?.caseNumbers.sort()).toEqual([exempted, declined, county].sort());
  expect(last?.detail.filters).toEqual({ year: THIS_YEAR });
  // Figures name no case: reading them is not a read of a case's content.
  expect(records.some((r) => r.what.includes('statistics'))).toBe(false);
});

test('an export the access log cannot record is not sent', async () => {
  // A stack of its own whose access log cannot be created: a file stands where its directory would go.
  const broken = await startStack();
  try {
    writeFileSync(broken.accessLogDir, 'not a directory');
    const created = await api(broken).post('/cases', { submission: application() }, 'applicant.li');
    expect(created.status).toBe(201);
    const res = await request(broken, 'GET', '/register.xlsx', undefined, { as: 'officer.dc' });
    expect(res.status).toBe(503);
    expect(res.contentType).toContain(PROBLEM);
    expect(res.body?.detail).toBe('访问记录无法写入，暂不提供台账');
    expect(JSON.stringify(res.body)).not.toContain('李娜');
  } finally {
    await broken.stop();
  }
});

test('the OpenAPI document describes the figures and the workbook', async () => {
  const doc = (await http.get('/openapi.json')).body as any;
  const stats = doc.paths['/statistics'].get;
  expect(stats.parameters.map((p: any) => p.name)).toEqual(['year', 'level', 'handlingBody']);
  expect(stats.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/Statistics');
  expect(doc.components.schemas.Statistics.properties).toHaveProperty('stageDurations');
  const xlsx = doc.paths['/register.xlsx'].get;
  expect(Object.keys(xlsx.responses['200'].content)).toEqual([XLSX]);
  expect(xlsx.responses['403'].content).toHaveProperty([PROBLEM]);
});
