import { beijingText } from '../../domain/texts/beijing-time';

test('a period that ends at the end of a Beijing day reads as 24时 of that day, not 0时 of the next', () => {
  expect(beijingText('2026-10-09T16:00:00.000Z')).toBe('2026年10月9日24时');
});

test('the end of the last day of a year stays in that year', () => {
  expect(beijingText('2026-12-31T16:00:00.000Z')).toBe('2026年12月31日24时');
});

test('any other instant reads in Beijing time with its minutes', () => {
  expect(beijingText('2026-10-09T01:30:00.000Z')).toBe('2026年10月9日9时30分');
});
