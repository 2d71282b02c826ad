export * from './sql-values';
export * from './candidacy-list';
export * from './inbox-candidacies';
export * from './federation-inbox';
export * from './session-agenda';
export * from './kpis';
export * from './practices';
