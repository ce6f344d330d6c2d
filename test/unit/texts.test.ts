/**
 * Every sentence a person reads lives in `domain/texts/` (issue 13): a stage module of the workflow holds no Chinese
 * text of its own, so a sentence added there fails here and goes to the texts module of its stage instead. The scan
 * reads the source with the TypeScript parser, so comments (which cite the seed in Chinese) do not count, and a
 * sentence split over template parts does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import ts from 'typescript';

import { CLOCK_TEXTS, DEADLINE_TEXTS, SUBMISSION_TEXTS } from '../../domain/texts';

const ROOT = join(__dirname, '..', '..');

/** Chinese characters, CJK punctuation (、。〔〕) and full-width forms (（），：｜), the stuff of a sentence. */
const CHINESE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** A string literal holding Chinese, with where it is. */
interface Found {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** The literal pieces of text in `node`: a string, or the fixed parts of a template. */
function literalParts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
  return [];
}

/** Every string or template literal of the source `text` of `file` that holds Chinese. */
function chineseIn(file: string, text: string): Found[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: Found[] = [];
  const visit = (node: ts.Node): void => {
    const parts = literalParts(node);
    if (parts.some((p) => CHINESE.test(p))) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push({ file, line: line + 1, text: parts.join('${…}') });
    }
    // A template's spans hold its fixed parts already; looking inside them again would count them twice.
    if (!ts.isTemplateExpression(node)) ts.forEachChild(node, visit);
    else node.templateSpans.forEach((s) => visit(s.expression));
  };
  visit(source);
  return found;
}

/** The same for a file of the repository. */
const chineseLiterals = (file: string) => chineseIn(file, readFileSync(join(ROOT, file), 'utf8'));

/** The TypeScript files directly in `dir`. */
function modulesIn(dir: string): string[] {
  return readdirSync(join(ROOT, dir))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `${dir}/${name}`);
}

const where = (found: readonly Found[]) => found.map((f) => `${f.file}:${f.line} ${f.text}`);

test('the scan finds a Chinese sentence in a string, in a template and split over a template, but not in a comment', () => {
  const text = [
    '// 注释中的中文不算',
    "const a = '已受理';",
    'const b = `承办人：${who}`;',
    'const c = `${x}（${y}）`;',
    "const d = 'plain English';",
  ].join('\n');
  expect(chineseIn('fixture.ts', text).map((f) => [f.line, f.text])).toEqual([
    [2, '已受理'],
    [3, '承办人：${…}'],
    [4, '${…}（${…}）'],
  ]);
});

test('no workflow module holds a Chinese text: timeline, notices, timers and summary come from domain/texts', () => {
  const found = modulesIn('workflows').flatMap(chineseLiterals);
  expect(where(found)).toEqual([]);
});

test('the texts the workflow records are the seed’s words, taken from domain/texts', () => {
  expect(SUBMISSION_TEXTS.submitted({ origin: 'application', preFiling: true, fastTrack: false })).toBe(
    '当事人书面提出容错申请（事前申请）',
  );
  expect(
    CLOCK_TEXTS.pauseOverdue(
      2,
      { ground: 'other', reason: '等待材料' },
      '2026-10-09T01:30:00.000Z',
      '2026-10-20T16:00:00.000Z',
      'partyCommittee',
    ),
  ).toBe(
    '暂停计时超期仍未恢复（第2次督办）：自 2026年10月9日9时30分 起暂停（其他：等待材料），时限至 2026年10月20日24时；已通知党委（党组）及其上级',
  );
  expect(DEADLINE_TEXTS.overdueNotice('宛纪容〔2026〕12号', '提出拟办意见', '2026-10-20T16:00:00.000Z', 1)).toBe(
    '案件 宛纪容〔2026〕12号 已超过期限：提出拟办意见（应于 2026年10月20日24时 前完成），请及时办理。',
  );
});
