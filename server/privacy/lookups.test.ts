/** Who sees whose trips: the person all of them; their own fleet manager a span, for a stated reason, logged. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookings, tripAccessLog, trips } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import type { SessionUser } from '../auth/queries';
import { callerFor, makeMunicipality, makeUser, makeVehicle } from '../test-support';

const database = testDatabaseForFile();
const at = (iso: string) => new Date(iso);

let naunhof: Awaited<ReturnType<typeof makeMunicipality>>;
let staff: SessionUser;
let fleetNaunhof: SessionUser;
let fleetBrandis: SessionUser;
let plate: string;
const october = { from: '2026-10-01', to: '2026-11-01' };
const why = { purpose: 'fine' as const, reason: 'Bußgeldbescheid Az. 4711, Geschwindigkeit am 14.10.' };

async function drive(vehicleId: string, startsAt: string, minutes: number, km: number) {
  const [booking] = await database.db
    .insert(bookings)
    .values({
      vehicleId,
      userId: staff.id,
      startsAt: at(startsAt),
      endsAt: new Date(at(startsAt).getTime() + 2 * 3_600_000),
      status: 'completed',
    })
    .returning({ id: bookings.id });
  if (!booking) throw new Error('no booking');
  await database.db.insert(trips).values({
    bookingId: booking.id,
    startedAt: at(startsAt),
    endedAt: new Date(at(startsAt).getTime() + minutes * 60_000),
    odometerStart: 5_000,
    odometerEnd: 5_000 + km * 10,
  });
}

beforeAll(async () => {
  naunhof = await makeMunicipality(database.db);
  const brandis = await makeMunicipality(database.db);
  staff = await makeUser(database.db, naunhof);
  fleetNaunhof = await makeUser(database.db, naunhof, 'fleet_manager');
  fleetBrandis = await makeUser(database.db, brandis, 'fleet_manager');
  const car = await makeVehicle(database.db, naunhof);
  plate = car.plate;
  // 14 Oct 2026, 09:00 CEST; 3 Dec 2026, 09:00 CET.
  await drive(car.id, '2026-10-14T07:00:00Z', 45, 42);
  await drive(car.id, '2026-12-03T08:00:00Z', 30, 12.5);
});

describe('trips of a person', () => {
  it('shows the person all their trips: date, car, km, duration', async () => {
    const mine = await callerFor(database.db, staff).privacy.myTrips();
    expect(mine.map(({ plate, km, minutes, startedAt }) => ({ plate, km, minutes, startedAt }))).toEqual([
      { plate, km: 12.5, minutes: 30, startedAt: at('2026-12-03T08:00:00Z') },
      { plate, km: 42, minutes: 45, startedAt: at('2026-10-14T07:00:00Z') },
    ]);
  });

  it('shows their own fleet manager the span asked for, and logs who, when, whose and why', async () => {
    const before = Date.now();
    const found = await callerFor(database.db, fleetNaunhof).privacy.lookUpTrips({
      userId: staff.id,
      ...why,
      ...october,
    });
    expect(found.person).toEqual({ id: staff.id, name: 'Test Person' });
    expect(found.trips.map((t) => t.km)).toEqual([42]);
    const log = await database.db.select().from(tripAccessLog).where(eq(tripAccessLog.subjectId, staff.id));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      viewerId: fleetNaunhof.id,
      ...why,
      periodFrom: '2026-10-01',
      periodTo: '2026-11-01',
    });
    expect(log[0]?.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    // The person sees the lookup too.
    const seen = await callerFor(database.db, staff).privacy.myLookups();
    expect(seen).toEqual([
      expect.objectContaining({ viewer: 'Test Person', ...why, periodFrom: '2026-10-01' }),
    ]);
  });

  it('tells another municipality’s fleet manager the person does not exist, and logs nothing', async () => {
    const brandis = callerFor(database.db, fleetBrandis);
    const foreign = await brandis.privacy
      .lookUpTrips({ userId: staff.id, ...why, ...october })
      .catch((e: unknown) => e);
    const missing = await brandis.privacy
      .lookUpTrips({ userId: randomUUID(), ...why, ...october })
      .catch((e: unknown) => e);
    expect(foreign).toMatchObject({ code: 'NOT_FOUND', message: 'Diese Person gibt es nicht.' });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: 'Diese Person gibt es nicht.' });
    expect(await brandis.privacy.people()).not.toContainEqual(expect.objectContaining({ id: staff.id }));
    const log = await database.db
      .select()
      .from(tripAccessLog)
      .where(eq(tripAccessLog.viewerId, fleetBrandis.id));
    expect(log).toEqual([]);
  });

  it('asks for a reason and a short span, at their fields; staff look up nobody', async () => {
    const api = callerFor(database.db, fleetNaunhof);
    const noReason = await api.privacy
      .lookUpTrips({ userId: staff.id, purpose: 'damage', reason: 'weil', ...october })
      .catch((e: unknown) => e);
    expect(noReason).toMatchObject({ code: 'BAD_REQUEST' });
    expect(noReason).toHaveProperty('cause.issues.0.path', ['reason']);
    const tooLong = await api.privacy
      .lookUpTrips({ userId: staff.id, ...why, from: '2026-01-01', to: '2026-12-01' })
      .catch((e: unknown) => e);
    expect(tooLong).toHaveProperty('cause.issues.0.path', ['to']);
    await expect(
      callerFor(database.db, staff).privacy.lookUpTrips({ userId: staff.id, ...why, ...october }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      callerFor(database.db, staff).reports.figures({ ...october, groupBy: 'region' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
