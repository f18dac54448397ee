import { eq, inArray, or } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, municipalities, users, vehicles } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor, hoursFromNow, makeMunicipality } from '../test-support';
import { createWorld, factoriesServed, removeWorld } from './factories';

const database = testDatabaseForFile();

describe('e2e world factories', () => {
  it('make a municipality with its cars and people, who can sign in and book', async () => {
    const { db } = database;
    const world = await createWorld(db, {
      cars: [{ seats: 5 }, { seats: 9 }],
      people: ['staff', 'fleet_manager'],
    });
    expect(world.cars.map((c) => c.seats)).toEqual([5, 9]);
    expect(world.people.map((p) => p.role)).toEqual(['staff', 'fleet_manager']);
    const [staff] = world.people;
    const [car] = world.cars;
    if (!staff || !car) throw new Error('incomplete world');
    const person = (await db.select().from(users).where(eq(users.id, staff.id)))[0];
    if (!person) throw new Error('no person');
    const booked = await callerFor(db, { ...person, role: 'staff' }).bookings.create({
      vehicleId: car.id,
      ...hoursFromNow(26, 2),
    });
    expect(booked.status).toBe('reserved');
  });

  it('remove the world with everything its people and cars made', async () => {
    const { db } = database;
    const world = await createWorld(db);
    const [staff] = world.people;
    const [car] = world.cars;
    if (!staff || !car) throw new Error('incomplete world');
    const person = (await db.select().from(users).where(eq(users.id, staff.id)))[0];
    if (!person) throw new Error('no person');
    await callerFor(db, person).bookings.create({ vehicleId: car.id, ...hoursFromNow(30, 1) });
    const other = await createWorld(db);

    await removeWorld(db, world.municipality.id);

    expect(
      await db.select().from(municipalities).where(eq(municipalities.id, world.municipality.id)),
    ).toEqual([]);
    expect(
      await db.select().from(vehicles).where(eq(vehicles.ownerMunicipalityId, world.municipality.id)),
    ).toEqual([]);
    expect(await db.select().from(users).where(eq(users.municipalityId, world.municipality.id))).toEqual([]);
    expect(
      await db
        .select()
        .from(bookings)
        .where(or(eq(bookings.userId, staff.id), inArray(bookings.vehicleId, [car.id]))),
    ).toEqual([]);
    await expect(removeWorld(db, (await makeMunicipality(db)).id)).rejects.toThrow('not a test world');
    // Another world is untouched.
    expect(
      await db.select().from(vehicles).where(eq(vehicles.ownerMunicipalityId, other.municipality.id)),
    ).toHaveLength(1);
  });

  it('are served only with E2E_FACTORIES=on and never on PostgreSQL', () => {
    expect(factoriesServed({ E2E_FACTORIES: 'on', DATABASE_URL: undefined })).toBe(true);
    expect(factoriesServed({ E2E_FACTORIES: 'on', DATABASE_URL: 'postgres://db/prod' })).toBe(false);
    expect(factoriesServed({ E2E_FACTORIES: undefined, DATABASE_URL: undefined })).toBe(false);
  });

  it('are not served unless E2E_FACTORIES=on', async () => {
    const { POST } = await import('@/app/api/e2e/route');
    const response = await POST(
      new Request('http://localhost/api/e2e', { method: 'POST', body: JSON.stringify({ action: 'create' }) }),
    );
    expect(response.status).toBe(404);
  });
});
