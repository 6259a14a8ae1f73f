import pino from 'pino';

/** Structured logs. Never pass request bodies, phone numbers or names here. */
export function createLogger(level: string) {
  return pino({ level, base: undefined, redact: ['req.headers.authorization'] });
}
export type Logger = ReturnType<typeof createLogger>;
