export { candidacyWorkflow } from './candidacy.workflow';
