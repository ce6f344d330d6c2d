/**
 * The written documents a case issues (issue 16 §3): one kind for every step the seed makes written, each with its
 * name, the family whose series numbers it (宛纪容决〔2026〕3号: 决 is the family's 代字), and whether it is addressed
 * to the party, which decides whether the applicant may read it.
 */

/** Every kind of document, in the order of the procedure. */
export const DOCUMENT_KINDS = [
  'acceptanceNotice',
  'declineNotice',
  'handlingOpinionForm',
  'rectificationNotice',
  'investigationReport',
  'decision',
  'feedbackLetter',
  'announcement',
  'nameClearingLetter',
  'followUpRecord',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What a kind is called, who receives it, and the series that numbers it. */
export interface DocumentKindRule {
  /** 文种: the document's name (受理通知书 …). */
  readonly name: string;
  /** The series' 代字, put after the body's (宛纪容 + 决). */
  readonly familyCode: string;
  /** The series' code in the numbering workflow's ID (`numbering/<body>/<year>/<family>`). */
  readonly family: string;
  /** Addressed to the party and their unit: the applicant receives it and may download it. */
  readonly toParty: boolean;
  /** Issued under the body's seal; internal forms and records (呈批表, 报告, 回访记录) carry none. */
  readonly sealed: boolean;
}

export const DOCUMENT_KIND_RULES: Readonly<Record<DocumentKind, DocumentKindRule>> = {
  acceptanceNotice: { name: '受理通知书', familyCode: '受', family: 'acceptance', toParty: true, sealed: true },
  declineNotice: { name: '不予受理通知书', familyCode: '受', family: 'acceptance', toParty: true, sealed: true },
  handlingOpinionForm: { name: '拟办意见呈批表', familyCode: '批', family: 'opinion', toParty: false, sealed: false },
  rectificationNotice: { name: '整改通知书', familyCode: '改', family: 'rectification', toParty: true, sealed: true },
  investigationReport: { name: '调查核实报告', familyCode: '查', family: 'report', toParty: false, sealed: false },
  decision: { name: '容错纠错免责减责决定书', familyCode: '决', family: 'decision', toParty: false, sealed: true },
  feedbackLetter: { name: '书面反馈意见书', familyCode: '反', family: 'feedback', toParty: true, sealed: true },
  announcement: { name: '通报', familyCode: '通', family: 'announcement', toParty: false, sealed: true },
  nameClearingLetter: { name: '澄清正名函', familyCode: '澄', family: 'nameClearing', toParty: true, sealed: true },
  followUpRecord: { name: '回访记录', familyCode: '访', family: 'followUp', toParty: false, sealed: false },
};
