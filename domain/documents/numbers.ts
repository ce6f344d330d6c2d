/**
 * 发文字号 per body, family and year (宛纪容决〔2026〕3号), drawn from the same numbering workflow as case numbers
 * (workflows/numbering.ts) in a series of their own: `numbering/<body>/<year>/<family>`. The office's series is
 * read off the case number itself, so a deployment numbering its cases under a series of its own
 * (CASE_NUMBER_SERIES, `TQXZ纪容〔2026〕1号`) numbers their documents in that series too, with no setting of the
 * worker's; a case number in the projects' first form (`NY-2026-0001`) takes the office's default 代字. A county or
 * district numbers in series of its own (`numbering/<level>/<body>/<year>/<family>`), its 代字 led by its short name
 * in place of the city's 宛 (东城纪容决〔2026〕1号), so two levels never print the same number.
 */
import type { HandlingBody } from '../case';
import { DEFAULT_CASE_NUMBER_PATTERNS, DEFAULT_NUMBERING_PREFIX } from '../case-numbers';
import { CITY_LEVEL } from '../org-tree';
import type { DocumentKind } from './kinds';
import { DOCUMENT_KIND_RULES } from './kinds';

/** The office's case number: an optional Latin series, the 机关代字, the year and the number. */
const OFFICE_NUMBER = /^([A-Z0-9]{0,8})([\u4e00-\u9fff]{1,10})〔\d{4}〕\d{1,7}号$/u;

/** Where a document's number comes from: its numbering workflow and the pattern it is written in. */
export interface DocumentNumbering {
  readonly workflowId: string;
  /** `{n}` stands for the number. */
  readonly pattern: string;
}

/** The city's character leading the default 代字 (宛纪容): a county's short name takes its place. */
const CITY_CODE = DEFAULT_CASE_NUMBER_PATTERNS.disciplineCommission.slice(0, 1);

/** A level's name as its 代字 begins: 东城区 → 东城, 南县 → 南. */
function levelCode(name: string): string {
  return name.length > 1 ? name.replace(/[区县市]$/u, '') : name;
}

/**
 * The series that numbers a `kind` document of the case `caseNumber`, handled by `body` at `level` (absent: the
 * city), in `year`.
 */
export function documentNumbering(
  caseNumber: string,
  body: HandlingBody,
  kind: DocumentKind,
  year: number,
  level?: { readonly id: string; readonly name: string },
): DocumentNumbering {
  const { familyCode, family } = DOCUMENT_KIND_RULES[kind];
  const office = OFFICE_NUMBER.exec(caseNumber);
  const series = office?.[1] ?? '';
  const code =
    office?.[2] ?? DEFAULT_CASE_NUMBER_PATTERNS[body].slice(0, DEFAULT_CASE_NUMBER_PATTERNS[body].indexOf('〔'));
  const prefix = series ? `${DEFAULT_NUMBERING_PREFIX}-${series}` : DEFAULT_NUMBERING_PREFIX;
  if (level && level.id !== CITY_LEVEL) {
    const own = `${levelCode(level.name)}${code.startsWith(CITY_CODE) ? code.slice(CITY_CODE.length) : code}`;
    return {
      workflowId: `${prefix}/${level.id}/${body}/${year}/${family}`,
      pattern: `${series}${own}${familyCode}〔${year}〕{n}号`,
    };
  }
  return {
    workflowId: `${prefix}/${body}/${year}/${family}`,
    pattern: `${series}${code}${familyCode}〔${year}〕{n}号`,
  };
}

/** The number `n` in `numbering`'s pattern: 宛纪容决〔2026〕3号. */
export function documentNumber(numbering: DocumentNumbering, n: number): string {
  return numbering.pattern.replace('{n}', String(n));
}

/** The request key (and Update ID) of a document's number: the same document, the same number. */
export function documentNumberKey(caseNumber: string, id: string): string {
  return `document/${caseNumber}/${id}`;
}
