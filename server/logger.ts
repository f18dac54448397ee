import pino from 'pino';

/**
 * The server's one logger: JSON lines on stdout (level from LOG_LEVEL, default info; silent in
 * tests unless LOG_LEVEL asks). Requests log through a child carrying their request id.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { app: 'parthelandmobil' },
});

export type Logger = typeof logger;
