import pino from 'pino';

/** Structured JSON logs (pino): one line per event, fields over prose. LOG_LEVEL sets the level. */
export function createLogger(options: { level?: string } = {}) {
  return pino({
    name: 'whistlehub',
    level: options.level ?? process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  });
}

export type Logger = ReturnType<typeof createLogger>;
