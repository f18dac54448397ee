/**
 * Relay unlock round trip against the real server, split into legs: `npx tsx bench/relay.ts [unlocks=50]`.
 * A person's `telematics.command` (createCaller, as the web's tRPC call lands) → the app's own
 * appRouter served over HTTP on 127.0.0.1 (tRPC standalone adapter, as relay-http.test.ts does) →
 * a real gateway (createGateway + createHttpServerLink) → node-ble → the BlueZ double on a private
 * dbus-daemon → the reference box → back, until `telematics.job` reports the job done. The database
 * is a fresh migrated one (bench/database.ts): embedded PGlite, or with DATABASE_URL a scratch
 * database on that server, dropped afterwards. Everything runs in one process, so one clock
 * (performance.now) times every leg. Figures are printed, never asserted.
 *
 * telematics/gateway/bench.ts measures the same path against the in-test contract server; it is
 * the baseline for what the server's legs cost without the real procedures and database.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { eq } from 'drizzle-orm';
import { boxes } from '@/db/schema';
import { appRouter } from '@/server/root';
import { carWithBox, currentBooking } from '@/server/telematics/test-fixtures';
import { stopWakeups } from '@/server/telematics/wakeups';
import { testContext } from '@/server/test-context';
import { RecordingPeripheral } from '@/telematics/bluez-double/recording-peripheral';
import { CarSimulator } from '@/telematics/box';
import { createGateway, type Gateway } from '@/telematics/gateway/gateway';
import { createHttpServerLink } from '@/telematics/gateway/http-server-link';
import type { LogEntry } from '@/telematics/gateway/log';
import type { ServerLink } from '@/telematics/gateway/server-link';
import { assertExited, type RadioRig, startRadio } from '@/telematics/gateway/testing/fleet';
import { type RadioMarks, radioTimer } from '@/telematics/gateway/testing/radio-timing';
import { openBenchDatabase } from './database';
import { ms, p50, p95, table } from './stats';

const UNLOCKS = Number(process.argv[2] ?? 50);
const WARM_UP = 3;
const log = (line = '') => console.log(line);

/** What one job went through, by the one clock. The box is one, and commands go one at a time. */
interface Marks extends RadioMarks {
  pulled: number;
  challengeStart: number;
  challengeEnd: number;
  resultStart: number;
  resultEnd: number;
  /** `gateway.progress` calls: they run beside the radio work; the result waits for them. */
  progress: { start: number; end: number }[];
}

const marks = new Map<string, Partial<Marks> & { progress: Marks['progress'] }>();
const marksOf = (jobId: string) => {
  let m = marks.get(jobId);
  if (!m) {
    m = { progress: [] };
    marks.set(jobId, m);
  }
  return m;
};
/** BLE steps are marked into the job the radio works for now (set when the pull hands it over). */
const timer = radioTimer();
const resultTaken = new Map<string, () => void>();
const resultWaits = new Map<string, Promise<void>>();
const whenResultTaken = (jobId: string) => {
  let wait = resultWaits.get(jobId);
  if (!wait) {
    wait = new Promise<void>((resolve) => resultTaken.set(jobId, resolve));
    resultWaits.set(jobId, wait);
  }
  return wait;
};

/** Marks the gateway's HTTP calls to the server: when each was made and when its answer was in. */
function timedServer(inner: ServerLink): ServerLink {
  return {
    boxes: () => inner.boxes(),
    async pull(input, signal) {
      const answer = await inner.pull(input, signal);
      const now = performance.now();
      for (const job of answer.jobs) {
        const m = marksOf(job.id);
        m.pulled = now;
        timer.markInto(m);
      }
      return answer;
    },
    async progress(input) {
      const start = performance.now();
      await inner.progress(input);
      marksOf(input.jobId).progress.push({ start, end: performance.now() });
    },
    async challenge(input) {
      const m = marksOf(input.jobId);
      m.challengeStart = performance.now();
      const answer = await inner.challenge(input);
      m.challengeEnd = performance.now();
      return answer;
    },
    async result(input) {
      const m = marksOf(input.jobId);
      m.resultStart = performance.now();
      await inner.result(input);
      m.resultEnd = performance.now();
      whenResultTaken(input.jobId);
      resultTaken.get(input.jobId)?.();
    },
    logCursor: (input) => inner.logCursor(input),
    uploadLog: (input) => inner.uploadLog(input),
  };
}

