/** The applicant's blind index: names nobody in visibility, yet finds the applicant's cases across key rotation. */
import { randomBytes } from 'node:crypto';

import { ApplicantIndex } from '../../codec/blind-index';
import type { PayloadKeys } from '../../codec/keys';

const keys = (current: string, ...older: string[]): PayloadKeys => ({
  currentKeyId: current,
  keys: new Map([current, ...older].map((id) => [id, randomBytes(32)])),
});

test('an applicant is published under an index that does not contain or reveal their subject', () => {
  const index = new ApplicantIndex(keys('k1'));
  const value = index.of('applicant.li');
  expect(value).toMatch(/^ai-[0-9a-f]{32}$/);
  expect(value).not.toContain('applicant.li');
  expect(index.of('applicant.li')).toBe(value);
  expect(index.of('applicant.wang')).not.toBe(value);
});

test('without the key the index cannot be computed: another deployment indexes the same subject differently', () => {
  expect(new ApplicantIndex(keys('k1')).of('applicant.li')).not.toBe(new ApplicantIndex(keys('k1')).of('applicant.li'));
});

test('after a payload key rotation an applicant still finds the cases indexed under the previous key', () => {
  const before = keys('2026-01');
  const published = new ApplicantIndex(before).of('applicant.li');
  const after: PayloadKeys = { currentKeyId: '2026-12', keys: new Map([...before.keys, ['2026-12', randomBytes(32)]]) };
  const rotated = new ApplicantIndex(after);
  expect(rotated.of('applicant.li')).not.toBe(published);
  expect(rotated.candidates('applicant.li')).toEqual(expect.arrayContaining([published, rotated.of('applicant.li')]));
  // Cases of release 0.2.0 were published under the subject itself.
  expect(rotated.candidates('applicant.li')).toContain('applicant.li');
});
