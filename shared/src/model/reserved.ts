/**
 * Reserved node id and port names, in a module without zod so workflow code can import them
 * through the lean `@ruta/shared/workflow` entry.
 */
export const TRIGGER_NODE_ID = 'trigger';
export const ELSE_PORT = 'else';
export const TIMEOUT_PORT = 'timeout';
