import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, trips } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { makeMunicipality, makeVehicle } from '../test-support';
import { createWorld, removeWorld } from './factories';
import { pastTrip } from './past-trips';

const database = testDatabaseForFile();

describe('past trips for end-to-end specs', () => {
  it('write a completed booking of one world’s person on another’s car, with its km', async () => {
    const { db } = database;
    const [owner, payer] = [await createWorld(db), await createWorld(db, { people: ['staff'] })];
    const [car] = owner.cars;
    const [person] = payer.people;
    if (!car || !person) throw new Error('incomplete world');
    // September: reports.test.ts freezes October on the same shared database, which a booking across
    // municipalities without a tariff would refuse.
    const booking = await pastTrip(db, {
      vehicleId: car.id,
      userId: person.id,
      startsAt: '2026-09-07T08:00:00Z',
      endsAt: '2026-09-07T10:30:00Z',
      km: 42.5,
    });
    const [row] = await db.select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row).toMatchObject({ status: 'completed', driverMunicipalityId: payer.municipality.id });
    const [trip] = await db.select().from(trips).where(eq(trips.bookingId, booking.id));
    expect((trip?.odometerEnd ?? 0) - (trip?.odometerStart ?? 0)).toBe(425);
    await removeWorld(db, payer.municipality.id);
    await removeWorld(db, owner.municipality.id);
    expect(await db.select().from(bookings).where(eq(bookings.id, booking.id))).toEqual([]);
  });

  it('refuse a car outside the test worlds', async () => {
    const { db } = database;
    const world = await createWorld(db, { people: ['operator'] });
    const real = await makeVehicle(db, await makeMunicipality(db));
    const [person] = world.people;
    expect(person?.role).toBe('operator');
    await expect(
      pastTrip(db, {
        vehicleId: real.id,
        userId: person?.id ?? '',
        startsAt: '2026-09-07T08:00:00Z',
        endsAt: '2026-10-05T09:00:00Z',
        km: 1,
      }),
    ).rejects.toThrow('not a test world');
    await removeWorld(db, world.municipality.id);
  });
});
