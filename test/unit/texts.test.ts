/**
 * Every sentence a person reads lives in `domain/texts/` (issue 13): a stage module of the workflow, an activity or
 * a module of the API holds no Chinese text of its own, so a sentence added there fails here and goes to the texts
 * module of its stage instead. The scan reads the source with the TypeScript parser, so comments (which cite the seed
 * in Chinese) do not count, and a sentence split over template parts does. The API's OpenAPI documentation (an
 * operation's summary, description and tags, a schema's `.describe()`) stays beside the route it documents.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

import ts from 'typescript';

import type { TimelineEntry, TimelineKind } from '../../domain/case';
import { TIMELINE_KINDS } from '../../domain/case';
import { CLOCK_TEXTS, DEADLINE_TEXTS, SUBMISSION_TEXTS } from '../../domain/texts';
import type { CaseContext } from '../../workflows/context';

const ROOT = join(__dirname, '..', '..');

/** Chinese characters, CJK punctuation (、。〔〕) and full-width forms (（），：｜), the stuff of a sentence. */
const CHINESE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** Properties whose text documents the API (OpenAPI), not a sentence a person is told. */
const DOCUMENTATION = new Set(['summary', 'description', 'tag', 'tags', 'title', 'responses']);

/** The Chinese locale of zod's own messages, and the demo users' names (data of development mode, not texts). */
const NOT_TEXTS = new Set(['api/http/zod-locale.ts', 'api/auth/demo-users.ts']);

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

/** The name of a property assignment or of a called method (`x.describe`), else undefined. */
function nameOf(node: ts.Node): string | undefined {
  if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
    return node.name.text;
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) return node.expression.name.text;
  return undefined;
}

/**
 * Whether `node` documents the API: it sits (through arrays, objects and other properties) under a documentation
 * property, or is the argument of `.describe()`, or is a constant the file uses only as a tag.
 */
function isDocumentation(node: ts.Node, tagConstants: ReadonlySet<string>): boolean {
  if (ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) {
    return tagConstants.has(node.parent.name.text);
  }
  for (let n: ts.Node = node.parent; !ts.isSourceFile(n); n = n.parent) {
    const name = nameOf(n);
    if (name !== undefined && (DOCUMENTATION.has(name) || (ts.isCallExpression(n) && name === 'describe'))) {
      return true;
    }
    if (ts.isCallExpression(n) || ts.isVariableDeclaration(n) || ts.isFunctionLike(n)) return false;
  }
  return false;
}

/** The constants a file names as a tag (`tag: X`, `tags: [X]`). */
function tagConstantsOf(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && (nameOf(node) === 'tag' || nameOf(node) === 'tags')) {
      const values = ts.isArrayLiteralExpression(node.initializer) ? node.initializer.elements : [node.initializer];
      for (const e of values) if (ts.isIdentifier(e)) names.add(e.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/**
 * Every string or template literal of the source `text` of `file` that holds Chinese; with `documentation`, except
 * what documents the API.
 */
function chineseIn(file: string, text: string, documentation = false): Found[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const tagConstants = documentation ? tagConstantsOf(source) : new Set<string>();
  const found: Found[] = [];
  const visit = (node: ts.Node): void => {
    const parts = literalParts(node);
    if (parts.some((p) => CHINESE.test(p)) && !(documentation && isDocumentation(node, tagConstants))) {
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
const chineseLiterals = (file: string, documentation = false) =>
  chineseIn(file, readFileSync(join(ROOT, file), 'utf8'), documentation);

/** The TypeScript files in `dir` and its folders. */
function modulesIn(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `${dir}/${name.split(sep).join('/')}`)
    .sort();
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
  const found = modulesIn('workflows').flatMap((f) => chineseLiterals(f));
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

test('the scan of the API passes its OpenAPI documentation and finds the sentence a person is told', () => {
  const text = [
    "const TAG = '(二) 受理办理';",
    "const OPS = '运维';",
    "const route = { summary: '受理', description: `说明${x}`, tag: TAG, tags: [OPS], responses: { 201: '已提出' } };",
    "const field = z.string().describe('单位编号');",
    "throw new HttpProblem(404, 'Not found', '没有此编号的案件');",
    "const schema = z.string().min(2, '调查组至少由两人组成').describe('调查组');",
  ].join('\n');
  expect(chineseIn('fixture.ts', text, true).map((f) => [f.line, f.text])).toEqual([
    [5, '没有此编号的案件'],
    [6, '调查组至少由两人组成'],
  ]);
});

test('no activity holds a Chinese text: what a refusal tells the timeline comes from domain/texts', () => {
  expect(where(modulesIn('activities').flatMap((f) => chineseLiterals(f)))).toEqual([]);
});

test('no API module holds a Chinese error or field message: problems and complaints come from domain/texts', () => {
  const found = modulesIn('api')
    .filter((f) => !NOT_TEXTS.has(f))
    .flatMap((f) => chineseLiterals(f, true));
  expect(where(found)).toEqual([]);
});

/** True when `T` accepts any string, i.e. is no union of kinds. */
type AnyString<T> = string extends T ? true : false;

// The type checker holds these (npm run typecheck): were either a plain string, `false` would not compile.
test('a timeline kind is one of TIMELINE_KINDS: the workflow records and the API answers no bare string', () => {
  const recorded: AnyString<Parameters<CaseContext['record']>[0]> = false;
  const answered: AnyString<TimelineEntry['kind']> = false;
  const kinds: readonly TimelineKind[] = TIMELINE_KINDS;
  expect([recorded, answered]).toEqual([false, false]);
  expect(new Set(kinds).size).toBe(TIMELINE_KINDS.length);
});
