/**
 * What the applicant reads of their case: every field of the full view is classified on purpose, and nothing of the
 * investigation file reaches them through any field.
 */
import type { CaseState, TimelineEntry } from '../../domain/case';
import { APPLICANT_FIELDS, applicantTimeline, applicantView, audienceOf } from '../../domain/audience-views';
import { caseOfficer, investigator, leader, report, secretary, submission } from '../helpers/cases';

const entry = (kind: TimelineEntry['kind'], summary: string, actor = caseOfficer): TimelineEntry => ({
  at: '2026-12-02T01:00:00.000Z',
  kind,
  summary,
  actor,
});

/** A concluded case with every field of the full view filled, each holding a marker the test can look for. */
const full: Required<CaseState> = {
  caseNumber: 'T-2026-0001',
  stage: 'aftercare',
  handlingBody: 'disciplineCommission',
  submission: submission({ caseNumber: 'T-2026-0001' }),
  applicantId: 'applicant.li',
  caseOfficer: 'officer.dc',
  handlingOpinion: { opinion: '内部拟办意见', route: 'investigate', approved: true },
  investigationTeam: ['investigator.dc', '调查组成员乙'],
  evidenceRefs: ['内部证据〔2026〕1号'],
  hearings: [{ heard: 'party', statementRef: '谈话笔录-party' }],
  report: { ...report('exempt'), summary: '调查结论内部摘要' },
  determination: {
    meetingDate: '2026-12-10',
    attendees: ['委员甲', '委员乙', '委员丙'],
    membersTotal: 5,
    outcome: 'exempt',
    reasoning: '会议内部理由',
    minutesRef: '会议纪要〔2026〕9号',
  },
  outcome: 'exempt',
  closure: 'decided',
  openObligations: ['personnelFile'],
  archiveReceipts: [
    {
      key: 'T-2026-0001/personnelFile',
      file: 'personnelFile',
      receiptId: '档案回执-1',
      archivedAt: '2026-12-11T01:00:00Z',
    },
  ],
  documents: [
    {
      id: 'decision-1',
      kind: 'decision',
      number: '宛纪容决〔2026〕3号',
      title: '关于对内部决定书标题的决定',
      issuedOn: '2026-12-10',
      addressee: '南阳市某区营商环境服务中心',
      toParty: false,
      sha256: { docx: 'a'.repeat(64), pdf: 'b'.repeat(64) },
    },
  ],
  impactPeriodEndsAt: '2027-06-10T16:00:00.000Z',
  followUpVisits: [{ visitedOn: '2026-12-20', note: '回访内部记录' }],
  pauses: [{ from: '2026-12-03T01:00:00.000Z', by: caseOfficer, reason: '暂停内部理由' }],
  clockPaused: false,
  allowedActions: [
    { action: 'recordFollowUpVisit', roles: ['caseOfficer'] },
    { action: 'clearName', roles: ['caseOfficer'] },
  ],
  deadlines: [],
  timeline: [
    entry('submitted', '当事人书面提出容错申请'),
    entry('accepted', '已受理，承办人：officer.dc'),
    entry('handlingOpinionSentBack', '拟办意见被退回：退回内部理由', leader),
    entry('hearingRecorded', '听取意见（谈话笔录-party）', investigator),
    entry('determined', '领导班子会议（到会 3/5）集体研究决定', secretary),
    entry('feedbackDelivered', '向干部本人及所在单位书面反馈结论（反馈书〔2026〕3号）'),
  ],
  decisionIds: ['decision-1'],
  sentBackReportRefs: ['退回报告〔2026〕1号'],
  pauseRequest: { at: '2026-12-04T01:00:00.000Z', by: caseOfficer, ground: 'other', reason: '申请暂停内部理由' },
  deferredTo: '2026-12-24',
  summary: '摘要内部',
};

const MARKERS = [
  '内部拟办意见',
  '调查组成员乙',
  '内部证据',
  '谈话笔录',
  '调查结论内部摘要',
  '委员甲',
  '会议内部理由',
  '档案回执',
  '内部决定书标题',
  '回访内部记录',
  '暂停内部理由',
  '退回内部理由',
  'officer.dc',
  'investigator.dc',
  'decision-1',
  '退回报告',
  '申请暂停内部理由',
  '2026-12-24',
  '摘要内部',
];

test('every field of the applicant’s view is one the classification shows; every other field is absent', () => {
  const view = applicantView(full);
  for (const field of Object.keys(view)) expect(APPLICANT_FIELDS[field as keyof CaseState]).toBe(true);
  for (const [field, shown] of Object.entries(APPLICANT_FIELDS)) if (!shown) expect(view).not.toHaveProperty(field);
});

test('the applicant never reads the findings, hearings, attendees, internal opinions, comments or officers', () => {
  const text = JSON.stringify(applicantView(full));
  for (const marker of MARKERS) {
    expect(JSON.stringify(full)).toContain(marker);
    expect(text).not.toContain(marker);
  }
});

test('the applicant reads the conclusion only once it has been told to them', () => {
  expect(applicantView(full)).toMatchObject({ outcome: 'exempt', closure: 'decided' });
  const deciding = applicantView({ ...full, stage: 'feedback' });
  expect(deciding).not.toHaveProperty('outcome');
  expect(deciding).not.toHaveProperty('closure');
});

test('the applicant’s timeline keeps the steps that concern them, in words meant for them, without actors', () => {
  expect(applicantTimeline(full.timeline)).toEqual([
    { at: full.timeline[0].at, kind: 'submitted', summary: '提出容错申请' },
    { at: full.timeline[1].at, kind: 'accepted', summary: '已受理' },
    { at: full.timeline[5].at, kind: 'feedbackDelivered', summary: '收到书面反馈结论' },
  ]);
});

test('the applicant is offered only the actions an applicant may take', () => {
  expect(applicantView(full).allowedActions).toEqual([]);
});

test('officers read the whole case, the applicant their own view', () => {
  expect(audienceOf('applicant')).toBe('applicant');
  for (const role of ['caseOfficer', 'investigator', 'approvingLeader', 'meetingSecretary'] as const) {
    expect(audienceOf(role)).toBe('officer');
  }
});
