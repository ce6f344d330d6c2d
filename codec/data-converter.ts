/**
 * The one data converter of the client, the worker and the codec server: payloads sealed by the AES-GCM codec,
 * failures with their messages encoded, so case contents are ciphertext wherever Temporal stores them.
 */
import type { DataConverter } from '@temporalio/common';

import type { SealingPolicy } from './aes-gcm';
import { AesGcmCodec } from './aes-gcm';
import type { PayloadKeys } from './keys';

/** Where the failure converter lives, for `bundleWorkflowCode` and for the worker and client options. */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/** The data converter for these keys; pass the same keys (and policy) to every client and worker of a namespace. */
export function caseDataConverter(keys: PayloadKeys, policy: SealingPolicy = {}): DataConverter {
  return { payloadCodecs: [new AesGcmCodec(keys, policy)], failureConverterPath: FAILURE_CONVERTER_PATH };
}
