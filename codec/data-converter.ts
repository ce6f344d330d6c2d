/**
 * The one data converter of the client, the worker and the codec server: payloads sealed by the case codec,
 * failures with their messages encoded, so case contents are ciphertext wherever Temporal stores them.
 */
import type { DataConverter } from '@temporalio/common';

import type { CaseCodecOptions } from './case-codec';
import { CaseCodec } from './case-codec';
import type { PayloadKeys } from './keys';

/** Where the failure converter lives, for `bundleWorkflowCode` and for the worker and client options. */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/** The data converter for these keys; pass the same keys (and cipher) to every client and worker of a namespace. */
export function caseDataConverter(keys: PayloadKeys, options: CaseCodecOptions = {}): DataConverter {
  return { payloadCodecs: [new CaseCodec(keys, options)], failureConverterPath: FAILURE_CONVERTER_PATH };
}
