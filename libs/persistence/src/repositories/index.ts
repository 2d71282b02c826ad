export * from './candidacy-repository';
export * from './dossier-repository';
export * from './document-repository';
export * from './report-repository';
export * from './register-repository';
export * from './idempotency-repository';
export * from './read-models';
export * from './database';
