import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/**
 * Structured logs. JSON by default (production, CI, files); readable lines on a terminal.
 * `LOG_LEVEL` sets the level; `LOG_FORMAT=json|pretty` forces the format.
 */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  const format =
    process.env.LOG_FORMAT ??
    (process.stdout.isTTY && process.env.NODE_ENV !== 'production' ? 'pretty' : 'json');
  const options = { name, level, base: { service: name } };
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
