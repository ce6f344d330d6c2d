/**
 * The payload keys of the tests: every test client and worker encrypts case data as a deployment does, each body's
 * cases with that body's key. The keys are fixed and public on purpose: histories saved by `npm run
 * histories:save` are encrypted with them and must replay in every later run (those of releases before 0.4.0 with
 * the shared key `test-1`). They protect nothing and must never be configured anywhere else.
 */
import type { DataConverter } from '@temporalio/common';

import { caseDataConverter } from '../../codec/data-converter';
import type { PayloadKeys } from '../../codec/keys';

export const TEST_PAYLOAD_KEYS: PayloadKeys = {
  currentKeyId: 'test-1',
  bodyKeyIds: {
    partyCommittee: 'party-test-1',
    disciplineCommission: 'discipline-test-1',
    organizationDepartment: 'organization-test-1',
  },
  keys: new Map([
    ['test-1', Buffer.from('8JbRWNB9WemzGYX0ZoO2oLIihyAX1io84R7cfVIJy+Q=', 'base64')],
    ['party-test-1', Buffer.from('SwklNpHoHtovxYNPBiwoKPldiyQpVqoIK+7ZyGgTNbU=', 'base64')],
    ['discipline-test-1', Buffer.from('ah79sbXIJ/uu+3+YysGpf39bkdYjDuipIqoJERa4jeI=', 'base64')],
    ['organization-test-1', Buffer.from('w8A7eYZi72cYvQI796YIElUZpLfq9nFfDmFZTjLJ0W4=', 'base64')],
  ]),
};

/** The data converter every test client and worker shares. */
export const testDataConverter: DataConverter = caseDataConverter(TEST_PAYLOAD_KEYS);

const base64 = (keys: PayloadKeys, id: string) => (keys.keys.get(id) as Buffer).toString('base64');

/** The same keys as environment variables, for processes started from `dist/`. */
export function payloadKeyEnv(keys: PayloadKeys = TEST_PAYLOAD_KEYS): Record<string, string> {
  return {
    PAYLOAD_KEY_ID: keys.currentKeyId,
    PAYLOAD_KEY: base64(keys, keys.currentKeyId),
    ...(keys.bodyKeyIds
      ? {
          PAYLOAD_BODY_KEYS: Object.values(keys.bodyKeyIds)
            .map((id) => `${id}:${base64(keys, id)}`)
            .join(','),
        }
      : {}),
  };
}
