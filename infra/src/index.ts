export * from './migrate';
export * from './postgres';
export * from './seed';
export * from './stack';
export * from './temporal-server';
export * from './tools';
export * from './mail-catcher';
export * from './demo/demo-seed';
