import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '@/db/client';
import { users, vehicles } from '@/db/schema';
import { createBoxStore, createManualClock, ReferenceBox } from '@/telematics/box';
import { fromHex, toHex, uuidToBytes } from '@/telematics/protocol';
import {
  ensureStopped,
  portAt,
  type RunningServer,
  scratchDatabase,
  sharedSecrets,
  signIn,
  sleep,
  startServer,
  trpc,
} from './harness';
import { prepareRegion } from './load';

/**
 * Three instances of the built app on one PostgreSQL, as behind a load balancer: started together
 * on an empty database, then a browser's and a gateway's requests spread over them.
 */
let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
let servers: RunningServer[] = [];
let database: Database;
let password = '';
let startMs = 0;

beforeAll(async () => {
  scratch = await scratchDatabase();
  const env = { DATABASE_URL: scratch.url, ...sharedSecrets() };
  const started = Date.now();
  servers = [0, 1, 2].map((index) => startServer({ port: portAt(index), env }));
  await Promise.all(servers.map((server) => server.healthy()));
  startMs = Date.now() - started;
  database = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
  ({ password } = await prepareRegion(database.db));
}, 180_000);

afterAll(async () => {
  await database?.close();
  await Promise.all(servers.map((server) => ensureStopped(server)));
  await scratch?.drop();
});

const instance = (index: number) => {
  const server = servers[index];
  if (!server) throw new Error(`no instance ${index}`);
  return server.url;
};

async function person(email: string) {
  const [row] = await database.db.select().from(users).where(eq(users.email, email));
  if (!row?.municipalityId) throw new Error(`no demo person ${email}`);
  return { ...row, municipalityId: row.municipalityId };
}

describe('three instances on one PostgreSQL', () => {
  it('start together on an empty database: each migrates or waits, all healthy', async () => {
    console.info(`3 instances on an empty database: all healthy after ${startMs} ms`);
    for (const index of [0, 1, 2]) {
      const health = await fetch(`${instance(index)}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', schema: { current: true } });
    }
  });

  it('give one slot to exactly one of many bookers spread over them', async () => {
    const anna = await person('anna.schmidt@brandis.example');
    // A session made on one instance holds on the others: one AUTH_SECRET.
    const cookie = await signIn(instance(0), { email: anna.email, password });
    const [car] = await database.db
      .select({ id: vehicles.id })
      .from(vehicles)
      .where(eq(vehicles.ownerMunicipalityId, anna.municipalityId));
    if (!car) throw new Error('no car');
    const from = new Date(Math.ceil((Date.now() + 45 * 86_400_000) / 3_600_000) * 3_600_000);
    const to = new Date(from.getTime() + 2 * 3_600_000);
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        trpc(instance(index % 3), 'bookings.create', { vehicleId: car.id, from, to }, { cookie }),
      ),
    );
    const won = attempts.filter((attempt) => attempt.data !== undefined);
    const conflicts = attempts.filter((attempt) => attempt.error === 'CONFLICT');
    console.info(`slot race over 3 instances: ${won.length} winner, ${conflicts.length} CONFLICT of 12`);
    expect(won).toHaveLength(1);
    expect(conflicts).toHaveLength(11);
  });

  it('wake a gateway waiting on one instance for a command given on another, signed under one CA', async () => {
    const anna = await person('anna.schmidt@brandis.example');
    const lukas = await person('lukas.weber@brandis.example');
    const staff = await signIn(instance(1), { email: anna.email, password });
    const manager = await signIn(instance(0), { email: lukas.email, password });
    const cars = await database.db
      .select({ id: vehicles.id, stationId: vehicles.homeStationId })
      .from(vehicles)
      .where(and(eq(vehicles.ownerMunicipalityId, anna.municipalityId)));

    // A car free now (the seed books some), its box provisioned and its gateway registered on A.
    let booking: { id: string; car: { id: string; stationId: string } } | undefined;
    for (const car of cars) {
      const from = new Date(Date.now() + 2 * 60_000);
      const made = await trpc(
        instance(1),
        'bookings.create',
        { vehicleId: car.id, from, to: new Date(from.getTime() + 2 * 3_600_000) },
        { cookie: staff },
      );
      const id = (made.data as { id?: string } | undefined)?.id;
      if (id) {
        booking = { id, car };
        break;
      }
    }
    if (!booking) throw new Error('no free car for a current booking');
    const mac = [...randomBytes(6)]
      .map((b, i) => (i === 0 ? (b & 0xfc) | 0x02 : b).toString(16).padStart(2, '0'))
      .join(':');
    const provisioned = (
      await trpc(
        instance(0),
        'telematics.provisionBox',
        { vehicleId: booking.car.id, address: mac },
        { cookie: manager },
      )
    ).data as { boxId: string; seed?: string };
    if (!provisioned.seed) throw new Error('no box seed');
    const { token } = (
      await trpc(
        instance(0),
        'telematics.registerGateway',
        { stationId: booking.car.stationId, name: 'GW process test' },
        { cookie: manager },
      )
    ).data as { token: string };
    const keysOf = await Promise.all(
      [0, 1, 2].map(
        async (index) =>
          (await trpc(instance(index), 'telematics.fleetKeys', undefined, { cookie: manager, query: true }))
            .data as { caPublicKey: string },
      ),
    );
    // The box trusts the CA as instance A describes it.
    const box = new ReferenceBox({
      store: createBoxStore({
        boxId: uuidToBytes(provisioned.boxId),
        seed: fromHex(provisioned.seed),
        caPublicKey: fromHex(keysOf[0]?.caPublicKey ?? ''),
      }),
      clock: createManualClock(Math.floor(Date.now() / 1000)).now,
    });

    // The gateway waits on C; the person unlocks through B.
    const waiting = Date.now();
    const pull = trpc(instance(2), 'gateway.pull', { waitMs: 20_000 }, { token });
    await sleep(1_500);
    const commanded = Date.now();
    const { jobId } = (
      await trpc(
        instance(1),
        'telematics.command',
        { bookingId: booking.id, op: 'unlock' },
        { cookie: staff },
      )
    ).data as { jobId: string };
    const pulled = (await pull).data as { jobs: { id: string }[] };
    const wakeMs = Date.now() - commanded;
    expect(pulled.jobs.map((job) => job.id)).toEqual([jobId]);

    // C signs the command (its relay key, its CA's certificate); the box checks it with A's CA.
    const { command } = (
      await trpc(
        instance(2),
        'gateway.challenge',
        { jobId, info: toHex(box.readInfo()), challenge: toHex(box.readChallenge()) },
        { token },
      )
    ).data as { command: string };
    const response = box.writeCommand(fromHex(command));
    await trpc(instance(0), 'gateway.result', { jobId, response: toHex(response) }, { token });
    const job = (await trpc(instance(1), 'telematics.job', { jobId }, { cookie: staff, query: true })).data;
    console.info(
      `cross-instance: pull on C woken ${wakeMs} ms after the command on B (waited ${commanded - waiting} ms before); ` +
        `command signed on C accepted by a box trusting A's CA: ${JSON.stringify(job)}`,
    );
    expect(new Set(keysOf.map((keys) => keys.caPublicKey)).size).toBe(1);
    expect(wakeMs).toBeLessThan(5_000);
    expect(job).toMatchObject({ state: 'done', status: 'OK' });
    expect(box.car.locked).toBe(false);
  });
});
