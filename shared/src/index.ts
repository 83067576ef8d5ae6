export * from './liquid/index';
export * from './logic/index';
export * from './replies/index';
