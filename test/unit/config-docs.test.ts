import { readFileSync } from 'node:fs';
import path from 'node:path';

import { projectRoot } from '../../config/paths';
import { TABLE_MARKERS, configVariables } from '../../config/variables';

/** The rows of the generated table in docs/OPERATIONS.md, cells trimmed (prettier pads them). */
function documentedRows(): string[][] {
  const page = readFileSync(path.join(projectRoot, 'docs', 'OPERATIONS.md'), 'utf8');
  const [start, end] = TABLE_MARKERS;
  const section = page.slice(page.indexOf(start) + start.length, page.indexOf(end));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

test('docs/OPERATIONS.md lists every configuration variable as the schemas declare it (npm run docs:config)', () => {
  const expected = configVariables().map((v) => [`\`${v.name}\``, v.usedBy, v.description, v.defaultValue]);
  expect(documentedRows()).toEqual(expected);
});

test('every variable of the schemas says what it is for, in Chinese', () => {
  for (const v of configVariables())
    expect({ name: v.name, chinese: /\p{Script=Han}/u.test(v.description) }).toEqual({ name: v.name, chinese: true });
});

test('no variable is declared by two concerns', () => {
  const names = configVariables().map((v) => v.name);
  expect(names.length).toBe(new Set(names).size);
});
