import pino, { type Logger } from 'pino';

/** Structured JSON logs on stdout, one object a line, for whatever collects them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'partnership-portal' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', '*.password'], censor: '[redacted]' },
  });
}

export type { Logger };
