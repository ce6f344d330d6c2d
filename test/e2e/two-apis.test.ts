/**
 * Two API processes over one Temporal server, one organisation tree file: a transfer (移送) made through one is
 * refused to the old level's actions through the other at once and hides the case from the old body there within
 * the scope cache's time; a tree one operator replaced through one is in force in the other once it next looks at
 * the file (each second). The bounds are the design's constants, not timed here: tests assert what, not how fast.
 */
import { readFileSync } from 'node:fs';

import type { OrgTree } from '../../domain/org-tree';
import type { Stack } from '../helpers/api';
import { api, eventually, request, startSecondApi, startStack } from '../helpers/api';
import { application } from '../helpers/cases';

let stack: Stack;
let second: Awaited<ReturnType<typeof startSecondApi>>;
let a: ReturnType<typeof api>;
let b: ReturnType<typeof api>;

beforeAll(async () => {
  stack = await startStack();
  second = await startSecondApi(stack);
  a = api(stack);
  b = api({ ...stack, baseUrl: second.baseUrl });
}, 120_000);

afterAll(async () => {
  await second?.stop();
  await stack?.stop();
});

const path = (n: string, rest = '') => `/cases/${encodeURIComponent(n)}${rest}`;

test('a case transferred through one API is refused to the old level through the other, and leaves its sight', async () => {
  const created = await a.post('/cases', { submission: application({ unitId: 'dongcheng.housing' }) }, 'applicant.li');
  expect(created.status).toBe(201);
  const n = created.body?.caseNumber as string;
  // The second process reads the case first, so it keeps its scope (东城区).
  expect((await b.get(path(n), 'leader.dc.dongcheng')).status).toBe(200);
  const moved = await a.post(
    path(n, '/transfer'),
    { to: 'disciplineCommission', toLevel: 'city', reason: '当事人系市管干部' },
    'leader.dc.dongcheng',
  );
  expect(moved.status).toBe(200);

  // Its stale scope lets the county's leader through the API's check; the workflow refuses by level at once.
  const declined = await b.post(
    path(n, '/acceptance'),
    { decision: 'decline', reason: '不属管辖' },
    'leader.dc.dongcheng',
  );
  expect(declined.status).toBe(403);
  expect(declined.body?.detail).toBe('本案由市办理，其他层级的人员不能办理本案的“受理或不予受理”');

  // Within the scope's time the second process asks the server again: the county no longer reads it, the city acts.
  await eventually(
    () => b.get(path(n), 'leader.dc.dongcheng').then((r) => r.status),
    (s) => s === 404,
    'the county losing the case in the second process',
  );
  const accepted = await b.post(path(n, '/acceptance'), { decision: 'accept', caseOfficer: 'officer.dc' }, 'leader.dc');
  expect(accepted.status).toBe(200);
});

test('a tree an operator replaced through one API is in force in the other without a restart', async () => {
  const tree = JSON.parse(readFileSync(stack.orgTreeFile, 'utf8')) as OrgTree;
  const grown = {
    levels: tree.levels.map((l) =>
      l.id === 'xicheng' ? { ...l, units: [...l.units, { id: 'xicheng.water', name: '西城区水务局' }] } : l,
    ),
  };
  // The second process has answered from the tree before the replacement.
  expect((await b.get('/org-tree/units/xicheng.water/competent-body?liability=sanction', 'applicant.li')).status).toBe(
    404,
  );
  expect((await request(stack, 'PUT', '/org-tree', grown, { as: 'operator' })).status).toBe(200);
  const proposal = await eventually(
    () => b.get('/org-tree/units/xicheng.water/competent-body?liability=sanction', 'applicant.li'),
    (r) => r.status === 200,
    'the new unit in the second process',
  );
  expect(proposal.body).toMatchObject({ level: 'xicheng', bodyName: '西城区纪委监委' });
  const submitted = await b.post('/cases', { submission: application({ unitId: 'xicheng.water' }) }, 'applicant.li');
  expect(submitted.status).toBe(201);
});
