export * from './referential';
export * from './dossier';
export * from './sample-dossier';
export * from './committee-calendar';
export * from './calendar/calendar';
export * from './lifecycle';
export * from './notifications';
export * from './french-text';
