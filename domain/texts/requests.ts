/**
 * What the case API tells an officer or applicant about their request: a field that does not meet its form, a
 * list they may not filter, a submission they may not make. The procedure's own refusals are in `refusals.ts`.
 */

/** A field's complaint, as the request's `errors` list names it beside the field. */
export const FIELD_TEXTS = {
  /** A lone surrogate in a text field. */
  loneSurrogate: '含有不完整的 Unicode 字符（孤立代理项）',
  /** A case number not in the office's form. */
  caseNumberForm: '案件编号形如 宛纪容〔2026〕12号',
  /** An official as party without their identifier. */
  identifierRequired: '当事人为干部个人时须填写其居民身份证号码或干部编号',
  /** An identifier that is neither a valid 居民身份证号码 nor a cadre number. */
  identifierInvalid: '须为有效的居民身份证号码或干部编号',
  /** A unit id not in the organisation tree's form. */
  unitIdForm: '单位编号须取自组织树（GET /org-tree）',
  /** A unit as party with a personal identifier. */
  unitWithoutIdentifier: '单位当事人不填写个人身份标识',
  /** A reassignment that names neither a case officer nor a team. */
  reassignmentTarget: '须指定承办人或调查组',
  /** 六个方面察看: one assessment for each aspect. */
  sixAspects: '六个方面须各有一项察看结论',
  /** 不该容的情形: one finding for each item of the negative list. */
  negativeListFindings: 'one finding for each item of the negative list (不该容的情形)',
  /** A deferral to a date not after the meeting. */
  deferredAfterMeeting: '再次研究的日期须晚于本次会议日期',
  /** A pause on the ground 其他 without its reason. */
  pauseReason: '以“其他”情形暂停计时的，须写明理由',
  /** A query parameter that is not a whole number. */
  wholeNumber: '须为整数',
  /** 快查快结 and 事前申请 are the accepting office's to establish. */
  officeSet: '由受理机关在受理时认定，申请人不得填写',
  /** A list filter an operator may not use. */
  operatorFilter: '运维人员不能使用此筛选条件',
  /** A cursor this list did not give. */
  foreignCursor: '不是本列表返回的 nextCursor',
} as const;

/** The details of the case API's own problems. */
export const CASE_REQUEST_TEXTS = {
  /** A role that sees no case list. */
  listNotPermitted: '该角色不能查看案件列表',
  /** An operator sees case numbers only. */
  operatorFilters: '运维人员只能查看案件编号，不能按阶段、机关、期限或结论筛选',
  /** A cursor that cannot be opened. */
  invalidCursor: '翻页标记无效，请从第一页重新查询',
  /** An applicant applies for themselves, or as the contact of a unit. */
  applicantForOthers: '申请人只能为本人（令牌所载身份证件号码）提出申请，或作为单位联系人为单位提出申请',
  /** The daily bound of submissions per applicant. */
  dailyQuota: (perDay: number) => `每位申请人每天最多提出 ${perDay} 件申请，今日已达上限，请明日再提出`,
} as const;
