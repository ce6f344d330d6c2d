/**
 * The payload keys of a test run: made fresh per test process, so every test client and worker encrypts case data
 * as a deployment does, and nothing depends on a key kept anywhere.
 */
import { randomBytes } from 'node:crypto';

import type { DataConverter } from '@temporalio/common';

import { caseDataConverter } from '../../codec/data-converter';
import type { PayloadKeys } from '../../codec/keys';

export const TEST_PAYLOAD_KEYS: PayloadKeys = {
  currentKeyId: 'test-1',
  keys: new Map([['test-1', randomBytes(32)]]),
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
