export { caseWorkflow } from './case';
export { numberingWorkflow } from './numbering';
