/**
 * What the timeline, the API and the follow-up record say about the written documents (docs/DOCUMENTS.md): the issue
 * with its kind, 发文字号 and the digests of its two renderings (版式文件 the PDF, 流式文件 the DOCX), why a report
 * against an official was wrong (for the name-clearing letter), how a case concluded (for the visit record), and the
 * API's answers about documents. The documents' own words are built in `domain/documents/`.
 */
import type { Closure, DirectClosureGround, ExclusionGround, Outcome } from '../case';
import { DOCUMENT_KIND_RULES } from '../documents/kinds';
import type { IssuedDocument } from '../documents/request';
import { CLOSURE_NAMES, DIRECT_CLOSURE_GROUND_NAMES, EXCLUSION_GROUND_NAMES, OUTCOME_NAMES } from '../labels';

export const DOCUMENT_TEXTS = {
  /** 制发…: the document's kind, title, number and the SHA-256 of each rendering. */
  issued: (d: IssuedDocument) =>
    `制发${DOCUMENT_KIND_RULES[d.kind].name}《${d.title}》（${d.number}），版式文件摘要 ${d.sha256.pdf}，流式文件摘要 ${d.sha256.docx}`,
  /** Why the report was wrong, in the seed's words: 查无实据, an exclusion's or a direct closure's ground. */
  clearingFinding: (
    closure: Closure | undefined,
    grounds: { readonly exclusionGround?: ExclusionGround; readonly closureGround?: DirectClosureGround } = {},
  ) => {
    if (closure === 'unfounded') return '查无实据';
    if (closure === 'excluded' && grounds.exclusionGround) {
      return `属${EXCLUSION_GROUND_NAMES[grounds.exclusionGround]}，予以排除`;
    }
    if (closure === 'closedDirectly' && grounds.closureGround) {
      return `${DIRECT_CLOSURE_GROUND_NAMES[grounds.closureGround]}，予以直接了结`;
    }
    return '不实';
  },
  /** How the case concluded: the decision with its terms, or the early exit. */
  conclusion: (outcome: Outcome | undefined, terms: string, closure: Closure | undefined) =>
    outcome ? `${OUTCOME_NAMES[outcome]}${terms}` : CLOSURE_NAMES[closure ?? 'decided'],
  /** The 主送 of an internal form or record, which stays in the body's own file. */
  internalAddressee: '本机关存档',
  /** A worker without the PDF's fonts: the operator installs the package named. */
  fontMissing: (file: string) => `缺少中文字体文件 ${file}：请安装 fonts-noto-cjk（apt-get install fonts-noto-cjk）`,
  /** The file name a download names. */
  fileForm: '文书文件名应为“文书编号.docx”或“文书编号.pdf”，例如 decision-1.pdf',
  notFound: '没有该文书，或无权查阅',
  unavailable: (number: string) => `文书 ${number} 暂时无法读取（文书库不可用），请稍后再试`,
} as const;
