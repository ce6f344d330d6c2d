/**
 * One request of every kind of document, as a case of the discipline commission would hand it over: the unit tests
 * build and render these, and `npm run documents:samples` renders their first pages into docs/documents/.
 */
import type { Determination, InvestigationReport } from '../../domain/case';
import type { DocumentKind } from '../../domain/documents/kinds';
import type { DocumentDetail, DocumentRequest } from '../../domain/documents/request';
import { report as testReport } from './cases';

export const SAMPLE_CASE_NUMBER = '宛纪容〔2026〕12号';

/** A report with findings in words, recommending a reduction. */
const FINDINGS = {
  motive: '出于公心，为企业抢抓工期，无谋取私利情形，事后主动说明并整改。',
  objectiveConditions: '项目工期紧迫，审批材料一时难以齐备，属情况特殊紧急。',
  procedure: '经中心班子集体研究后实施容缺受理，并及时向上级报告。',
  natureAndDegree: '属程序不够规范的一般性失误，情节轻微。',
  consequences: '未造成经济损失，企业按期开工，群众反映良好。',
  personalRecord: '一贯表现良好，初次出现此类失误，主动配合调查。',
} as const;

const REPORT: InvestigationReport = {
  ...testReport('reduce'),
  assessments: testReport('reduce').assessments.map((a) => ({ ...a, finding: FINDINGS[a.aspect] })),
  reportRef: '调查组报告〔2026〕4号',
  summary: '经调查核实，容缺受理系为企业抢抓工期，事后已补齐全部审批材料，未造成经济损失。',
};

const DETERMINATION: Determination = {
  meetingDate: '2026-11-20',
  attendees: ['书记', '副书记', '常委甲', '常委乙', '常委丙', '常委丁'],
  membersTotal: 7,
  outcome: 'reduce',
  impactPeriodMonths: 6,
  reduction: 'lighter',
  residualMeasure: '诫勉谈话',
  reasoning: '出于公心、担当尽责，及时补救，未造成重大损失，符合容错情形。',
  minutesRef: '会议纪要〔2026〕9号',
  reportRef: '调查组报告〔2026〕4号',
  relatedOfficials: [{ name: '王强', post: '区营商环境服务中心主任', responsibilities: ['leadership'] }],
  votesFor: 6,
  votesAgainst: 0,
};

const DETAILS: Readonly<Record<DocumentKind, DocumentDetail>> = {
  acceptanceNotice: { kind: 'acceptanceNotice', submittedOn: '2026-11-02', caseOfficer: '张敏' },
  declineNotice: {
    kind: 'declineNotice',
    submittedOn: '2026-11-02',
    reason: '所涉事项已由上级纪委监委立案审查，不属于本机关受理范围。',
  },
  handlingOpinionForm: {
    kind: 'handlingOpinionForm',
    acceptedOn: '2026-11-03',
    caseOfficer: '张敏',
    facts: '为企业容缺受理审批事项，后补齐材料，未造成损失。',
    opinion: '拟成立调查组，全面核实容缺受理的决策过程和补救情况。',
    route: 'investigate',
    approvedBy: '纪委副书记刘洋',
    comment: '同意，按程序办理。',
  },
  rectificationNotice: {
    kind: 'rectificationNotice',
    talkedOn: '2026-11-05',
    talkedBy: '纪委副书记刘洋',
    ordered: '补齐容缺受理的全部审批材料，完善容缺受理登记台账。',
    dueOn: '2026-11-19',
    workingDays: 10,
  },
  investigationReport: {
    kind: 'investigationReport',
    facts: '为企业容缺受理审批事项，后补齐材料，未造成损失。',
    report: REPORT,
    team: ['陈刚', '周丽'],
    hearings: ['party', 'unit'],
    evidenceCount: 5,
  },
  decision: {
    kind: 'decision',
    facts: '为企业容缺受理审批事项，后补齐材料，未造成损失。',
    determination: DETERMINATION,
    reportNumber: '宛纪容查〔2026〕4号',
  },
  feedbackLetter: { kind: 'feedbackLetter', determination: DETERMINATION, decisionNumber: '宛纪容决〔2026〕3号' },
  announcement: {
    kind: 'announcement',
    scope: '南阳市某区营商环境服务中心',
    form: '会议通报',
    outcome: 'reduce',
    decidedOn: '2026-11-20',
    decisionNumber: '宛纪容决〔2026〕3号',
  },
  nameClearingLetter: {
    kind: 'nameClearingLetter',
    scope: '南阳市某区营商环境服务中心',
    method: '召开干部大会',
    closure: 'unfounded',
    finding: '查无实据',
  },
  followUpRecord: {
    kind: 'followUpRecord',
    visitedOn: '2026-12-01',
    note: '本人思想稳定，已汲取教训，工作积极主动，放下包袱、轻装上阵。',
    conclusion: '减责（从轻追究责任，仍需承担：诫勉谈话）',
  },
};

/** The request of a `kind` document of the sample case, issued on `issuedOn`. */
export function sampleRequest(kind: DocumentKind, issuedOn = '2026-12-02'): DocumentRequest {
  return {
    caseNumber: SAMPLE_CASE_NUMBER,
    id: `${kind}-1`,
    issuedOn,
    handlingBody: 'disciplineCommission',
    party: { kind: 'official', name: '李娜', unit: '南阳市某区营商环境服务中心' },
    situation: 'businessEnvironment',
    origin: 'application',
    fastTrack: false,
    detail: DETAILS[kind],
  };
}
