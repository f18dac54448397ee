/**
 * Writers for the process tests: staff booking and cancelling over HTTP, each write marked so
 * that afterwards the database can be held against what the clients were told.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { readRegion } from '@/db/region';
import { bookingPolicies, bookings, municipalities, users, vehicles } from '@/db/schema';
import { seedRegion } from '@/db/seed';
import { type Outcome, type TrpcCall, trpc } from './harness';

export const REGION_FILE = 'db/regions/partheland.json';

/** Demo staff with a valid licence check, one per municipality they sign in for. */
export const WRITERS = [
  'anna.schmidt@brandis.example',
  'lea.hoffmann@grosspoesna.example',
  'sophie.richter@naunhof.example',
];

/**
 * The demo region in a fresh database, with room for the writers: a person may hold at most ten
 * future bookings by default, and the seed already gives the demo people some.
 */
export async function prepareRegion(db: Db) {
  const region = await readRegion(REGION_FILE);
  await seedRegion(db, region, { now: new Date(), timeZone: 'Europe/Berlin' });
  const all = await db.select({ id: municipalities.id }).from(municipalities);
  await db
    .insert(bookingPolicies)
    .values(all.map(({ id }) => ({ municipalityId: id, maxFutureBookingsPerPerson: 100 })))
    .onConflictDoUpdate({ target: bookingPolicies.municipalityId, set: { maxFutureBookingsPerPerson: 100 } });
  return { password: region.demoPassword };
}

/** The cars the writers book (every car of the region, in a fixed order). */
export async function regionCars(db: Db): Promise<string[]> {
  const rows = await db.select({ id: vehicles.id }).from(vehicles).orderBy(vehicles.plate);
  return rows.map((row) => row.id);
}

export interface WriteRecord {
  marker: string;
  vehicleId: string;
  create: TrpcCall;
  bookingId?: string;
  cancel?: TrpcCall;
}

export interface LoadResult {
  writes: WriteRecord[];
  /** Every request sent, reads included. */
  outcomes: Outcome[];
}

const SLOT_MS = 60 * 60_000;
const BOOKING_MS = 30 * 60_000;

/**
 * `clients` writers in parallel, each on a car of its own: book a slot (marked in `purpose`), read
 * the own bookings, cancel the booking, next slot. Slots lie 40 days ahead and beyond, past the
 * seeded demo bookings. A client stops when `stop()` says so or the server refuses connections.
 */
export async function runWriters(options: {
  /** Each client's server (several instances: spread over them). */
  urls: string[];
  cookies: string[];
  cars: string[];
  clients: number;
  stop: () => boolean;
  run?: string;
  /** Where in the slot sequence to begin (a later round of a test leaves earlier slots alone). */
  firstSlot?: number;
  /** Told of every booking the server confirmed. */
  onBooked?: () => void;
}): Promise<LoadResult & { run: string }> {
  const run = options.run ?? randomUUID().slice(0, 8);
  const writes: WriteRecord[] = [];
  const outcomes: Outcome[] = [];
  const start = Math.ceil((Date.now() + 40 * 86_400_000) / SLOT_MS) * SLOT_MS;
  const client = async (index: number) => {
    const url = options.urls[index % options.urls.length] ?? '';
    const cookie = options.cookies[index % options.cookies.length] ?? '';
    const vehicleId = options.cars[index % options.cars.length] ?? '';
    for (let slot = options.firstSlot ?? 0; !options.stop(); slot++) {
      const from = new Date(start + slot * SLOT_MS);
      const write: WriteRecord = {
        marker: `${run}-${index}-${slot}`,
        vehicleId,
        create: { outcome: { kind: 'refused' } },
      };
      writes.push(write);
      write.create = await trpc(
        url,
        'bookings.create',
        { vehicleId, from, to: new Date(from.getTime() + BOOKING_MS), purpose: write.marker },
        { cookie },
      );
      outcomes.push(write.create.outcome);
      if (write.create.outcome.kind === 'refused') return;
      const created = write.create.data as { id?: string } | undefined;
      if (!created?.id) continue;
      write.bookingId = created.id;
      options.onBooked?.();
      const read = await trpc(url, 'bookings.mine', undefined, { cookie, query: true });
      outcomes.push(read.outcome);
      if (read.outcome.kind === 'refused') return;
      write.cancel = await trpc(url, 'bookings.cancel', { id: created.id }, { cookie });
      outcomes.push(write.cancel.outcome);
      if (write.cancel.outcome.kind === 'refused') return;
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)));
  return { run, writes, outcomes };
}

export const answered = (call: TrpcCall | undefined, status: number) =>
  call?.outcome.kind === 'answer' && call.outcome.status === status;

/** The run's bookings as the database holds them. */
export async function storedBookings(db: Db, run: string) {
  return db
    .select({
      id: bookings.id,
      purpose: bookings.purpose,
      status: bookings.status,
      vehicleId: bookings.vehicleId,
    })
    .from(bookings)
    .where(like(bookings.purpose, `${run}-%`));
}

/** Pairs of live bookings of one car whose periods (with buffers) overlap: must be none. */
export async function overlappingPairs(db: Db): Promise<number> {
  const live = sql`('pending', 'reserved', 'active')`;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sql`bookings a join bookings b on a.vehicle_id = b.vehicle_id and a.id < b.id
      and a.status in ${live} and b.status in ${live}
      and tstzrange(a.starts_at - make_interval(mins => a.buffer_minutes), a.ends_at + make_interval(mins => a.buffer_minutes), '[)')
       && tstzrange(b.starts_at - make_interval(mins => b.buffer_minutes), b.ends_at + make_interval(mins => b.buffer_minutes), '[)')`);
  return row?.n ?? -1;
}

/** Ids of demo users by e-mail. */
export async function userIds(db: Db, emails: string[]) {
  return db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.email, emails), eq(users.role, 'staff')));
}
