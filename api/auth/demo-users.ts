/**
 * The people of development mode: one of each officer role in each handling body at the city level, a case
 * officer and an approving leader of each body of 东城区 (a level below, `config/org-tree.json`), two applicants
 * and an operator, so that every branch of the procedure and of jurisdiction can be walked by hand without an
 * identity provider.
 */
import type { HandlingBody, Role } from '../../domain/case';
import { ROLE_NAMES } from '../../domain/texts';
import type { Principal } from './principal';

const BODY_CODES: Readonly<Record<HandlingBody, { code: string; name: string }>> = {
  disciplineCommission: { code: 'dc', name: '纪检监察机关' },
  organizationDepartment: { code: 'od', name: '组织部门' },
  partyCommittee: { code: 'pc', name: '党委' },
};

const OFFICER_ROLES: readonly { role: Role; code: string }[] = [
  { role: 'caseOfficer', code: 'officer' },
  { role: 'investigator', code: 'investigator' },
  { role: 'approvingLeader', code: 'leader' },
  { role: 'meetingSecretary', code: 'secretary' },
];

/** The county-level demo officers' level and the roles they hold. */
const COUNTY = { level: 'dongcheng', name: '东城区' } as const;
const COUNTY_ROLES: readonly Role[] = ['caseOfficer', 'approvingLeader'];

/** Every demo user; `sub` doubles as the login name shown by `GET /dev/tokens`. */
export const DEMO_USERS: readonly Principal[] = [
  ...(Object.keys(BODY_CODES) as HandlingBody[]).flatMap((body) =>
    OFFICER_ROLES.map(({ role, code }) => ({
      sub: `${code}.${BODY_CODES[body].code}`,
      role,
      body,
      name: `${BODY_CODES[body].name}${ROLE_NAMES[role]}`,
    })),
  ),
  ...(Object.keys(BODY_CODES) as HandlingBody[]).flatMap((body) =>
    OFFICER_ROLES.filter(({ role }) => COUNTY_ROLES.includes(role)).map(({ role, code }) => ({
      sub: `${code}.${BODY_CODES[body].code}.${COUNTY.level}`,
      role,
      body,
      level: COUNTY.level,
      name: `${COUNTY.name}${BODY_CODES[body].name}${ROLE_NAMES[role]}`,
    })),
  ),
  // Each applicant's own resident ID number (valid check characters, made-up persons): they apply about themselves.
  { sub: 'applicant.li', role: 'applicant', name: '李明（申请人）', identifier: '11010519491231002X' },
  { sub: 'applicant.wang', role: 'applicant', name: '王芳（申请人）', identifier: '110101199003074477' },
  { sub: 'operator', role: 'operator', name: '系统运维' },
];
