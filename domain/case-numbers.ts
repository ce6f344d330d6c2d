/**
 * 案件编号: the accepting office numbers its cases per body and year in the form its documents use
 * (发文字号, e.g. 宛纪容〔2026〕12号). The applicant never chooses it: the API draws the next number from the body's
 * numbering workflow (workflows/numbering.ts) and starts the case under it.
 */
import type { HandlingBody } from './case';

/** A body's pattern: `{year}` and `{n}` stand for the year and the sequence number. */
export type CaseNumberPatterns = Readonly<Record<HandlingBody, string>>;

/** The offices' own 机关代字 for their 容错 cases (宛 = 南阳). */
export const DEFAULT_CASE_NUMBER_PATTERNS: CaseNumberPatterns = {
  partyCommittee: '宛委容〔{year}〕{n}号',
  disciplineCommission: '宛纪容〔{year}〕{n}号',
  organizationDepartment: '宛组容〔{year}〕{n}号',
};

/** Where the numbering workflows live: `numbering/<body>/<year>`. */
export const DEFAULT_NUMBERING_PREFIX = 'numbering';

/** How an office numbers: its patterns, and the prefix of its numbering workflows' IDs. */
export interface NumberingConfig {
  readonly patterns: CaseNumberPatterns;
  readonly prefix: string;
}

export const DEFAULT_NUMBERING: NumberingConfig = {
  patterns: DEFAULT_CASE_NUMBER_PATTERNS,
  prefix: DEFAULT_NUMBERING_PREFIX,
};

/** The office's numbering under a series code of its own (`CASE_NUMBER_SERIES`), or the default without one. */
export function numberingInSeries(series: string | undefined): NumberingConfig {
  if (!series) return DEFAULT_NUMBERING;
  const patterns = Object.fromEntries(
    Object.entries(DEFAULT_CASE_NUMBER_PATTERNS).map(([body, pattern]) => [body, `${series}${pattern}`]),
  ) as unknown as CaseNumberPatterns;
  return { patterns, prefix: `${DEFAULT_NUMBERING_PREFIX}-${series}` };
}

/** The case number `n` of `year` in `pattern`: 宛纪容〔2026〕12号. */
export function formatCaseNumber(pattern: string, year: number, n: number): string {
  return pattern.replaceAll('{year}', String(year)).replaceAll('{n}', String(n));
}

/** The ID of the workflow that numbers a body's cases of one year. */
export function numberingWorkflowId(config: NumberingConfig, body: HandlingBody, year: number): string {
  return `${config.prefix}/${body}/${year}`;
}

/**
 * What a case number may look like: the projects' first form (`NY-2026-0001`, cases begun before the office
 * numbered them, and workflow tests), or the office's (an optional Latin series, a Chinese 机关代字, the year in
 * 六角括号, the number and 号).
 */
export const CASE_NUMBER_FORM = /^(?:[A-Z]{2,10}-\d{4}-\d{1,6}|[A-Z0-9]{0,8}[\u4e00-\u9fff]{1,10}〔\d{4}〕\d{1,7}号)$/u;

/** The numbering workflow's type and its Update's name (workflows/numbering.ts). */
export const NUMBERING_WORKFLOW_TYPE = 'numberingWorkflow';
export const NEXT_NUMBER_UPDATE = 'next';
