/**
 * Bundles the workflow code once at build time (`npm run build`), so a deployed worker starts in about a second
 * instead of running webpack on every start. The worker uses `dist/workflow-bundle.js` when it is there.
 */
import { writeFileSync } from 'node:fs';

import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';

import { FAILURE_CONVERTER_PATH } from '../codec/data-converter';
import { WORKFLOW_BUNDLE_PATH } from '../worker/bundle-path';

if (require.main === module) {
  // The failure converter runs inside the workflow sandbox, so a prebuilt bundle must carry it.
  bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: new DefaultLogger('WARN'),
  })
    .then(({ code }) => writeFileSync(WORKFLOW_BUNDLE_PATH, code))
    .catch((err: unknown) => {
      process.stderr.write(`bundle-workflows: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
