import type { Principal } from '../../api/auth';
import {
  actorOf,
  canAct,
  canListCases,
  canLoadCalendar,
  canReadCase,
  canSubmit,
  listScope,
  statisticsScope,
} from '../../api/auth/policy';
import { ACTION_ROLES, CASE_ACTIONS } from '../../domain/procedure';
import type { HandlingBody, Role } from '../../domain/case';
import { HANDLING_BODIES } from '../../domain/case';

const OFFICER_ROLES: readonly Role[] = ['caseOfficer', 'investigator', 'approvingLeader', 'meetingSecretary'];

/** Every principal the claims allow: each officer role in each body, an applicant, an operator. */
const PRINCIPALS: readonly Principal[] = [
  ...OFFICER_ROLES.flatMap((role) => HANDLING_BODIES.map((body) => ({ sub: `${role}.${body}`, role, body }))),
  { sub: 'applicant.li', role: 'applicant' },
  { sub: 'operator', role: 'operator' },
];

const label = (p: Principal) => `${p.role}${p.body ? `@${p.body}` : ''}`;

describe('canAct: the role is in ACTION_ROLES and the body is the case’s', () => {
  test('for every action × principal × case body', () => {
    const wrong: string[] = [];
    for (const action of CASE_ACTIONS) {
      const roles: readonly Role[] = ACTION_ROLES[action];
      for (const p of PRINCIPALS) {
        for (const caseBody of HANDLING_BODIES) {
          const expected = roles.includes(p.role) && p.body === caseBody;
          const actual = canAct(p, action, { handlingBody: caseBody, applicantId: p.sub });
          if (actual !== expected) wrong.push(`${action} by ${label(p)} on ${caseBody}: ${actual}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  test('applicants and operators take no action, even on their own case', () => {
    for (const action of CASE_ACTIONS) {
      for (const p of PRINCIPALS.filter((x) => x.role === 'applicant' || x.role === 'operator')) {
        expect(canAct(p, action, { handlingBody: 'partyCommittee', applicantId: p.sub })).toBe(false);
      }
    }
  });

  test('every action can be taken by someone in every body', () => {
    for (const action of CASE_ACTIONS) {
      for (const body of HANDLING_BODIES) {
        expect(PRINCIPALS.some((p) => canAct(p, action, { handlingBody: body }))).toBe(true);
      }
    }
  });
});

describe('canReadCase', () => {
  const disciplineCase = { handlingBody: 'disciplineCommission' as HandlingBody, applicantId: 'applicant.li' };

  // Readers of a discipline-commission case applied for by applicant.li.
  test.each([
    ['caseOfficer@disciplineCommission', true],
    ['investigator@disciplineCommission', true],
    ['approvingLeader@disciplineCommission', true],
    ['meetingSecretary@disciplineCommission', true],
    ['caseOfficer@organizationDepartment', false],
    ['approvingLeader@partyCommittee', false],
    ['meetingSecretary@organizationDepartment', false],
    ['applicant', true],
    ['operator', false],
  ])('%s: %s', (who, expected) => {
    const p = PRINCIPALS.find((x) => label(x) === who) as Principal;
    expect(canReadCase(p, disciplineCase)).toBe(expected);
  });

  test('an applicant reads only a case whose applicant it is', () => {
    const li: Principal = { sub: 'applicant.li', role: 'applicant' };
    expect(canReadCase(li, { handlingBody: 'partyCommittee', applicantId: 'applicant.wang' })).toBe(false);
    expect(canReadCase(li, { handlingBody: 'partyCommittee' })).toBe(false);
  });
});

describe('canSubmit', () => {
  test.each([
    // who, origin, addressed to, allowed
    ['applicant', 'application', 'disciplineCommission', true],
    ['applicant', 'organization', 'disciplineCommission', false],
    ['caseOfficer@disciplineCommission', 'organization', 'disciplineCommission', true],
    ['approvingLeader@partyCommittee', 'organization', 'partyCommittee', true],
    ['caseOfficer@organizationDepartment', 'organization', 'disciplineCommission', false],
    ['caseOfficer@disciplineCommission', 'application', 'disciplineCommission', false],
    ['investigator@disciplineCommission', 'organization', 'disciplineCommission', false],
    ['meetingSecretary@partyCommittee', 'organization', 'partyCommittee', false],
    ['operator', 'organization', 'partyCommittee', false],
    ['operator', 'application', 'partyCommittee', false],
  ] as const)('%s submitting an %s case to %s: %s', (who, origin, handlingBody, expected) => {
    const p = PRINCIPALS.find((x) => label(x) === who) as Principal;
    expect(canSubmit(p, { origin, handlingBody })).toBe(expected);
  });
});

describe('lists, calendar, actor', () => {
  test('officers list their own body, applicants their own cases, operators all case numbers', () => {
    for (const p of PRINCIPALS) {
      expect(canListCases(p)).toBe(true);
      const scope = listScope(p);
      if (p.role === 'operator') expect(scope).toEqual({ kind: 'all', codesOnly: true });
      else if (p.role === 'applicant') expect(scope).toEqual({ kind: 'applicant', applicantIds: [p.sub] });
      else expect(scope).toEqual({ kind: 'body', handlingBody: p.body });
    }
  });

  test('figures and the register are for officers, over their list scope; operators and applicants get none', () => {
    for (const p of PRINCIPALS) {
      expect({ who: label(p), scope: statisticsScope(p) }).toEqual({
        who: label(p),
        scope: p.body ? listScope(p) : undefined,
      });
    }
    const county = { sub: 'officer.dc.dongcheng', role: 'caseOfficer', body: 'disciplineCommission' } as const;
    expect(statisticsScope({ ...county, level: 'dongcheng', supervises: [] })).toEqual({
      kind: 'body',
      handlingBody: 'disciplineCommission',
      levels: ['dongcheng'],
    });
  });

  test('only operators load holiday calendars', () => {
    expect(PRINCIPALS.filter(canLoadCalendar).map((p) => p.role)).toEqual(['operator']);
  });

  test('the actor is the principal without its display name', () => {
    expect(actorOf({ sub: 'leader.pc', role: 'approvingLeader', body: 'partyCommittee', name: '审批领导' })).toEqual({
      id: 'leader.pc',
      role: 'approvingLeader',
      body: 'partyCommittee',
    });
    expect(actorOf({ sub: 'applicant.li', role: 'applicant' })).toEqual({ id: 'applicant.li', role: 'applicant' });
  });
});
