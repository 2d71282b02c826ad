export * from './config';
export * from './jwt';
export * from './workflow-bundle';
export * from './oidc';
