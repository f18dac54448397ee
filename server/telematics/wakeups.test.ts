import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseForFile } from '@/db/test-db';
import { callerFor } from '../test-support';
import { carWithBox, currentBooking } from './test-fixtures';
import { stopWakeups } from './wakeups';

const database = testDatabaseForFile(stopWakeups);

// A pull that was not woken returns an empty list after waitMs: the assertions are on content only.
const LONG_WAIT = 20_000;
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('gateway.pull long-poll', () => {
  it('returns the job queued while it waits (same instance)', async () => {
    const s = await carWithBox(database.db);
    const booking = await currentBooking(s);
    const pulling = s.gateway.gateway.pull({ waitMs: LONG_WAIT });
    await settle();
    const { jobId } = await s.api.telematics.command({ bookingId: booking.id, op: 'unlock' });
    expect((await pulling).jobs.map((j) => j.id)).toEqual([jobId]);
  });

  // PostgreSQL only (both tests below): LISTEN/NOTIFY between instances needs a second connection.
  it.runIf(process.env.DATABASE_URL)(
    'returns the job another web instance queued, through LISTEN/NOTIFY',
    async () => {
      const other = await openTestDatabase(); // a second pool: as another instance behind the balancer
      try {
        const s = await carWithBox(database.db);
        const booking = await currentBooking(s);
        const pulling = s.gateway.gateway.pull({ waitMs: LONG_WAIT });
        await settle();
        const elsewhere = callerFor(other.db, s.driver);
        const { jobId } = await elsewhere.telematics.command({ bookingId: booking.id, op: 'unlock' });
        expect((await pulling).jobs.map((j) => j.id)).toEqual([jobId]);
      } finally {
        await stopWakeups(other.db);
        await other.close();
      }
    },
  );

  it.runIf(process.env.DATABASE_URL)(
    'still wakes a waiting pull when its LISTEN connection was killed meanwhile',
    async () => {
      const other = await openTestDatabase(); // another web instance queues the command
      try {
        const s = await carWithBox(database.db);
        const booking = await currentBooking(s);
        const pulling = s.gateway.gateway.pull({ waitMs: 25_000 });
        await settle();
        // Every LISTEN backend of this database: ours among them (others listen again as ours does).
        const listening = sql`datname = current_database() and query = 'LISTEN pm_gateway_jobs'`;
        const [terminated] = await database.db
          .select({ count: sql<number>`count(*) filter (where pg_terminate_backend(pid))::int` })
          .from(sql`pg_stat_activity`)
          .where(listening);
        expect(terminated?.count).toBeGreaterThanOrEqual(1);
        const queued = performance.now();
        const { jobId } = await callerFor(other.db, s.driver).telematics.command({
          bookingId: booking.id,
          op: 'unlock',
        });
        const { jobs } = await pulling;
        const ms = Math.round(performance.now() - queued);
        console.log(`pull woken ${ms} ms after the command, its LISTEN backend terminated just before`);
        expect(jobs.map((j) => j.id)).toEqual([jobId]);
        expect(ms).toBeLessThan(5_000);

        // And the new LISTEN carries the next NOTIFY as before.
        const next = s.gateway.gateway.pull({ waitMs: 25_000 });
        await settle();
        const again = performance.now();
        await callerFor(other.db, s.driver).telematics.command({ bookingId: booking.id, op: 'unlock' });
        expect((await next).jobs).toHaveLength(1);
        console.log(`next pull woken ${Math.round(performance.now() - again)} ms after its command`);
      } finally {
        await stopWakeups(other.db);
        await other.close();
      }
    },
    40_000,
  );
});
