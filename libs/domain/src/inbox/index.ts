export * from './task';
export * from './coop-tasks';
export * from './federation-tasks';
export * from './committee-tasks';
