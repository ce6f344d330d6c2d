/**
 * Jurisdiction over the organisation tree, through HTTP: two levels (the city and 东城区 below it), three bodies
 * each, applicants and the operator, against reading, listing and a representative set of actions, and 分办 (the
 * party committee handing a case to its organisation department). The expectations are written from the rules:
 * officers act on their own body's cases at their own level; the same body one level up supervises (督办) them,
 * reading and listing without acting; everyone else gets the unknown-case answer.
 */
import { readFileSync } from 'node:fs';

import { DEMO_USERS } from '../../api/auth';
import type { OrgTree } from '../../domain/org-tree';
import type { Stack } from '../helpers/api';
import { api, eventually, request, startStack } from '../helpers/api';
import { application } from '../helpers/cases';

let stack: Stack;
let http: ReturnType<typeof api>;

/** A discipline commission case of 东城区, applied for by applicant.li. */
let countyCase: string;
/** A discipline commission case of the city, applied for by applicant.li. */
let cityCase: string;

beforeAll(async () => {
  stack = await startStack();
  http = api(stack);
  const county = await http.post(
    '/cases',
    { submission: application({ unitId: 'dongcheng.housing' }) },
    'applicant.li',
  );
  const city = await http.post('/cases', { submission: application({ unitId: 'city.finance' }) }, 'applicant.li');
  expect([county.status, city.status]).toEqual([201, 201]);
  [countyCase, cityCase] = [county.body?.caseNumber as string, city.body?.caseNumber as string];
});

afterAll(async () => {
  await stack?.stop();
});

const USERS = DEMO_USERS.map((u) => u.sub);
const CITY_DC = ['officer.dc', 'investigator.dc', 'leader.dc', 'secretary.dc'];
const COUNTY_DC = ['officer.dc.dongcheng', 'leader.dc.dongcheng'];

/** Who reads each case: its body at its level, the same body one level up, its applicant. */
const READERS = {
  county: [...COUNTY_DC, ...CITY_DC, 'applicant.li'],
  city: [...CITY_DC, 'applicant.li'],
};

/** What `user` gets deciding acceptance (a decline, refused by a later check or not) on a case. */
function acceptance(user: string, readers: readonly string[], actors: readonly string[]): number {
  if (!readers.includes(user)) return 404;
  return actors.includes(user) ? 200 : 403;
}

test('reading: the case’s body at its level, the same body one level up, its applicant; no one else', async () => {
  for (const user of USERS) {
    const county = await http.get(`/cases/${countyCase}`, user);
    const city = await http.get(`/cases/${cityCase}`, user);
    expect([user, county.status, city.status]).toEqual([
      user,
      READERS.county.includes(user) ? 200 : 404,
      READERS.city.includes(user) ? 200 : 404,
    ]);
  }
});

test('listing: officers list their body’s cases at their level and the level below; the operator sees numbers', async () => {
  const listed = async (user: string) =>
    ((await http.get('/cases?limit=100', user)).body?.cases as { caseNumber: string }[]).map((c) => c.caseNumber);
  await eventually(
    () => listed('leader.dc.dongcheng'),
    (l) => l.includes(countyCase),
    'the county case listed',
  );
  await eventually(
    () => listed('leader.dc'),
    (l) => l.includes(cityCase),
    'the city case listed',
  );
  for (const user of USERS) {
    const cases = await listed(user);
    expect([user, cases.includes(countyCase), cases.includes(cityCase)]).toEqual([
      user,
      READERS.county.includes(user) || user === 'operator',
      READERS.city.includes(user) || user === 'operator',
    ]);
  }
});

test('acting: only the body at the case’s own level; supervision from above reads but gets 403', async () => {
  const decline = { decision: 'decline', reason: '不属于受理范围' };
  const rows: string[] = [];
  const expected: string[] = [];
  for (const user of USERS) {
    // Only the requests that must be refused are sent, so both cases stay open for what follows.
    for (const [name, caseNumber, readers, actors] of [
      ['county', countyCase, READERS.county, ['leader.dc.dongcheng', 'officer.dc.dongcheng']],
      ['city', cityCase, READERS.city, ['leader.dc', 'officer.dc']],
    ] as const) {
      const status = acceptance(user, readers, actors);
      if (status === 200) continue;
      rows.push(`${user} ${name} ${(await http.post(`/cases/${caseNumber}/acceptance`, decline, user)).status}`);
      expected.push(`${user} ${name} ${status}`);
    }
  }
  expect(rows).toEqual(expected);
  // 重新指定 needs a case officer first: the county's own leader meets the stage, the city's meets 403.
  const reassign = { caseOfficer: 'officer.dc.dongcheng', reason: '原承办人回避' };
  expect((await http.post(`/cases/${countyCase}/reassignment`, reassign, 'leader.dc.dongcheng')).status).toBe(409);
  expect((await http.post(`/cases/${countyCase}/reassignment`, reassign, 'leader.dc')).status).toBe(403);
  const accepted = await http.post(
    `/cases/${countyCase}/acceptance`,
    { decision: 'accept', caseOfficer: 'officer.dc.dongcheng' },
    'leader.dc.dongcheng',
  );
  expect(accepted.status).toBe(200);
});

