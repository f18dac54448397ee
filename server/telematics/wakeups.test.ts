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
});
