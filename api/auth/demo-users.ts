/**
 * The people of development mode: one of each officer role in each handling body, two applicants and an operator,
 * so that every branch of the procedure can be walked by hand without an identity provider.
 */
import type { HandlingBody, Role } from '../../domain/case';
import type { Principal } from './principal';

const BODY_CODES: Readonly<Record<HandlingBody, { code: string; name: string }>> = {
  disciplineCommission: { code: 'dc', name: '纪检监察机关' },
  organizationDepartment: { code: 'od', name: '组织部门' },
  partyCommittee: { code: 'pc', name: '党委' },
};

const OFFICER_ROLES: readonly { role: Role; code: string; name: string }[] = [
  { role: 'caseOfficer', code: 'officer', name: '承办人' },
  { role: 'investigator', code: 'investigator', name: '调查组成员' },
  { role: 'approvingLeader', code: 'leader', name: '审批领导' },
  { role: 'meetingSecretary', code: 'secretary', name: '领导班子会议记录人' },
];

/** Every demo user; `sub` doubles as the login name shown by `GET /dev/tokens`. */
export const DEMO_USERS: readonly Principal[] = [
  ...(Object.keys(BODY_CODES) as HandlingBody[]).flatMap((body) =>
    OFFICER_ROLES.map(({ role, code, name }) => ({
      sub: `${code}.${BODY_CODES[body].code}`,
      role,
      body,
      name: `${BODY_CODES[body].name}${name}`,
    })),
  ),
  { sub: 'applicant.li', role: 'applicant', name: '李明（申请人）' },
  { sub: 'applicant.wang', role: 'applicant', name: '王芳（申请人）' },
  { sub: 'operator', role: 'operator', name: '系统运维' },
];
