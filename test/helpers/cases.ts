import type { Actor, Submission } from '../../domain/case';

let sequence = 0;

/** A fresh case number per call, so tests sharing a server never collide. */
export function nextCaseNumber(): string {
  sequence += 1;
  return `NY-2026-${String(process.pid % 1000).padStart(3, '0')}${String(sequence).padStart(3, '0')}`;
}

export const caseOfficer: Actor = { id: 'zhang.wei', role: 'caseOfficer', body: 'disciplineCommission' };
export const applicant: Actor = { id: 'li.na', role: 'applicant' };

/** A party's written application to the discipline commission under situation (5), 优化营商环境. */
export function submission(overrides: Partial<Submission> = {}): Submission {
  return {
    caseNumber: nextCaseNumber(),
    origin: 'application',
    party: { kind: 'official', name: '李娜', unit: '南阳市某区营商环境服务中心' },
    situation: 'businessEnvironment',
    liability: 'sanction',
    handlingBody: 'disciplineCommission',
    facts: '为企业容缺受理审批事项，后补齐材料，未造成损失。',
    evidenceRefs: ['宛营商〔2026〕12号'],
    preFiling: false,
    fastTrack: false,
    ...overrides,
  };
}
