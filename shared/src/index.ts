export * from './graph/index';
export * from './liquid/index';
export * from './logic/index';
export * from './model/index';
export * from './nodes/index';
export * from './replies/index';
export * from './templates/index';
export * from './validation/index';
