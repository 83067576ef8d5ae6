/**
 * gRPC channel settings for Ruta's Temporal clients: after an outage the channel tries Temporal
 * again every 0.2–2 s, instead of grpc-js's default backoff that grows to two minutes (a 20 s
 * outage kept the API from Temporal for another 25 s, and the outbox waiting).
 */
export const TEMPORAL_CHANNEL_ARGS = {
  'grpc.initial_reconnect_backoff_ms': 200,
  'grpc.max_reconnect_backoff_ms': 2_000,
} as const;
