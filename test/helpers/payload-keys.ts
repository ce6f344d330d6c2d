/**
 * The payload key of the tests: every test client and worker encrypts case data as a deployment does. The key is
 * fixed and public on purpose: histories saved by `npm run histories:save` are encrypted with it and must replay
 * in every later run. It protects nothing and must never be configured anywhere else.
 */
import type { DataConverter } from '@temporalio/common';

import { caseDataConverter } from '../../codec/data-converter';
import type { PayloadKeys } from '../../codec/keys';

export const TEST_PAYLOAD_KEYS: PayloadKeys = {
  currentKeyId: 'test-1',
  keys: new Map([['test-1', Buffer.from('8JbRWNB9WemzGYX0ZoO2oLIihyAX1io84R7cfVIJy+Q=', 'base64')]]),
};

/** The data converter every test client and worker shares. */
export const testDataConverter: DataConverter = caseDataConverter(TEST_PAYLOAD_KEYS);

/** The same keys as environment variables, for processes started from `dist/`. */
export function payloadKeyEnv(keys: PayloadKeys = TEST_PAYLOAD_KEYS): Record<string, string> {
  return {
    PAYLOAD_KEY_ID: keys.currentKeyId,
    PAYLOAD_KEY: (keys.keys.get(keys.currentKeyId) as Buffer).toString('base64'),
  };
}
