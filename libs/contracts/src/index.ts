export * from './temporal';
export * from './candidacy';
