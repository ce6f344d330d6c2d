/** Idempotency keys as HTTP headers carry them: the office's case numbers are Chinese, a header is ASCII. */
import { headerSafe } from '../../activities/http-post';

test('a key with the office’s case number travels percent-encoded and decodes back to itself', () => {
  const key = '宛纪容〔2026〕7号/feedback';
  expect(headerSafe(key)).toMatch(/^[\x21-\x7e]+$/);
  expect(decodeURIComponent(headerSafe(key))).toBe(key);
});

test('a key of an ASCII case number is unchanged, so a delivery retried across the upgrade keeps its key', () => {
  expect(headerSafe('TJIQ-2026-0003/personnelFile')).toBe('TJIQ-2026-0003/personnelFile');
  expect(decodeURIComponent(headerSafe('50%/x'))).toBe('50%/x');
});
