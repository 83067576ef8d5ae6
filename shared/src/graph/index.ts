export * from './diff';
export * from './graph';
