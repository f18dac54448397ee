import { randomUUID } from 'node:crypto';
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

// A proxy's or client's id is kept only if it cannot forge log lines or flood them.
const safeRequestId = /^[A-Za-z0-9._:-]{1,64}$/;

/** The incoming X-Request-Id when it is a short safe token, else a fresh one. */
export const requestIdFrom = (header: string | null | undefined): string =>
  header && safeRequestId.test(header) ? header : randomUUID();
