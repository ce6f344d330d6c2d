/**
 * Routing and transfer through HTTP: the routing proposal (根据单位党组织隶属关系和干部管理权限), a submission about a
 * cadre the level above manages, 移送 of a misrouted case from 东城区纪委监委 to 市纪委监委 (the old body loses the case,
 * the new one gains it), the unit-contact rule for applicants, and the codec server's level check.
 */
import type { Payload } from '@temporalio/common';

import { payloadToJson } from '../../api/codec/codec-server';
import type { Stack } from '../helpers/api';
import { api, startStack } from '../helpers/api';
import { application } from '../helpers/cases';

let stack: Stack;
let http: ReturnType<typeof api>;

beforeAll(async () => {
  stack = await startStack({ codecOrigins: [] });
  http = api(stack);
}, 120_000);

afterAll(() => stack?.stop());

const path = (n: string, rest = '') => `/cases/${encodeURIComponent(n)}${rest}`;

test('the routing proposal names the competent level, body and office from the liability and cadre management', async () => {
  const sanction = await http.get(
    '/org-tree/units/dongcheng.housing/competent-body?liability=sanction',
    'applicant.li',
  );
  expect(sanction.status).toBe(200);
  expect(sanction.body).toEqual({
    unitId: 'dongcheng.housing',
    level: 'dongcheng',
    levelName: '东城区',
    body: 'disciplineCommission',
    bodyName: '东城区纪委监委',
    office: '案件监督管理室',
    accepted: ['disciplineCommission', 'partyCommittee'],
  });
  const above = await http.get(
    '/org-tree/units/dongcheng.housing/competent-body?liability=organizationalHandling&cadreAuthority=levelAbove',
    'leader.od',
  );
  expect(above.body).toMatchObject({ level: 'city', body: 'organizationDepartment', bodyName: '市委组织部' });
  const unknown = await http.get('/org-tree/units/atlantis.port/competent-body?liability=both', 'applicant.li');
  expect(unknown.status).toBe(404);
  expect(unknown.body?.detail).toBe('单位编号 “atlantis.port” 不在组织树中');
  const bad = await http.get('/org-tree/units/dongcheng.housing/competent-body?liability=fine', 'applicant.li');
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body)).toContain('liability');
});

test('a cadre the city manages is handled at the city: the city’s body reads the case, the county’s does not', async () => {
  const created = await http.post(
    '/cases',
    { submission: application({ unitId: 'dongcheng.housing', cadreAuthority: 'levelAbove' }) },
    'applicant.li',
  );
  expect(created.status).toBe(201);
  const n = created.body?.caseNumber as string;
  expect((await http.get(path(n), 'officer.dc')).status).toBe(200);
  expect((await http.get(path(n), 'officer.dc.dongcheng')).status).toBe(404);
  // An officer of the county submitting about such a cadre is told which level is competent, naming the field.
  const county = await http.post(
    '/cases',
    {
      submission: application({ origin: 'organization', unitId: 'dongcheng.housing', cadreAuthority: 'levelAbove' }),
    },
    'leader.dc.dongcheng',
  );
  expect(county.status).toBe(409);
  expect(county.body?.errors).toEqual([
    { field: 'submission.unitId', message: '该干部按干部管理权限由市管理，不属本机关（东城区）管辖，应向市的机关提出' },
  ]);
  // A unit party has no cadre management of its own.
  const unit = await http.post(
    '/cases',
    {
      submission: application({
        party: { kind: 'unit', name: '东城区住房和城乡建设局', unit: '东城区住房和城乡建设局' },
        unitId: 'dongcheng.housing',
        cadreAuthority: 'levelAbove',
      }),
    },
    'applicant.li',
  );
  expect(unit.status).toBe(400);
  expect(unit.body?.errors).toEqual([{ field: 'submission.cadreAuthority', message: '干部管理权限只对干部个人填写' }]);
});

