export { provisionTemporalCli, TEMPORAL_CLI_VERSION, TemporalCliUnavailableError } from './cli';
export { TEMPORAL_CHANNEL_ARGS } from './client-options';
export {
  type DevServer,
  LOW_LATENCY_DYNAMIC_CONFIG,
  startTemporalDevServer,
  waitForNamespace,
} from './dev-server';
export { RUTA_SEARCH_ATTRIBUTES } from './search-attributes';
export { waitForWorker } from './worker-ready';
