import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { boxes, gatewayJobs } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { createCaller } from '../root';
import { testContext } from '../test-context';
import { reportBoxReset, reportedBoxResets } from './box-resets';
import { authenticateGateway } from './gateways';
import { pullJobs } from './pull';
import { carWithBox, currentBooking, pullOne } from './test-fixtures';
import { stopWakeups } from './wakeups';

const database = testDatabaseForFile(stopWakeups);

const stateOf = async (jobId: string) =>
  (await database.db.select().from(gatewayJobs).where(eq(gatewayJobs.id, jobId)))[0]?.state;

describe('gateway.pull and the request’s abort signal', () => {
  it('returns at once, with no job, when the request is aborted while it waits', async () => {
    const s = await carWithBox(database.db);
    const controller = new AbortController();
    const caller = createCaller(testContext(database.db, null, `Bearer ${s.token}`), {
      signal: controller.signal,
    });
    const started = Date.now();
    const pulling = caller.gateway.pull({ waitMs: 20_000 });
    setTimeout(() => controller.abort(), 200);
    expect(await pulling).toEqual({ jobs: [] });
    expect(Date.now() - started).toBeLessThan(5_000);

    // A job queued afterwards goes to the next pull, not to the aborted one.
    const booking = await currentBooking(s);
    const { jobId } = await s.api.telematics.command({ bookingId: booking.id, op: 'unlock' });
    expect((await pullOne(s)).id).toBe(jobId);
  });

  it('puts back a job claimed in the moment the request was aborted', async () => {
    const s = await carWithBox(database.db);
    const booking = await currentBooking(s);
    const { jobId } = await s.api.telematics.command({ bookingId: booking.id, op: 'unlock' });
    const gateway = await authenticateGateway(database.db, `Bearer ${s.token}`);
    const controller = new AbortController();
    let calls = 0;
    // The second reading of the clock comes just before the claim: the connection drops there.
    const clock = () => {
      calls += 1;
      if (calls === 2) controller.abort();
      return new Date();
    };
    const answer = await pullJobs(database.db, s.keys, gateway, 0, { signal: controller.signal, clock });
    expect(answer).toEqual({ jobs: [] });
    expect(await stateOf(jobId)).toBe('queued');
    expect((await pullOne(s)).id).toBe(jobId);
    expect(await stateOf(jobId)).toBe('sent');
  });
});

describe('gateway.boxReset', () => {
  it('logs a box whose log ends below the server’s cursor once, and leaves the cursor where it is', async () => {
    const s = await carWithBox(database.db);
    await database.db.update(boxes).set({ nextSeq: 40 }).where(eq(boxes.id, s.boxId));
    const gateway = await authenticateGateway(database.db, `Bearer ${s.token}`);
    const lines: Record<string, unknown>[] = [];
    const log = (line: Record<string, unknown>) => lines.push(line);
    const input = { boxId: s.boxId, nextSeq: 3 };
    expect(await reportBoxReset(database.db, gateway, input, log)).toEqual({
      behind: true,
      serverNextSeq: 40,
    });
    await reportBoxReset(database.db, gateway, input, log); // the next sync round says it again
    expect(lines).toEqual([
      expect.objectContaining({
        event: 'box log behind server',
        boxId: s.boxId,
        boxNextSeq: 3,
        serverNextSeq: 40,
      }),
    ]);
    expect(reportedBoxResets()).toContainEqual(
      expect.objectContaining({ boxId: s.boxId, gatewayId: gateway.id }),
    );
    expect(await s.gateway.gateway.logCursor({ boxIds: [s.boxId] })).toEqual({
      cursors: [{ boxId: s.boxId, nextSeq: 40 }],
    });
  });

  it('is a gateway procedure: a box in step is no reset, an unknown box is NOT_FOUND, no token is refused', async () => {
    const s = await carWithBox(database.db);
    expect(await s.gateway.gateway.boxReset({ boxId: s.boxId, nextSeq: 1 })).toEqual({
      behind: false,
      serverNextSeq: 1,
    });
    await expect(
      s.gateway.gateway.boxReset({ boxId: '00000000-0000-4000-8000-000000000000', nextSeq: 1 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const anonymous = createCaller(testContext(database.db, null));
    await expect(anonymous.gateway.boxReset({ boxId: s.boxId, nextSeq: 1 })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
