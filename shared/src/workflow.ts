/**
 * The part of `@ruta/shared` workflow code may use at run time: pure logic with no zod, Liquid or
 * schemas. Temporal bundles workflow code without tree-shaking, and the full package index made
 * the bundle 4 MB and every cached workflow heavier (BENCHMARKS.md, worker memory). Workflow files
 * import values from `@ruta/shared/workflow` and types from `@ruta/shared` (erased at build).
 */

// Every type of the package, erased at build time.
export type * from './index';
export { buildTemplateContext } from './liquid/template-context';
export { bucketOf } from './logic/bucket';
export { evaluateConditions } from './logic/evaluate-condition';
export { nextTimeOfDay } from './logic/schedule';
export { durationMs } from './model/duration-ms';
export { ELSE_PORT, TIMEOUT_PORT, TRIGGER_NODE_ID } from './model/reserved';
export { DEFAULT_HANDOFF_TIMEOUT, HANDOFF_RESULTS } from './nodes/handoff-defaults';
export { classifyReply } from './replies/classify-reply';
export { matchesReply, replyIntent } from './replies/matches-reply';
