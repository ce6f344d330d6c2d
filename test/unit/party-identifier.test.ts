import { identifierProblem, normaliseIdentifier, residentIdCheckCharacter } from '../../domain/party-identifier';

// The standard's own example number, and one whose check character is X.
const VALID = '11010519491231002X';
const VALID_DIGIT = '110101199003074477';

test('a resident ID number with its GB 11643 check character is an identifier', () => {
  expect(residentIdCheckCharacter(VALID.slice(0, 17))).toBe('X');
  expect(residentIdCheckCharacter(VALID_DIGIT.slice(0, 17))).toBe('7');
  expect(identifierProblem(VALID)).toBeUndefined();
  expect(identifierProblem(VALID_DIGIT)).toBeUndefined();
});

test('a wrong check character is refused, in Chinese', () => {
  expect(identifierProblem('110101199003074478')).toBe('居民身份证号码校验码不符（GB 11643）');
  expect(identifierProblem('110105194912310021')).toMatch(/校验码不符/);
});

test('a resident ID number of the wrong length, or with letters inside, is refused', () => {
  expect(identifierProblem('11010519491231002')).toBe('居民身份证号码应为 18 位，收到 17 位');
  expect(identifierProblem('1101051949123100200')).toMatch(/应为 18 位/);
  expect(identifierProblem('1101051949X231002X')).toMatch(/前 17 位须为数字/);
  expect(identifierProblem('李娜')).toMatch(/干部编号/);
});

test('a lower-case x is the check character X: normalised before checking and indexing', () => {
  expect(normaliseIdentifier(' 11010519491231002x ')).toBe(VALID);
  expect(identifierProblem('11010519491231002x')).toBeUndefined();
});

test('a cadre number of the body is an identifier', () => {
  expect(identifierProblem('GB2026000123')).toBeUndefined();
  expect(identifierProblem('gb2026000123')).toBeUndefined();
});
