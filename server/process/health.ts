import { sql } from 'drizzle-orm';
import { migrationState } from '@/db/client';
import { processState, stoppingSignal } from './state';

/** A database that does not answer within this long counts as unreachable. */
const PING_LIMIT_MS = 2_000;

export interface HealthReport {
  status: 'ok' | 'unavailable';
  /** Set while the process stops: the load balancer should send nothing new. */
  stopping: boolean;
  database: 'ok' | 'unreachable' | 'not booted';
  schema: { current: boolean; applied: number; bundled: number } | null;
  workers: { scheduler: boolean; mail: boolean } | null;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/**
 * For a load balancer: this instance takes requests when its database answers, its schema is
 * exactly the one this build carries (the applied migrations equal the bundled ones) and its
 * workers run. 200 when all hold, 503 otherwise.
 */
export async function checkHealth(): Promise<{ httpStatus: 200 | 503; report: HealthReport }> {
  const stopping = stoppingSignal().aborted;
  const booted = await processState().booted?.catch(() => undefined);
  const report: HealthReport = {
    status: 'unavailable',
    stopping,
    database: 'not booted',
    schema: null,
    workers: null,
  };
  if (booted) {
    report.workers = booted.workers();
    try {
      await within(booted.db.execute(sql`select 1`), PING_LIMIT_MS);
      report.database = 'ok';
      report.schema = await within(migrationState(booted.db), PING_LIMIT_MS);
    } catch {
      report.database = 'unreachable';
    }
  }
  const healthy =
    !stopping &&
    report.database === 'ok' &&
    report.schema?.current === true &&
    report.workers?.scheduler === true &&
    report.workers.mail === true;
  if (healthy) report.status = 'ok';
  return { httpStatus: healthy ? 200 : 503, report };
}