test('移送: the county’s commission transfers a misrouted case to the city’s, which gains it while the county loses it', async () => {
  const created = await http.post(
    '/cases',
    { submission: application({ unitId: 'dongcheng.housing' }) },
    'applicant.li',
  );
  const n = created.body?.caseNumber as string;
  const transfer = (body: unknown, user: string) => http.post(path(n, '/transfer'), body, user);
  const toCity = { to: 'disciplineCommission', toLevel: 'city', reason: '当事人系市管干部，按干部管理权限移送' };

  // Read first, so this API keeps the case's scope: the transfer must drop it.
  expect((await http.get(path(n), 'leader.dc.dongcheng')).status).toBe(200);
  expect((await transfer(toCity, 'officer.dc.dongcheng')).status).toBe(403);
  // The city's commission supervises the county case, but does not act on it.
  expect((await transfer(toCity, 'leader.dc')).status).toBe(403);
  const nowhere = await transfer({ ...toCity, toLevel: 'province' }, 'leader.dc.dongcheng');
  expect(nowhere.status).toBe(400);
  expect(nowhere.body?.errors).toEqual([{ field: 'toLevel', message: '层级编号 “province” 不在组织树中' }]);
  const wrongBody = await transfer({ ...toCity, to: 'organizationDepartment' }, 'leader.dc.dongcheng');
  expect(wrongBody.status).toBe(409);

  expect((await transfer(toCity, 'leader.dc.dongcheng')).status).toBe(200);
  expect((await http.get(path(n), 'leader.dc.dongcheng')).status).toBe(404);
  const decline = { decision: 'decline', reason: '不属本机关管辖' };
  expect((await http.post(path(n, '/acceptance'), decline, 'leader.dc.dongcheng')).status).toBe(404);
  const timeline = (await http.get(path(n, '/timeline'), 'leader.dc')).body?.timeline as { summary: string }[];
  expect(timeline.map((e) => e.summary)).toContain(
    '移送：由东城区纪委监委移送市纪委监委办理。理由：当事人系市管干部，按干部管理权限移送',
  );
  const accepted = await http.post(
    path(n, '/acceptance'),
    { decision: 'accept', caseOfficer: 'officer.dc' },
    'leader.dc',
  );
  expect(accepted.status).toBe(200);
  expect(accepted.body?.state?.stage ?? accepted.body?.stage).toBe('handlingOpinion');
  // The applicant still reads their case, told only that it went elsewhere.
  const own = await http.get(path(n, '/timeline'), 'applicant.li');
  expect(JSON.stringify(own.body)).toContain('案件已移送其他机关办理');
  expect(JSON.stringify(own.body)).not.toContain('市管干部');
});

test('an applicant applies for a unit only as its contact, and must name the unit', async () => {
  const unitParty = { kind: 'unit', name: '东城区住房和城乡建设局', unit: '东城区住房和城乡建设局' } as const;
  const forUnit = (unitId: string | undefined, user: string) =>
    http.post('/cases', { submission: application({ party: unitParty, ...(unitId ? { unitId } : {}) }) }, user);
  expect((await forUnit('dongcheng.housing', 'applicant.li')).status).toBe(201);
  const notContact = await forUnit('dongcheng.housing', 'applicant.wang');
  expect(notContact.status).toBe(403);
  expect(notContact.body?.detail).toBe(
    '申请人只能为本人（令牌所载身份证件号码）提出申请，或作为东城区住房和城乡建设局的单位联系人为该单位提出申请',
  );
  expect((await forUnit('xicheng.education', 'applicant.li')).status).toBe(403);
  const unnamed = await forUnit(undefined, 'applicant.li');
  expect(unnamed.status).toBe(400);
  expect(unnamed.body?.errors?.[0]?.field).toBe('submission.unitId');
  // The contacts are the operators' list: other callers read the tree without them.
  expect(JSON.stringify((await http.get('/org-tree', 'applicant.wang')).body)).not.toContain('contacts');
  expect(JSON.stringify((await http.get('/org-tree', 'operator')).body)).toContain('"contacts":["applicant.li"]');
});

test('the codec server decodes a county case for its commission and the city’s, never a city case for the county, and follows a transfer', async () => {
  const county = await http.post(
    '/cases',
    { submission: application({ unitId: 'dongcheng.housing' }) },
    'applicant.li',
  );
  const city = await http.post('/cases', { submission: application({ unitId: 'city.finance' }) }, 'applicant.li');
  const input = async (n: string) => {
    const { history } = await stack.env.client.workflowService.getWorkflowExecutionHistory({
      namespace: 'default',
      execution: { workflowId: n },
    });
    return (history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? []) as Payload[];
  };
  const decodes = async (n: string, as: string) => {
    const sent = (await input(n)).map(payloadToJson);
    const res = await fetch(`${stack.baseUrl}/codec/decode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.tokens[as]}` },
      body: JSON.stringify({ payloads: sent }),
    });
    expect(res.status).toBe(200);
    const answered = ((await res.json()) as { payloads: unknown[] }).payloads;
    return JSON.stringify(answered) !== JSON.stringify(sent);
  };
  const countyCase = county.body?.caseNumber as string;
  const cityCase = city.body?.caseNumber as string;
  expect(await decodes(countyCase, 'officer.dc.dongcheng')).toBe(true);
  expect(await decodes(countyCase, 'officer.dc')).toBe(true);
  expect(await decodes(cityCase, 'officer.dc')).toBe(true);
  expect(await decodes(cityCase, 'officer.dc.dongcheng')).toBe(false);
  expect(await decodes(countyCase, 'officer.od.dongcheng')).toBe(false);

  // Transferred to the city, the case's payloads (sealed before and after) go with it: the county no longer decodes.
  const moved = await http.post('/cases', { submission: application({ unitId: 'dongcheng.housing' }) }, 'applicant.li');
  const movedCase = moved.body?.caseNumber as string;
  const transferred = await http.post(
    path(movedCase, '/transfer'),
    { to: 'disciplineCommission', toLevel: 'city', reason: '当事人系市管干部' },
    'leader.dc.dongcheng',
  );
  expect(transferred.status).toBe(200);
  expect(await decodes(movedCase, 'officer.dc.dongcheng')).toBe(false);
  expect(await decodes(movedCase, 'officer.dc')).toBe(true);
});
