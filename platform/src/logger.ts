import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/**
 * Never logged, wherever they appear in a logged object (one or two levels down): channel
 * credentials and authorization headers.
 */
const SECRET_KEYS = [
  'accessToken',
  'appSecret',
  'authToken',
  'password',
  'authorization',
  'secrets',
];
export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/**
 * Structured logs. JSON by default (production, CI, files); readable lines on a terminal.
 * `LOG_LEVEL` sets the level; `LOG_FORMAT=json|pretty` forces the format.
 */
export function createLogger(
  name: string,
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: pino.DestinationStream,
): Logger {
  const format =
    process.env.LOG_FORMAT ??
    (process.stdout.isTTY && process.env.NODE_ENV !== 'production' ? 'pretty' : 'json');
  const options = {
    name,
    level,
    base: { service: name },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  if (destination) return pino(options, destination);
  if (format !== 'pretty') return pino(options);
  return pino(
    options,
    pretty({
      sync: true,
      colorize: true,
      ignore: 'pid,hostname,service',
      translateTime: 'HH:MM:ss',
      messageKey: 'msg',
    }),
  );
}
