import { afterEach, describe, expect, it } from 'vitest';
import { type Engine, type PreparedDatabase, preparedDatabase } from './fixtures';
import { ensureStopped, portAt, type RunningServer, send, signIn, sleep, startServer } from './harness';
import { answered, runWriters, storedBookings, WRITERS } from './load';

let server: RunningServer | undefined;
let database: PreparedDatabase | undefined;
afterEach(async () => {
  await ensureStopped(server);
  await database?.remove();
  server = undefined;
  database = undefined;
});

const CLIENTS = 20;
const LOAD_MS = 3_000;

describe.each<Engine>(['postgres', 'pglite'])('a stop under load on %s', (engine) => {
  it('drains: every request that got in is answered without error, committed writes are acknowledged, exit 0', async () => {
    database = await preparedDatabase(engine);
    const running = startServer({ port: portAt(0), env: database.serverEnv });
    server = running;
    await running.healthy();
    const { password } = database;
    const cookies: string[] = [];
    for (const email of WRITERS) cookies.push(await signIn(running.url, { email, password }));

    const load = runWriters({
      urls: [running.url],
      cookies,
      cars: database.cars,
      clients: CLIENTS,
      // Until the server refuses connections: the stop comes in the middle of the writes.
      stop: () => false,
    });
    await sleep(LOAD_MS);
    const signalled = Date.now();
    running.child.kill('SIGTERM');
    const exit = await running.exited;
    const stopMs = Date.now() - signalled;
    const { run, writes, outcomes } = await load;

    const opened = await database.open();
    const stored = new Map((await storedBookings(opened.db, run)).map((row) => [row.purpose, row]));
    await opened.close();

    const answers = outcomes.filter((outcome) => outcome.kind === 'answer');
    const notOk = answers.filter((outcome) => outcome.status !== 200);
    // Connections still in the kernel's accept queue when the listener closes are reset by the
    // operating system: those requests never reached the process (its own count of requests cut
    // is below), and none of their writes may have happened.
    const reset = outcomes.filter((outcome) => outcome.kind === 'cut');
    const refused = outcomes.filter((outcome) => outcome.kind === 'refused').length;
    const created = writes.filter((write) => answered(write.create, 200));
    const cancelled = writes.filter((write) => answered(write.cancel, 200));
    const unanswered = writes.filter((write) => !answered(write.create, 200));
    const cancelUnanswered = writes.filter((write) => write.cancel && !answered(write.cancel, 200));
    const stoppedLine = running
      .output()
      .split('\n')
      .find((line) => line.includes('stopped cleanly'));
    const cutByServer = stoppedLine ? (JSON.parse(stoppedLine) as { cut?: number }).cut : undefined;
    console.info(
      `SIGTERM on ${engine} under ${CLIENTS} clients: ${answers.length} answers (${created.length} bookings, ${cancelled.length} cancellations), ` +
        `${notOk.length} not 200, ${cutByServer} cut by the server, ${reset.length} reset before acceptance, ${refused} refused after the stop; exit ${exit.code} in ${stopMs} ms`,
    );

    expect(exit).toEqual({ code: 0, signal: null });
    expect(cutByServer).toBe(0);
    expect(notOk.map((outcome) => outcome.status)).toEqual([]);
    expect(created.length).toBeGreaterThanOrEqual(CLIENTS);
    for (const write of created) expect(stored.get(write.marker)?.status).toBeDefined();
    for (const write of cancelled) expect(stored.get(write.marker)?.status).toBe('cancelled');
    // A committed write is never answered with an error or left without an answer.
    expect(unanswered.filter((write) => stored.has(write.marker)).map((write) => write.marker)).toEqual([]);
    expect(
      cancelUnanswered
        .filter((write) => stored.get(write.marker)?.status === 'cancelled')
        .map((w) => w.marker),
    ).toEqual([]);
  });
});

describe('the production start', () => {
  it('ends cleanly on Ctrl+C in a terminal (npm run serve, SIGINT to the process group)', async () => {
    database = await preparedDatabase('postgres');
    const running = startServer({ port: portAt(0), env: database.serverEnv, via: 'npm' });
    server = running;
    await running.healthy();
    const pid = running.child.pid;
    if (pid === undefined) throw new Error('no pid');
    const signalled = Date.now();
    process.kill(-pid, 'SIGINT');
    const exit = await running.exited;
    console.info(`Ctrl+C on npm run serve: exit ${exit.code} in ${Date.now() - signalled} ms`);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(running.output()).toContain('stopped cleanly');
    expect(await send(running.url, { method: 'GET', path: '/api/health' })).toEqual({ kind: 'refused' });
  });

  it('refuses to start on PostgreSQL without the shared secrets, naming them, and never opens the port', async () => {
    database = await preparedDatabase('postgres');
    const { DATABASE_URL = '' } = database.serverEnv;
    const running = startServer({ port: portAt(0), env: { DATABASE_URL, FLEET_CA_SEED: '' } });
    server = running;
    const exit = await running.exited;
    expect(exit.code).toBe(1);
    expect(running.output()).toContain('AUTH_SECRET, FLEET_CA_SEED, RELAY_KEY_SEED');
  });

  it('exits 1 when the database cannot be opened, instead of answering 500', async () => {
    database = await preparedDatabase('postgres');
    const url = new URL(database.serverEnv.DATABASE_URL ?? '');
    url.pathname = '/pm_process_does_not_exist';
    const running = startServer({
      port: portAt(0),
      env: { ...database.serverEnv, DATABASE_URL: url.toString() },
    });
    server = running;
    const probes: string[] = [];
    const probing = (async () => {
      while (running.child.exitCode === null) {
        const answer = await send(running.url, { method: 'GET', path: '/api/health' });
        probes.push(answer.kind === 'answer' ? String(answer.status) : answer.kind);
        await sleep(200);
      }
    })();
    const exit = await running.exited;
    await probing;
    expect(exit.code).toBe(1);
    expect(running.output()).toContain('start failed');
    // Never a port that answers: every probe found nobody listening.
    expect(new Set(probes)).toEqual(new Set(['refused']));
  });
});
