export * from './auth-settings';
export * from './caller';
export * from './config';
export * from './oidc';
export * from './tokens';
export * from './workflow-bundle';
