export { journeyWorkflow, MAX_STEPS_PER_RUN } from './interpreter';
export * from './signals';
export type * from './types';
