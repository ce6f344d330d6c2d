/**
 * The documents addressed to the party and their unit: 受理通知书, 不予受理通知书, 整改通知书, 书面反馈意见书 and
 * 澄清正名函. Each returns its title, addressee and body; `build.ts` adds the 版头 and the signature.
 */
import { OUTCOME_NAMES, SITUATION_NAMES } from '../labels';
import { reductionText } from '../reduction';
import { chineseDate } from './layout';
import type { BodyParagraph } from './layout';
import type { DocumentDetail, DocumentRequest } from './request';
import { issuerOf, partyAddress, partyYou, partyWithUnit, SEED } from './texts';

/** What a builder decides; the rest of the document is the same for every kind. */
export interface DocumentContent {
  readonly title: string;
  readonly addressee?: string;
  readonly body: readonly BodyParagraph[];
  readonly note?: string;
  readonly copyTo?: string;
}

type Of<K extends DocumentDetail['kind']> = Extract<DocumentDetail, { kind: K }>;

/** 所在单位 receives a copy of what is sent to an official. */
function unitCopy(r: DocumentRequest): string | undefined {
  return r.party.kind === 'official' ? r.party.unit : undefined;
}

function source(r: DocumentRequest): string {
  return r.origin === 'application' ? `${partyYou(r.party)}提出的容错申请` : '经组织研判提出的容错事项';
}

export function acceptanceNotice(r: DocumentRequest, d: Of<'acceptanceNotice'>): DocumentContent {
  const self = issuerOf(r.handlingBody, r.level).self;
  return {
    title: '容错纠错免责减责事项受理通知书',
    addressee: partyAddress(r.party),
    body: [
      {
        text: `${source(r)}（${chineseDate(d.submittedOn)}提出，所属情形：${SITUATION_NAMES[r.situation]}），${self}已于${chineseDate(r.issuedOn)}受理，案件编号${r.caseNumber}，承办人：${d.caseOfficer}。`,
      },
      { text: `${self}将在${SEED.handlingOpinion}。` },
      { text: `${SEED.cooperate}。` },
      ...(r.fastTrack ? [{ text: `本事项涉及拟提拔重用干部，按照“${SEED.fastTrack}”的要求办理。` }] : []),
      { text: '特此通知。' },
    ],
    copyTo: unitCopy(r),
  };
}

export function declineNotice(r: DocumentRequest, d: Of<'declineNotice'>): DocumentContent {
  return {
    title: '容错纠错免责减责事项不予受理通知书',
    addressee: partyAddress(r.party),
    body: [
      {
        text: `${source(r)}（${chineseDate(d.submittedOn)}提出，所属情形：${SITUATION_NAMES[r.situation]}，案件编号${r.caseNumber}）经审查，不予受理。`,
      },
      { text: `理由：${d.reason}` },
      { text: '特此通知。' },
    ],
    copyTo: unitCopy(r),
  };
}

export function rectificationNotice(r: DocumentRequest, d: Of<'rectificationNotice'>): DocumentContent {
  return {
    title: '整改通知书',
    addressee: r.party.kind === 'official' ? `${r.party.unit}、${partyAddress(r.party)}` : r.party.name,
    body: [
      {
        text: `经研判，${partyWithUnit(r.party)}的失误错误较轻，造成损失、影响较小且能够补救（案件编号${r.caseNumber}）。${chineseDate(d.talkedOn)}，${d.talkedBy}已进行约谈提醒。现督促整改如下：`,
      },
      { text: d.ordered },
      {
        text: `请于${chineseDate(d.dueOn)}前整改到位（${d.workingDays}个工作日），并书面报告整改情况。${SEED.rectified}；整改未及时到位的，转入调查核实。`,
      },
      { text: '特此通知。' },
    ],
  };
}

export function feedbackLetter(r: DocumentRequest, d: Of<'feedbackLetter'>): DocumentContent {
  const det = d.determination;
  const decided = `${det.outcome === 'refuse' ? '' : '予以'}${OUTCOME_NAMES[det.outcome]}${reductionText(det)}`;
  const favourable = det.outcome !== 'refuse';
  return {
    title: '容错纠错免责减责书面反馈意见书',
    addressee: r.party.kind === 'official' ? `${partyAddress(r.party)}、${r.party.unit}` : r.party.name,
    body: [
      {
        text: `关于${partyWithUnit(r.party)}的容错事项（案件编号${r.caseNumber}），经调查核实，${chineseDate(det.meetingDate)}领导班子会议集体研究，依纪依规依法决定：${decided}${d.decisionNumber ? `（${d.decisionNumber}）` : ''}。`,
      },
      { text: `理由：${det.reasoning}` },
      ...(favourable ? [{ text: `对${partyYou(r.party)}的失误错误${SEED.noNegative}。` }] : []),
      ...(det.outcome === 'reduce' && det.impactPeriodMonths
        ? [{ text: `影响期${det.impactPeriodMonths}个月，自决定之日起计算；${SEED.impactPeriod}。` }]
        : []),
      { text: `根据“${SEED.feedback}”的规定，现予书面反馈。` },
    ],
  };
}

export function nameClearingLetter(r: DocumentRequest, d: Of<'nameClearingLetter'>): DocumentContent {
  return {
    title: `关于为${partyAddress(r.party)}澄清正名的函`,
    addressee: r.party.kind === 'official' ? `${r.party.unit}、${partyAddress(r.party)}` : r.party.name,
    body: [
      {
        text: `经调查核实，反映${partyWithUnit(r.party)}的问题${d.finding}（案件编号${r.caseNumber}）。`,
      },
      {
        text: `${SEED.nameClearing}。经征求本人意见，现在${d.scope}范围内，以${d.method}方式为其澄清正名，消除不良影响。`,
      },
      { text: '特此函告。' },
    ],
  };
}
