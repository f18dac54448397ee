/**
 * The gateway's log: one JSON line per event, so a station computer's journal can be searched by
 * field. Quiet by design: a job is one line, a log sync one line per box that had news, and
 * errors carry their cause chain.
 */

type LogLevel = 'info' | 'warn' | 'error';

export interface LogEntry {
  level: LogLevel;
  event: string;
  [field: string]: unknown;
}

export type GatewayLogger = (entry: LogEntry) => void;

export const jsonLineLogger: GatewayLogger = (entry) => {
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
  if (entry.level === 'info') process.stdout.write(`${line}\n`);
  else process.stderr.write(`${line}\n`);
};

export const silentLogger: GatewayLogger = () => {};

/** "message ← cause message ← …", with BoxLinkError/ServerLinkError codes where there are any. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    if (current instanceof Error) {
      const code = codeOf(current);
      parts.push(code ? `${code}: ${current.message}` : current.message);
      current = current.cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  return parts.join(' ← ');
}

function codeOf(error: Error): string | undefined {
  const record = error as unknown as Record<string, unknown>;
  for (const key of ['code', 'kind', 'type']) {
    const value = record[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
}
