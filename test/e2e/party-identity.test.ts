/**
 * 当事人标识: an official is identified by a validated 居民身份证号码 or cadre number, kept only sealed; a keyed blind
 * index of it (`PartyId`) finds every case of one person for the officers who may see them; an applicant applies
 * about themself only, or for a unit as its contact.
 */
import { PartyId } from '../../domain/search-attributes';
import type { Stack } from '../helpers/api';
import { api, eventually, startStack } from '../helpers/api';
import { application, IDENTIFIER_OF } from '../helpers/cases';

let stack: Stack;
let http: ReturnType<typeof api>;
const LI = IDENTIFIER_OF['applicant.li'];
const fields = (body: Record<string, any> | undefined) => (body?.errors as { field: string }[]).map((e) => e.field);

beforeAll(async () => {
  stack = await startStack();
  http = api(stack);
});

afterAll(() => stack?.stop());

test('an applicant applies about themself: another official’s identifier is refused', async () => {
  const res = await http.post('/cases', { submission: application({}, 'applicant.wang') }, 'applicant.li');
  expect(res.status).toBe(403);
  expect(res.body?.detail).toMatch(/本人/);
});

test('an applicant applies for a unit as its contact', async () => {
  const unit = application({
    party: { kind: 'unit', name: '东城区住房和城乡建设局', unit: '东城区住房和城乡建设局' },
    // applicant.li is the unit's contact in config/org-tree.json.
    unitId: 'dongcheng.housing',
  });
  expect((await http.post('/cases', { submission: unit }, 'applicant.li')).status).toBe(201);
});

test('an identifier with a wrong check character, or none for an official, is refused with the field named', async () => {
  const wrong = application({
    party: { kind: 'official', name: '李娜', unit: '某单位', identifier: '110105194912310021' },
  });
  const refused = await http.post('/cases', { submission: wrong }, 'applicant.li');
  expect(refused.status).toBe(400);
  expect(fields(refused.body)).toEqual(['submission.party.identifier']);
  expect(JSON.stringify(refused.body)).toContain('校验码不符');
  const { identifier: _none, ...party } = application().party;
  const missing = await http.post('/cases', { submission: { ...application(), party } }, 'applicant.li');
  expect(fields(missing.body)).toEqual(['submission.party.identifier']);
});

test('every case of one person is listed by their identifier, for the officers who may see them', async () => {
  // Typed with a lower-case x: normalised, so it is the same person.
  const typed = LI.toLowerCase();
  const own = application({ party: { kind: 'official', name: '李娜', unit: '某单位', identifier: typed } });
  const first = await http.post('/cases', { submission: own }, 'applicant.li');
  const second = await http.post('/cases', { submission: application() }, 'applicant.li');
  const other = await http.post('/cases', { submission: application({}, 'applicant.wang') }, 'applicant.wang');
  const mine = [first, second].map((r) => r.body?.caseNumber as string);
  expect((await http.get(`/cases/${mine[0]}`, 'officer.dc')).body?.submission.party.identifier).toBe(LI);

  const listed = await eventually(
    () => http.get(`/cases?party=${typed}&limit=100`, 'officer.dc'),
    (r) => mine.every((n) => r.body?.cases.some((c: { caseNumber: string }) => c.caseNumber === n)),
    'both cases of the person',
  );
  expect(listed.body?.cases.map((c: { caseNumber: string }) => c.caseNumber)).not.toContain(other.body?.caseNumber);
  // Another body's officer sees none of them; an operator may not search by person.
  expect((await http.get(`/cases?party=${LI}`, 'officer.od')).body?.cases).toEqual([]);
  expect((await http.get(`/cases?party=${LI}`, 'operator')).status).toBe(400);
  expect((await http.get('/cases?party=110105194912310021', 'officer.dc')).status).toBe(400);

  // The search attribute holds a keyed index, never the identifier.
  const described = await stack.env.client.workflow.getHandle(mine[0]).describe();
  const published = described.typedSearchAttributes.get(PartyId);
  expect(published).toMatch(/^pi-[0-9a-f]{32}$/);
  expect(JSON.stringify(described.raw.workflowExecutionInfo?.searchAttributes)).not.toContain(LI);
});
