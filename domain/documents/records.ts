/**
 * The office's own documents: 拟办意见呈批表, 调查核实报告 (the six aspects, the negative list and the situation's
 * conditions, from the structured report), 容错纠错免责减责决定书, 通报 and 回访记录.
 */
import { ASPECTS } from '../case';
import { ASPECT_NAMES, HANDLING_ROUTE_NAMES, OUTCOME_NAMES, SITUATION_NAMES } from '../labels';
import { NEGATIVE_LIST } from '../negative-list';
import { reductionText } from '../reduction';
import { clearedText } from '../related-officials';
import { CONDITION_NAMES } from '../situation-conditions';
import { chineseDate } from './layout';
import type { BodyParagraph } from './layout';
import type { DocumentContent } from './notices';
import type { DocumentDetail, DocumentRequest } from './request';
import { issuerOf, partyAddress, partyWithUnit, SEED } from './texts';

type Of<K extends DocumentDetail['kind']> = Extract<DocumentDetail, { kind: K }>;

const LEANING_NAMES = { favourable: '有利', neutral: '中性', unfavourable: '不利' } as const;
const ORIGIN_NAMES = { organization: '组织研判提出', application: '当事人申请提出' } as const;

export function handlingOpinionForm(r: DocumentRequest, d: Of<'handlingOpinionForm'>): DocumentContent {
  return {
    title: '容错事项拟办意见呈批表',
    body: [
      { text: `案件编号：${r.caseNumber}` },
      { text: `当事${r.party.kind === 'official' ? '人' : '单位'}：${partyWithUnit(r.party)}` },
      { text: `事项来源：${ORIGIN_NAMES[r.origin]}；所属情形：${SITUATION_NAMES[r.situation]}` },
      { text: `受理日期：${chineseDate(d.acceptedOn)}；承办人：${d.caseOfficer}` },
      { text: '一、基本情况', level: 1 },
      { text: d.facts },
      { text: '二、拟办意见', level: 1 },
      { text: `办理方式：${HANDLING_ROUTE_NAMES[d.route]}。${d.opinion}` },
      { text: '三、领导审批意见', level: 1 },
      { text: `${d.comment}（审批人：${d.approvedBy}，${chineseDate(r.issuedOn)}）` },
    ],
  };
}

export function investigationReport(r: DocumentRequest, d: Of<'investigationReport'>): DocumentContent {
  const rep = d.report;
  const situation = rep.situation ?? r.situation;
  const heard = d.hearings.map((h) => (h === 'party' ? '干部本人' : '所在单位')).join('、');
  const body: BodyParagraph[] = [
    { text: '一、基本情况', level: 1 },
    {
      text: `${partyWithUnit(r.party)}，案件编号${r.caseNumber}，事项来源：${ORIGIN_NAMES[r.origin]}，所属情形：${SITUATION_NAMES[r.situation]}。${d.facts}`,
    },
    { text: '二、调查核实情况', level: 1 },
    {
      text: `调查组（${d.team.join('、')}）收集证据材料${d.evidenceCount}份，${heard ? `听取了${heard}意见` : '未听取意见'}，对失误错误的历史背景、决策过程、客观条件、造成后果、补救措施及挽损情况进行了综合评估。${rep.summary}`,
    },
    ...(rep.situation && rep.situation !== r.situation
      ? [
          {
            text: `经调查核实，所属情形认定为“${SITUATION_NAMES[situation]}”，更正提出时的“${SITUATION_NAMES[r.situation]}”。`,
          },
        ]
      : []),
    { text: '三、六个方面察看', level: 1 },
    ...ASPECTS.map((aspect, i) => {
      const a = rep.assessments.find((x) => x.aspect === aspect);
      return {
        text: `（${'一二三四五六'[i]}）察看${ASPECT_NAMES[aspect]}：${a ? `${LEANING_NAMES[a.leaning]}。${a.finding}` : '未察看'}`,
      };
    }),
    { text: '四、不予容错情形（负面清单）核查', level: 1 },
    ...(rep.negativeFindings ?? []).map((f) => ({
      text: `${NEGATIVE_LIST[f.item].name}：${f.found ? '查实' : '未查实'}。${f.finding}`,
    })),
    { text: '五、情形条件', level: 1 },
    ...(rep.conditions ?? []).map((f) => ({
      text: `${CONDITION_NAMES[f.condition]}：${f.met ? '符合' : '不符合'}。${f.finding}`,
    })),
    { text: '六、容错建议', level: 1 },
    {
      text: `建议${OUTCOME_NAMES[rep.recommendation]}${reductionText(rep)}${rep.impactPeriodMonths ? `，影响期${rep.impactPeriodMonths}个月` : ''}。调查组报告编号：${rep.reportRef}。`,
    },
  ];
  return { title: `关于${partyAddress(r.party)}容错事项的调查核实报告`, addressee: '领导审核', body };
}