test('分办: the county party committee hands a case to its organisation department, which takes it over', async () => {
  const created = await http.post(
    '/cases',
    { submission: application({ unitId: 'dongcheng.jiefang', liability: 'both', handlingBody: 'partyCommittee' }) },
    'applicant.li',
  );
  expect(created.status).toBe(201);
  const s = { caseNumber: created.body?.caseNumber as string };
  const handOver = (to: string, user: string) =>
    http.post(`/cases/${s.caseNumber}/hand-over`, { to, reason: '按干部管理权限，由组织部门办理' }, user);

  expect((await handOver('organizationDepartment', 'leader.pc')).status).toBe(403);
  expect((await handOver('organizationDepartment', 'officer.pc.dongcheng')).status).toBe(403);
  expect((await handOver('organizationDepartment', 'leader.od.dongcheng')).status).toBe(404);
  const toItself = await handOver('partyCommittee', 'leader.pc.dongcheng');
  expect(toItself.status).toBe(409);
  expect(toItself.body?.detail).toBe(
    '此类事项只能分办给纪检监察机关案件监督管理室或组织部门干部监督室（科），不能分办给党委（党组）',
  );

  // The committee's leader reads the case first, so this API keeps its scope: the hand-over must drop it.
  expect((await http.get(`/cases/${s.caseNumber}`, 'leader.pc.dongcheng')).status).toBe(200);
  expect((await handOver('organizationDepartment', 'leader.pc.dongcheng')).status).toBe(200);

  expect((await http.get(`/cases/${s.caseNumber}`, 'leader.pc.dongcheng')).status).toBe(404);
  const decline = { decision: 'decline', reason: '不属于受理范围' };
  expect((await http.post(`/cases/${s.caseNumber}/acceptance`, decline, 'leader.pc.dongcheng')).status).toBe(404);
  expect((await http.get(`/cases/${s.caseNumber}`, 'leader.od')).status).toBe(200);
  const read = await http.get(`/cases/${s.caseNumber}`, 'leader.od.dongcheng');
  expect(read.status).toBe(200);
  expect(read.body?.handlingBody).toBe('organizationDepartment');
  const timeline = (await http.get(`/cases/${s.caseNumber}/timeline`, 'leader.od.dongcheng')).body?.timeline as {
    kind: string;
    summary: string;
  }[];
  expect(timeline.map((e) => e.kind)).toEqual(['submitted', 'handedOver']);
  expect(timeline[1].summary).toBe(
    '分办：由党委（党组）移交组织部门干部监督室（科）办理。理由：按干部管理权限，由组织部门办理',
  );
  const accepted = await http.post(
    `/cases/${s.caseNumber}/acceptance`,
    { decision: 'accept', caseOfficer: 'officer.od.dongcheng' },
    'leader.od.dongcheng',
  );
  expect(accepted.status).toBe(200);
  const listed = () =>
    http
      .get('/cases?limit=100&handlingBody=organizationDepartment', 'officer.od.dongcheng')
      .then((r) => (r.body?.cases as { caseNumber: string }[]).map((c) => c.caseNumber));
  await eventually(
    listed,
    (l) => l.includes(s.caseNumber),
    'the handed-over case in the organisation department’s list',
  );
});

test('submitting: a unit the tree does not hold is a 400, a unit of another level a 409, each naming the field', async () => {
  const unknown = await http.post('/cases', { submission: application({ unitId: 'atlantis.port' }) }, 'applicant.li');
  expect(unknown.status).toBe(400);
  expect(unknown.body?.errors).toEqual([
    { field: 'submission.unitId', message: '单位编号 “atlantis.port” 不在组织树中' },
  ]);
  const organisation = (unitId: string) => application({ origin: 'organization', unitId });
  const foreign = await http.post('/cases', { submission: organisation('city.finance') }, 'leader.dc.dongcheng');
  expect(foreign.status).toBe(409);
  expect(foreign.body?.errors).toEqual([
    { field: 'submission.unitId', message: '该单位属市，不属本机关（东城区）管辖，应向市的机关提出' },
  ]);
  const own = await http.post('/cases', { submission: organisation('dongcheng.jiefang') }, 'leader.dc.dongcheng');
  expect(own.status).toBe(201);
  expect((await http.get(`/cases/${own.body?.caseNumber}`, 'officer.dc')).status).toBe(200);
});

test('the tree: everyone signed in reads it, the operator alone replaces it, a bad one is refused entry by entry', async () => {
  const tree = JSON.parse(readFileSync(stack.orgTreeFile, 'utf8')) as OrgTree;
  expect((await http.get('/org-tree', 'operator')).body).toEqual(tree);
  const put = (body: unknown, user: string) => request(stack, 'PUT', '/org-tree', body, { as: user });

  expect((await put(tree, 'leader.dc')).status).toBe(403);
  const orphan = { levels: tree.levels.map((l) => (l.id === 'xicheng' ? { ...l, parent: 'province' } : l)) };
  const bad = await put(orphan, 'operator');
  expect(bad.status).toBe(400);
  expect(bad.body?.errors).toEqual([{ field: 'levels[2].parent', message: '上级层级 "province" 不在组织树中' }]);

  const grown = {
    levels: tree.levels.map((l) =>
      l.id === 'nanxian' ? { ...l, units: [...l.units, { id: 'nanxian.water', name: '南县水利局' }] } : l,
    ),
  };
  expect((await put(grown, 'operator')).status).toBe(200);
  expect(JSON.parse(readFileSync(stack.orgTreeFile, 'utf8'))).toEqual(grown);
  const water = application({ unitId: 'nanxian.water' }, 'applicant.wang');
  expect((await http.post('/cases', { submission: water }, 'applicant.wang')).status).toBe(201);
});
