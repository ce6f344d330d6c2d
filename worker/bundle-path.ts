import path from 'node:path';

import { projectRoot } from '../config/paths';

/** Where `npm run build` puts the workflow bundle (`tools/bundle-workflows.ts`); the worker looks for it here. */
export const WORKFLOW_BUNDLE_PATH = path.join(projectRoot, 'dist', 'workflow-bundle.js');
