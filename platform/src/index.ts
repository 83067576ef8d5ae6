export * from './config';
export * from './db/index';
export * from './logger';
export * from './paths';
export * from './ports';
export * from './process/child';
export * from './secrets';
export * from './temporal/index';
