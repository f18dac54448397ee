import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type Engine, type PreparedDatabase, preparedDatabase } from './fixtures';
import { ensureStopped, portAt, type RunningServer, signIn, sleep, startServer } from './harness';
import { answered, overlappingPairs, runWriters, storedBookings, WRITERS, type WriteRecord } from './load';

let server: RunningServer | undefined;
let database: PreparedDatabase | undefined;
afterEach(async () => {
  await ensureStopped(server);
  await database?.remove();
  server = undefined;
  database = undefined;
});

const KILLS = 3;
const CLIENTS = 10;

describe.each<Engine>(['postgres', 'pglite'])('kill -9 in the middle of writes on %s', (engine) => {
  it('keeps every acknowledged write, invents none, double-books nothing, and starts again', async () => {
    database = await preparedDatabase(engine);
    const { password } = database;
    const base = randomUUID().slice(0, 8);
    const writes: WriteRecord[] = [];
    const cookies: string[] = [];
    for (let round = 0; round < KILLS; round++) {
      const running = startServer({ port: portAt(0), env: database.serverEnv });
      server = running;
      await running.healthy();
      if (cookies.length === 0)
        for (const email of WRITERS) cookies.push(await signIn(running.url, { email, password }));
      let stop = false;
      let booked = 0;
      const load = runWriters({
        urls: [running.url],
        cookies,
        cars: database.cars,
        clients: CLIENTS,
        stop: () => stop,
        run: `${base}-r${round}`,
        // 100 hours a round: still inside the 60-day horizon after three rounds.
        firstSlot: round * 100,
        onBooked: () => {
          booked++;
        },
      });
      // The kill lands at a random moment once the writes flow (the first requests load the routes).
      const flowing = Date.now() + 60_000;
      while (booked < CLIENTS && Date.now() < flowing) await sleep(20);
      await sleep(500 + Math.random() * 1_500);
      running.child.kill('SIGKILL');
      const exit = await running.exited;
      stop = true;
      expect(exit.signal).toBe('SIGKILL');
      writes.push(...(await load).writes);
    }
    // After the last kill the server must come up on what is left, and stop cleanly.
    const last = startServer({ port: portAt(0), env: database.serverEnv });
    server = last;
    await last.healthy();
    last.child.kill('SIGTERM');
    expect((await last.exited).code).toBe(0);

    const opened = await database.open();
    const stored = new Map((await storedBookings(opened.db, base)).map((row) => [row.purpose, row]));
    const overlaps = await overlappingPairs(opened.db);
    await opened.close();

    const sent = new Set(writes.map((write) => write.marker));
    const acknowledged = writes.filter((write) => answered(write.create, 200));
    const present = acknowledged.filter((write) => stored.has(write.marker));
    const invented = [...stored.keys()].filter((marker) => marker === null || !sent.has(marker));
    const cancelAcknowledged = writes.filter((write) => answered(write.cancel, 200));
    const cancelKept = cancelAcknowledged.filter((write) => stored.get(write.marker)?.status === 'cancelled');
    const inDoubt = writes.filter((write) => !answered(write.create, 200) && stored.has(write.marker)).length;
    console.info(
      `kill -9 ×${KILLS} on ${engine}: acknowledged ${acknowledged.length}, present ${present.length}, ` +
        `cancellations acknowledged ${cancelAcknowledged.length}, kept ${cancelKept.length}, invented ${invented.length}, ` +
        `committed without an answer (in flight at the kill) ${inDoubt}, overlapping pairs ${overlaps}`,
    );
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(present.length).toBe(acknowledged.length);
    expect(cancelKept.length).toBe(cancelAcknowledged.length);
    expect(invented).toEqual([]);
    expect(overlaps).toBe(0);
  });
});
