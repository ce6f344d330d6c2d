/**
 * The words of the register (台账) and of the statistics (统计) as officers read them in the JSON figures and the
 * XLSX workbook (column headers, the figures' names, the values written for codes the labels do not name), and
 * what `GET /statistics` and `GET /register.xlsx` answer a request they refuse.
 */

/** The outcome column of a case the leadership meeting has not decided. */
export const NO_OUTCOME_NAME = '未作出认定';

/** The conclusion column of a case declined at acceptance. */
export const DECLINED_NAME = '不予受理';

/** A year as a count is named. */
export const yearName = (year: number): string => `${year}年`;

/** Yes and no in a column. */
export const YES = '是';
export const NO = '否';

/** The workbook's two sheets. */
export const SHEET_NAMES = { register: '台账', statistics: '统计' } as const;

/** The register's columns, in the order an office keeps them. */
export const REGISTER_HEADERS = {
  index: '序号',
  caseNumber: '案件编号',
  party: '当事人',
  unit: '单位',
  level: '层级',
  handlingBody: '办理机关',
  situation: '情形',
  origin: '事项来源',
  fastTrack: '快查快结',
  submittedOn: '提出日期',
  acceptedOn: '受理日期',
  stage: '阶段',
  conclusion: '结论',
  decidedOn: '决定日期',
  impactPeriod: '影响期',
  impactPeriodEndsOn: '影响期满日期',
  followUp: '回访',
  overdue: '是否超期',
} as const;

/** The impact period of a reduced liability: its months, and whether it has ended. */
export const impactPeriodText = (months: number, running: boolean): string =>
  `${months}个月（${running ? '未满' : '已满'}）`;

/** The follow-up visits of a case: those made, and whether one is still owed or already due. */
export function followUpText(visits: readonly string[], owed: boolean, due: boolean): string {
  const made = visits.length ? `已回访${visits.length}次（最近 ${visits.at(-1)}）` : '';
  const open = due ? '回访已到期' : owed ? '待回访' : '';
  return [made, open].filter(Boolean).join('；');
}

/** The statistics sheet: its sections and the names of single figures. */
export const STATISTICS_TEXTS = {
  title: '容错纠错免责减责工作统计',
  generatedAt: '统计时间',
  scope: '统计范围',
  filters: { year: '年份', level: '层级', handlingBody: '办理机关', none: '本人可查看的全部案件' },
  cases: '案件总数',
  byLevel: '按层级',
  byHandlingBody: '按办理机关',
  bySituation: '按情形',
  byOutcome: '按结论',
  byYear: '按年份（提出）',
  byStage: '按阶段',
  perMonth: '按月新提出与办结',
  month: '月份',
  opened: '新提出',
  concluded: '办结',
  stageDurations: '各阶段用时（工作日）',
  stage: '阶段',
  stageCases: '已办完该阶段的案件',
  median: '中位数',
  p90: '第90百分位',
  item: '项目',
  count: '件数',
  deadlines: '期限',
  deadlinesDone: '已办理的期限',
  deadlinesOnTime: '按期办理',
  deadlinesLate: '超期办理',
  shareMet: '按期办理率',
  overdueNow: '当前超期案件',
  impactPeriodsRunning: '影响期未满案件',
  followUpVisitsOwed: '待回访案件',
  followUpVisitsDue: '其中回访已到期',
} as const;

/** What `GET /statistics` and `GET /register.xlsx` answer a caller they refuse. */
export const STATISTICS_PROBLEMS = {
  /** Someone who is no officer of a handling body gets no figures and no register. */
  notPermitted: '只有办理机关的工作人员可以查看本机关案件的统计和台账',
  /** An export that cannot be logged is not sent (it lists every case's party). */
  exportNotLogged: '访问记录无法写入，暂不提供台账',
} as const;

/** The filters' complaints, beside the field. */
export const STATISTICS_FIELD_TEXTS = {
  yearForm: '须为四位数字的年份，如 2026',
  yearFrom: (first: number) => `年份不得早于${first}年`,
  yearUntil: (last: number) => `年份不得晚于${last}年`,
  levelForm: '须为组织树中的层级编号，如 city',
} as const;

/** The exported file's name. */
export const REGISTER_FILE_NAME = '台账.xlsx';

/** One filter in words (年份：2026年), and several joined. */
export const filterText = (name: string, value: string): string => `${name}：${value}`;
export const joinedFilters = (parts: readonly string[]): string => parts.join('；');
