/**
 * The words documents share: who issues them (发文机关标志 and 署名, by handling body), how they name the party, and
 * the sentences of the seed they quote. Every word a document prints is Chinese, in the seed's words.
 */
import type { HandlingBody, Party } from '../case';
import { CITY_LEVEL } from '../org-tree';
import type { DocumentLevel } from './request';

/** A handling body as its documents name it: the 发文机关标志, the 署名, and how it calls itself (我委, 我部). */
export interface Issuer {
  readonly mark: string;
  readonly signer: string;
  readonly self: string;
}

/** The city's three bodies (the seed's 党委（党组）、纪检监察机关、组织部门 of 南阳市). */
export const ISSUERS: Readonly<Record<HandlingBody, Issuer>> = {
  partyCommittee: { mark: '中共南阳市委员会', signer: '中共南阳市委', self: '市委' },
  disciplineCommission: {
    mark: '中共南阳市纪律检查委员会\n南阳市监察委员会',
    signer: '中共南阳市纪律检查委员会',
    self: '我委',
  },
  organizationDepartment: { mark: '中共南阳市委组织部', signer: '中共南阳市委组织部', self: '我部' },
};

/**
 * The body issuing at `level`: the city's bodies as above; a county's or district's under its own name, as such
 * bodies sign (中共东城区纪律检查委员会, 中共南县县委组织部).
 */
export function issuerOf(body: HandlingBody, level: DocumentLevel | undefined): Issuer {
  if (!level || level.id === CITY_LEVEL) return ISSUERS[body];
  const { name, partyCommittee } = level;
  switch (body) {
    case 'partyCommittee':
      return { mark: `中共${name}委员会`, signer: `中共${partyCommittee}`, self: partyCommittee };
    case 'disciplineCommission':
      return {
        mark: `中共${name}纪律检查委员会\n${name}监察委员会`,
        signer: `中共${name}纪律检查委员会`,
        self: ISSUERS.disciplineCommission.self,
      };
    case 'organizationDepartment':
      return {
        mark: `中共${partyCommittee}组织部`,
        signer: `中共${partyCommittee}组织部`,
        self: ISSUERS.organizationDepartment.self,
      };
  }
}

/** The party as a document addresses them: 李娜同志, or the unit's name. */
export function partyAddress(party: Pick<Party, 'kind' | 'name'>): string {
  return party.kind === 'official' ? `${party.name}同志` : party.name;
}

/** The party in the second person: 你, or 你单位. */
export function partyYou(party: Pick<Party, 'kind'>): string {
  return party.kind === 'official' ? '你' : '你单位';
}

/** The party in a title or a record: 李娜同志（市财政局）, or the unit's name. */
export function partyWithUnit(party: Pick<Party, 'kind' | 'name' | 'unit'>): string {
  return party.kind === 'official' ? `${party.name}同志（${party.unit}）` : party.name;
}

/** The seed's words the documents quote. */
export const SEED = {
  handlingOpinion: '受理容错事项后，在5个工作日之内，按照有关程序和权限提出拟办意见，呈领导审批后，启动容错办理程序',
  cooperate: '调查核实过程中，相关单位或干部本人要实事求是向调查组作出说明并提供相关依据',
  fastTrack: '对涉及拟提拔重用干部的问题线索快查快结',
  rectified: '对整改及时到位的依纪依规依法不予追责问责',
  feedback: '作出容错决定后，在5个工作日之内，以书面形式向有关单位或干部本人及其所在单位反馈',
  noNegative: '对其持包容、宽容态度，不作负面评价',
  relatedCleared: '予以容错的，不再追究相关主体责任、监督责任、监管责任和领导责任',
  impactPeriod: '影响期满后在评先评优、考核评价、选拔任用、职级职称晋升等方面不受影响，该使用的继续大胆使用',
  files: '对干部个人作出的容错免责或减责决定，存入干部人事档案和廉政档案',
  followUp:
    '开展有针对性的教育引导，从思想、工作、学习、生活等方面加强关心爱护，帮助其汲取教训、改进提高，放下包袱、轻装上阵',
  nameClearing:
    '对受到错告、诬告或因受到不实举报造成不良影响的干部，充分征求其本人意见，选择合适的范围、方式、方法为其澄清正名',
} as const;

/** The document printed in place of one it corrects names it first. */
export function correctionText(corrects: string): string {
  return `本件更正${corrects}，原件作废，以本件为准。`;
}
