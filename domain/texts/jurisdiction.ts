/**
 * What officers and applicants read about jurisdiction: routing proposals, transfers (移送), the level an overdue
 * case is escalated to, and the refusals of each. Chinese, in the seed's words.
 */
import type { HandlingBody } from '../case';
import { HANDLING_BODY_NAMES } from '../labels';
import type { CasePlace } from '../org-tree';
import type { CaseAction } from '../procedure';
import { ACTIONS } from '../procedure';

export const JURISDICTION_TEXTS = {
  /** The timeline's words for a transfer. */
  transferred: (from: string, to: string, reason: string) => `移送：由${from}移送${to}办理。理由：${reason}`,
  transferToItself: '移送的机关与现办理机关相同，无需移送',
  transferPlace: (toLevel: string, placeLevel: string) => `接办层级 “${toLevel}” 与组织树所载层级 “${placeLevel}” 不符`,
  unknownLevel: (level: string) => `层级编号 “${level}” 不在组织树中`,
  notUnitContact: (unitName: string | undefined) =>
    `申请人只能为本人（令牌所载身份证件号码）提出申请，或作为${unitName ?? '所在单位'}的单位联系人为该单位提出申请`,
  unitContactNeedsUnit: '为单位提出申请须写明单位在组织树中的编号（unitId），以核对单位联系人身份',
  managedAbove: (level: string, own: string) =>
    `该干部按干部管理权限由${level}管理，不属本机关（${own}）管辖，应向${level}的机关提出`,
  otherLevel: (action: CaseAction, levelName: string) =>
    `本案由${levelName}办理，其他层级的人员不能办理本案的“${ACTIONS[action].label}”`,
  levelAboveOfficialOnly: '干部管理权限只对干部个人填写',
  /** A level id not in the organisation tree's form. */
  levelIdForm: '层级编号须取自组织树（GET /org-tree）',
} as const;

/**
 * Whom an overdue step was told of, by name: the handling body and the same body one level up (东城区纪委监委及上级
 * 市纪委监委); at the city, or without a place (cases begun before 0.5.0), the body and "its superior".
 */
export function escalatedTo(place: CasePlace | undefined, body: HandlingBody): string {
  if (!place) return `${HANDLING_BODY_NAMES[body]}及其上级`;
  return place.above ? `${place.bodies[body]}及上级${place.above.bodies[body]}` : `${place.bodies[body]}及其上级`;
}

/** The sentence a notice to the supervising level adds: who supervises (督办), when the tree names them. */
export function supervisedBy(place: CasePlace | undefined, body: HandlingBody): string {
  return place?.above ? `已报${place.above.bodies[body]}督办。` : '';
}
