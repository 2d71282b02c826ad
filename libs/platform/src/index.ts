export * from './config';
export * from './jwt';
export * from './workflow-bundle';
