/**
 * The procedure table's rules, without any server: which actions each point of a case opens, that every action is
 * reachable by exactly one message and listed by exactly one stage, and that the API loads no workflow code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { STAGES } from '../../domain/case';
import { DECISION_ACTIONS, DECISION_NAMES, UPDATE_NAMES } from '../../domain/messages';
import type { ProcedureFacts } from '../../domain/procedure';
import { ACTIONS, CASE_ACTIONS, openActions, STAGE_RULES, THROUGHOUT } from '../../domain/procedure';

const facts = (over: Partial<ProcedureFacts>): ProcedureFacts => ({
  stage: 'acceptance',
  hearings: [],
  openObligations: [],
  announced: false,
  pauses: [],
  deadlines: [],
  ...over,
});

test('every action is listed by exactly one stage, or is open throughout the case', () => {
  const listed = [...STAGES.flatMap((s) => STAGE_RULES[s].actions), ...THROUGHOUT];
  expect([...listed].sort()).toEqual([...CASE_ACTIONS].sort());
});

test('every action is taken by exactly one message: an Update of its name or a leadership decision', () => {
  const taken = [...UPDATE_NAMES, ...DECISION_NAMES.flatMap((n) => DECISION_ACTIONS[n])];
  expect([...taken].sort()).toEqual([...CASE_ACTIONS].sort());
});

test('every action names its clause of the seed and a Chinese label', () => {
  for (const action of CASE_ACTIONS) {
    expect({ action, label: /\p{Script=Han}/u.test(ACTIONS[action].label) }).toEqual({ action, label: true });
    expect({ action, clause: ACTIONS[action].clause.length > 4 }).toEqual({ action, clause: true });
  }
});

test('a new case opens only its acceptance, or its transfer (移送) to the competent body', () => {
  expect(openActions(facts({}))).toEqual(['decideAcceptance', 'transfer']);
});

test('an investigation without a team opens only forming one, exclusion and direct closure (and reassignment)', () => {
  expect(openActions(facts({ stage: 'investigation', caseOfficer: 'officer.dc' }))).toEqual([
    'formInvestigationTeam',
    'exclude',
    'closeDirectly',
    'reassign',
  ]);
});

test('the report opens only once both the official and the unit have been heard', () => {
  const heardOnce = facts({ stage: 'investigation', investigationTeam: ['甲', '乙'], hearings: [{ heard: 'party' }] });
  expect(openActions(heardOnce)).not.toContain('submitInvestigationReport');
  const heardBoth = { ...heardOnce, hearings: [{ heard: 'party' as const }, { heard: 'unit' as const }] };
  expect(openActions(heardBoth)).toContain('submitInvestigationReport');
});

test('after an exemption the consultation comes before the announcement, and a name is cleared only after it', () => {
  const decided = facts({ stage: 'aftercare', outcome: 'exempt', openObligations: ['followUpVisit'] });
  expect(openActions(decided)).toEqual(['recordFollowUpVisit', 'recordConsultation']);
  expect(openActions({ ...decided, consultation: { partyAgrees: true } })).toEqual(['recordFollowUpVisit', 'announce']);
  const excluded = facts({
    stage: 'aftercare',
    openObligations: ['nameClearing'],
    consultation: { partyAgrees: true },
  });
  // The party may be asked again while the name clearing is still owed: they may change their mind.
  expect(openActions(excluded)).toEqual(['recordConsultation', 'clearName']);
});

test('a favourable decision owes its announcement: announced once the party agrees, or why not recorded', () => {
  const owed = facts({ stage: 'aftercare', outcome: 'exempt', openObligations: ['announcement'] });
  expect(openActions(owed)).toEqual(['recordConsultation', 'waiveAnnouncement']);
  const disagrees = { ...owed, consultation: { partyAgrees: false } };
  expect(openActions(disagrees)).toEqual(['recordConsultation', 'waiveAnnouncement']);
  const agrees = { ...owed, consultation: { partyAgrees: true } };
  expect(openActions(agrees)).toEqual(['recordConsultation', 'announce', 'waiveAnnouncement']);
  expect(openActions({ ...agrees, openObligations: [], announced: true })).toEqual([]);
});

test('a running clock can be paused, a paused one resumed, and a closed case opens nothing', () => {
  const running = facts({ stage: 'handlingOpinion', caseOfficer: 'o', deadlines: [{ status: 'running' }] });
  expect(openActions(running)).toEqual(['proposeHandlingOpinion', 'reassign', 'pauseClock']);
  expect(openActions({ ...running, pauses: [{}] })).toEqual(['proposeHandlingOpinion', 'reassign', 'resumeClock']);
  expect(openActions({ ...running, stage: 'closed' })).toEqual([]);
});

test('the API loads no workflow code: no module under api/ imports from workflows/', () => {
  const root = path.join(__dirname, '..', '..', 'api');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const full = path.join(dir, f);
      return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
    });
  const offending = files(root).filter((f) => /from '(\.\.\/)+workflows\//.test(readFileSync(f, 'utf8')));
  expect(offending.map((f) => path.relative(root, f))).toEqual([]);
});
