export { type Activities, type ActivityDeps, createActivities } from './activities/index';
export { createRutaWorker, type RutaWorker, type RutaWorkerOptions } from './worker';
export { WORKFLOWS_PATH, workflowBundlePath } from './workflow-bundle';