const LEGS = [
  'server: command accepted (createCaller)',
  'server queue (accepted → pull answered)',
  'gateway (own processing)',
  'BLE connect',
  'BLE read info + challenge',
  'server challenge (HTTP + cert/signing)',
  'BLE write→notify (without the box)',
  'box verify (writeCommand)',
  'BLE disconnect',
  'waiting on progress reports',
  'server result (HTTP + verify + booking)',
  'job status read (telematics.job)',
  'total',
] as const;
type Leg = (typeof LEGS)[number];

function need(m: Partial<Marks>, key: Exclude<keyof Marks, 'progress'>): number {
  const value = m[key];
  if (value === undefined) throw new Error(`job without the mark ${key}`);
  return value;
}

async function main() {
  // Throwaway fleet keys for this run: the scratch fleet needs its own CA, and the bench should
  // neither read the installation's keys nor write new ones into DATA_DIR.
  process.env.FLEET_CA_SEED = randomBytes(32).toString('hex');
  process.env.RELAY_KEY_SEED = randomBytes(32).toString('hex');

  const database = await openBenchDatabase(10);
  const { db } = database;
  let server: http.Server | undefined;
  let radio: RadioRig | undefined;
  let gateway: Gateway | undefined;
  const lines: LogEntry[] = [];
  let cleaned = '';
  try {
    log(`database: ${database.description}`);
    // The app's router as /api/trpc serves it, with the context a request gets (no session: a gateway).
    const handler = createHTTPHandler({
      router: appRouter,
      basePath: '/api/trpc/',
      createContext: ({ req }) => testContext(db, null, req.headers.authorization ?? null),
    });
    const httpServer = http.createServer(handler);
    server = httpServer;
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const serverUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;

    const s = await carWithBox(db);
    const [row] = await db.select().from(boxes).where(eq(boxes.id, s.boxId));
    if (!row) throw new Error('box not provisioned');
    const car = {
      boxId: s.boxId,
      address: row.bleAddress,
      box: s.box,
      store: s.store,
      radio: new RecordingPeripheral(s.box),
      car: new CarSimulator({ box: s.box, clock: s.clock, odometerKm: 12_345, socPercent: 80 }),
    };
    // The timer wraps the box itself, not the recording peripheral: nothing but the box in its time.
    radio = await startRadio([car], {}, (c) => timer.timedBox(c.box));
    const dbusPid = radio.bus.pid;
    gateway = createGateway({
      server: timedServer(createHttpServerLink({ serverUrl, token: s.token })),
      link: timer.timedLink(radio.link),
      stationId: s.home.station.id,
      pullWaitMs: 25_000,
      logSyncIntervalMs: 3_600_000,
      backoff: { minMs: 20, maxMs: 200 },
      logger: (entry) => lines.push(entry),
    });
    gateway.start();
    // The first log sync round runs at start; let it finish before anything is timed.
    await gateway.syncLogs();

    const booking = await currentBooking(s);
    const legs = Object.fromEntries(LEGS.map((leg) => [leg, [] as number[]])) as Record<Leg, number[]>;
    const progressCalls: number[] = [];
    const boxLock: number[] = [];

    /** Presses a button as a person does and waits until `telematics.job` says it is done. */
    const press = async (op: 'unlock' | 'lock') => {
      const started = performance.now();
      const { jobId } = await s.api.telematics.command({ bookingId: booking.id, op });
      const accepted = performance.now();
      await Promise.race([
        whenResultTaken(jobId),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`${op}: no result in 10 s`)), 10_000)),
      ]);
      for (;;) {
        const job = await s.api.telematics.job({ jobId });
        if (job.state === 'done' && job.status === 'OK') break;
        if (job.state === 'done' || job.state === 'failed') throw new Error(`${op}: ${JSON.stringify(job)}`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      const finished = performance.now();
      const m = marks.get(jobId);
      if (!m) throw new Error(`${op}: no marks`);
      marks.delete(jobId);
      resultWaits.delete(jobId);
      resultTaken.delete(jobId);
      return { started, accepted, finished, m };
    };

    for (let i = -WARM_UP; i < UNLOCKS; i++) {
      const { started, accepted, finished, m } = await press('unlock');
      const lock = await press('lock');
      if (i < 0) continue;
      boxLock.push(need(lock.m, 'boxMs'));
      const disconnectEnd = need(m, 'disconnectEnd');
      const resultStart = need(m, 'resultStart');
      const resultEnd = need(m, 'resultEnd');
      // The result waits for the progress reports still under way once the radio is done.
      const lastProgress = Math.max(disconnectEnd, ...m.progress.map((p) => p.end));
      const progressWait = Math.max(0, Math.min(lastProgress, resultStart) - disconnectEnd);
      for (const p of m.progress) progressCalls.push(p.end - p.start);
      const sendMs = need(m, 'sendEnd') - need(m, 'sendStart');
      const parts: [Leg, number][] = [
        ['server: command accepted (createCaller)', accepted - started],
        ['server queue (accepted → pull answered)', need(m, 'pulled') - accepted],
        ['BLE connect', need(m, 'connectEnd') - need(m, 'connectStart')],
        ['BLE read info + challenge', need(m, 'readsEnd') - need(m, 'connectEnd')],
        ['server challenge (HTTP + cert/signing)', need(m, 'challengeEnd') - need(m, 'challengeStart')],
        ['BLE write→notify (without the box)', sendMs - need(m, 'boxMs')],
        ['box verify (writeCommand)', need(m, 'boxMs')],
        ['BLE disconnect', disconnectEnd - need(m, 'disconnectStart')],
        ['waiting on progress reports', progressWait],
        ['server result (HTTP + verify + booking)', resultEnd - resultStart],
        ['job status read (telematics.job)', finished - resultEnd],
      ];
      const total = finished - started;
      for (const [leg, value] of parts) legs[leg].push(value);
      legs['gateway (own processing)'].push(total - parts.reduce((sum, [, value]) => sum + value, 0));
      legs.total.push(total);
    }

    await gateway.stop();
    gateway = undefined;
    await radio.stop();
    radio = undefined;
    assertExited(dbusPid, 'dbus-daemon');

    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const totalSum = sum(legs.total);
    log(
      `relay unlock round trip, ${UNLOCKS} unlocks (each locked again, untimed, so the next is a real one)`,
    );
    log(`after ${WARM_UP} warm-up pairs; one car, one gateway, one box.`);
    log('server: the REAL app router (appRouter) over HTTP on 127.0.0.1 (tRPC standalone adapter),');
    log('on the database above; the person presses through createCaller, the gateway speaks HTTP.');
    log('BLE: node-ble over the BlueZ double on a private dbus-daemon; box: the reference box.\n');
    log(
      table(
        ['leg', 'p50 ms', 'p95 ms', 'share'],
        LEGS.map((leg) => [
          leg,
          ms(p50(legs[leg])),
          ms(p95(legs[leg])),
          `${((sum(legs[leg]) / totalSum) * 100).toFixed(1)} %`,
        ]),
      ),
    );
    log(
      `\nbox verification per command (writeCommand: certificate + command signatures, action, signed answer):`,
    );
    log(
      `  unlock p50 ${ms(p50(legs['box verify (writeCommand)'])).trim()} ms, p95 ${ms(p95(legs['box verify (writeCommand)'])).trim()} ms · ` +
        `lock p50 ${ms(p50(boxLock)).trim()} ms, p95 ${ms(p95(boxLock)).trim()} ms`,
    );
    log(
      `gateway.progress calls (beside the radio work, not a leg): ${progressCalls.length}, ` +
        `p50 ${ms(p50(progressCalls)).trim()} ms, p95 ${ms(p95(progressCalls)).trim()} ms`,
    );
    log('\nshare = the leg\'s summed time over the summed totals. "gateway (own processing)" is the total');
    log('less every other leg: pull answer → connect, reads → challenge call, answer → write, promise');
    log('hops and session bookkeeping. "server queue" includes the pull answer\'s HTTP transit; the');
    log('server legs include HTTP, tRPC, superjson and the database. The status read is one');
    log("telematics.job call after the gateway's result was taken (a second one if not yet done).");
    const problems = lines.filter((l) => l.level !== 'info');
    if (problems.length > 0) log(`\ngateway log, not info: ${JSON.stringify(problems.slice(0, 5))}`);
    cleaned = `dbus-daemon ${dbusPid} gone`;
  } finally {
    await gateway?.stop();
    await radio?.stop();
    if (server) {
      const closing = server;
      closing.closeAllConnections();
      await new Promise((resolve) => closing.close(resolve));
    }
    await stopWakeups(db);
    await database.close();
  }
  log(
    `\ncleaned up: gateway stopped, ${cleaned}, HTTP server closed, database closed${database.engine === 'postgres' ? ' and dropped' : ''}.`,
  );
}

await main();
