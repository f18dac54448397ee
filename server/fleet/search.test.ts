import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { openTestDatabase } from '@/db/test-db';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('vehicles.search', () => {
  it('returns only cars free over the whole range, buffers counted', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const [busy, bufferOnly, free] = [
      await makeVehicle(db, home, { plate: `A-${home.slug}` }),
      await makeVehicle(db, home, { plate: `B-${home.slug}` }),
      await makeVehicle(db, home, { plate: `C-${home.slug}` }),
    ];
    const api = callerFor(db, await makeUser(db, home));
    const wanted = hoursFromNow(30, 2);
    // Overlaps the end of the wanted window by an hour.
    await api.bookings.create({ vehicleId: busy.id, ...hoursFromNow(31, 2) });
    // Ends 10 minutes before the wanted start: inside this car's 15-minute turnaround.
    await api.bookings.create({
      vehicleId: bufferOnly.id,
      from: new Date(wanted.from.getTime() - 70 * 60_000),
      to: new Date(wanted.from.getTime() - 10 * 60_000),
    });
    const found = await api.vehicles.search({ ...wanted, municipalityId: home.id });
    expect(found.vehicles.map((v) => v.id)).toEqual([free.id]);
    // The same cars are all free a day later.
    const later = await api.vehicles.search({ ...hoursFromNow(54, 2), municipalityId: home.id });
    expect(later.vehicles).toHaveLength(3);
  });

  it('filters by station, seats and powertrain', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const van = await makeVehicle(db, home, { powertrain: 'ice', seats: 9, batteryKwh: null, rangeKm: null });
    const ev = await makeVehicle(db, home);
    const api = callerFor(db, await makeUser(db, home));
    const window = hoursFromNow(30, 2);
    const ids = async (filter: object) =>
      (await api.vehicles.search({ ...window, ...filter })).vehicles.map((v) => v.id).sort();
    expect(await ids({ stationId: home.station.id })).toEqual([van.id, ev.id].sort());
    expect(await ids({ stationId: home.station.id, minSeats: 7 })).toEqual([van.id]);
    expect(await ids({ stationId: home.station.id, powertrain: 'ev' })).toEqual([ev.id]);
  });

  it("lists the caller's own municipality's cars first", async () => {
    const { db } = database;
    const [mine, theirs] = [await makeMunicipality(db), await makeMunicipality(db)];
    const ownCar = await makeVehicle(db, mine);
    await makeVehicle(db, theirs);
    const found = await callerFor(db, await makeUser(db, mine)).vehicles.search(hoursFromNow(30, 2));
    expect(found.vehicles[0]?.id).toBe(ownCar.id);
  });

  it('never offers a car out of service', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    await makeVehicle(db, home, { status: 'out_of_service' });
    const api = callerFor(db, await makeUser(db, home));
    expect((await api.vehicles.search({ ...hoursFromNow(30, 2), municipalityId: home.id })).vehicles).toEqual(
      [],
    );
  });

  it('refuses unknown places and bad windows with field errors', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const api = callerFor(db, await makeUser(db, home));
    const unknown = '00000000-0000-4000-8000-000000000000';
    const window = hoursFromNow(30, 2);
    for (const [input, field] of [
      [{ ...window, stationId: unknown }, 'stationId'],
      [{ ...window, municipalityId: unknown }, 'municipalityId'],
      [{ from: window.to, to: window.from }, 'to'],
      [{ ...window, stationId: home.station.id, municipalityId: home.id }, 'stationId'],
    ] as const) {
      const error = await api.vehicles.search(input).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'BAD_REQUEST' });
      const cause = (error as { cause?: { fieldErrors?: object; issues?: { path: string[] }[] } }).cause;
      const fields =
        cause?.fieldErrors ?? Object.fromEntries((cause?.issues ?? []).map((i) => [i.path[0], 1]));
      expect(fields).toHaveProperty(field);
    }
  });
});

describe('vehicles.managed', () => {
  it("lists a fleet manager's own cars only, and refuses staff", async () => {
    const { db } = database;
    const [mine, theirs] = [await makeMunicipality(db), await makeMunicipality(db)];
    const own = await makeVehicle(db, mine, { status: 'out_of_service' });
    await makeVehicle(db, theirs);
    const manager = callerFor(db, await makeUser(db, mine, 'fleet_manager'));
    expect((await manager.vehicles.managed()).map((v) => v.id)).toEqual([own.id]);
    await expect(callerFor(db, await makeUser(db, mine)).vehicles.managed()).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
