/**
 * Failures carry messages and stack traces that can quote case contents (a refusal names the stage and the
 * action, an activity error may echo a notice). With common attributes encoded, message and stack travel as a
 * payload, so the payload codec encrypts them like any other case data. Loaded by path into the workflow bundle
 * and the client alike, so both sides read failures the same way.
 */
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
