/**
 * What an operator is told when loading the organisation tree or a year's holiday arrangement (国务院办公厅通知), on
 * which every statutory period's working days are counted.
 */

/** The organisation tree's complaints. */
export const ORG_TREE_TEXTS = {
  /** An id not in the tree's form. */
  idForm: '编号须为小写字母开头的字母、数字、点或连字符（至多 64 个）',
  /** A level's handling body without its name or office. */
  bodyNamed: '须写明该办理机关的名称（name）和受理科室（office）',
  /** The tree from `source` has the problems listed. */
  wrong: (source: string, problems: readonly string[]) => `组织树 ${source} 有误：${problems.join('；')}`,
  /** The tree's file cannot be read. */
  unreadable: (message: string) => `无法读取：${message}`,
  /** Replacing the tree is an operator's task. */
  onlyOperatorReplaces: '只有运维人员可以替换组织树',
  /** A tree with problems is not written. */
  notReplaced: '组织树有误，未予替换',
} as const;

/** The holiday arrangement's complaints. */
export const HOLIDAY_TEXTS = {
  /** Dates that contradict each other. */
  contradictory: '节假日安排前后矛盾',
  /** More or fewer days off than the statutory holidays allow. */
  implausible: '节假日安排超出法定假日的合理范围，未予载入',
  /** Loading an arrangement is an operator's task. */
  onlyOperatorLoads: '只有运维人员可以载入节假日安排',
  /** A year whose periods were already counted on an arrangement is corrected only with a reason. */
  yearInForce: (year: number) =>
    `${year}年已过去、正在施行或已有内置安排，期限已据此计算，不能直接替换；确需更正的，请以 correctionReason 说明理由`,
  /** The load moves running deadlines: the operator confirms with the arrangement's version. */
  confirmationRequired: (moves: number, unanswered: number, version: string) =>
    `载入将调整 ${moves} 个在办期限（另有 ${unanswered} 件案件未应答），请核对后以 confirm=${version} 确认`,
} as const;