function decisionTitle(r: DocumentRequest, d: Of<'decision'>): string {
  const who = partyAddress(r.party);
  const outcome = d.determination.outcome;
  if (outcome === 'refuse') return `关于对${who}不予容错的决定`;
  return `关于对${who}予以${OUTCOME_NAMES[outcome]}的决定`;
}

export function decision(r: DocumentRequest, d: Of<'decision'>): DocumentContent {
  const det = d.determination;
  const favourable = det.outcome !== 'refuse';
  const votes = det.votesFor === undefined ? '' : `，表决同意${det.votesFor}票、不同意${det.votesAgainst ?? 0}票`;
  const body: BodyParagraph[] = [
    {
      text: `${partyWithUnit(r.party)}的容错事项（案件编号${r.caseNumber}，所属情形：${SITUATION_NAMES[r.situation]}）：${d.facts}`,
    },
    {
      text: `经调查核实${d.reportNumber ? `（${d.reportNumber}）` : det.reportRef ? `（${det.reportRef}）` : ''}，${chineseDate(det.meetingDate)}，${issuerOf(r.handlingBody, r.level).self}召开领导班子会议（应到${det.membersTotal}人，实到${det.attendees.length}人${votes}），结合动机态度、客观条件、程序方法、性质程度、个人表现、后果影响以及挽回损失等情况综合分析，集体研究认为：${det.reasoning}`,
    },
    {
      text: `依纪依规依法决定：对${partyWithUnit(r.party)}${favourable ? '予以' : ''}${OUTCOME_NAMES[det.outcome]}${reductionText(det)}。`,
    },
    ...(det.outcome === 'reduce' && det.impactPeriodMonths
      ? [
          {
            text: `影响期${det.impactPeriodMonths}个月，自${chineseDate(det.meetingDate)}起计算；${SEED.impactPeriod}。`,
          },
        ]
      : []),
    ...(favourable && det.relatedOfficials?.length
      ? [{ text: `${SEED.relatedCleared}：${det.relatedOfficials.map(clearedText).join('；')}。` }]
      : []),
    ...(favourable && r.party.kind === 'official' ? [{ text: `本决定存入干部人事档案和廉政档案。` }] : []),
    { text: `（见${det.minutesRef}）` },
  ];
  return {
    title: decisionTitle(r, d),
    addressee: r.party.kind === 'official' ? r.party.unit : r.party.name,
    body,
    ...(r.party.kind === 'official' ? { copyTo: '干部人事档案、廉政档案管理部门' } : {}),
  };
}

export function announcement(r: DocumentRequest, d: Of<'announcement'>): DocumentContent {
  return {
    title: `关于对${partyAddress(r.party)}${OUTCOME_NAMES[d.outcome]}情况的通报`,
    addressee: d.scope,
    body: [
      {
        text: `关于${partyWithUnit(r.party)}的容错事项（案件编号${r.caseNumber}），${chineseDate(d.decidedOn)}经集体研究，依纪依规依法决定对${partyAddress(r.party)}${d.outcome === 'refuse' ? '' : '予以'}${OUTCOME_NAMES[d.outcome]}${d.decisionNumber ? `（${d.decisionNumber}）` : ''}。`,
      },
      {
        text: `经充分征求本人意见，现${d.form ? `以${d.form}形式` : ''}在${d.scope}范围内通报说明。对在推进改革、破解难题、探索创新、促进发展过程中出现的失误错误，${SEED.noNegative}。`,
      },
      { text: '特此通报。' },
    ],
  };
}

export function followUpRecord(r: DocumentRequest, d: Of<'followUpRecord'>): DocumentContent {
  return {
    title: '回访教育记录',
    body: [
      { text: `案件编号：${r.caseNumber}` },
      { text: `回访对象：${partyWithUnit(r.party)}` },
      { text: `回访日期：${chineseDate(d.visitedOn)}` },
      { text: `办理结论：${d.conclusion}` },
      { text: '回访情况', level: 1 },
      { text: d.note },
      { text: `按照“${SEED.followUp}”的要求开展回访教育。` },
    ],
  };
}
