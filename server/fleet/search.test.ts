import { describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';

const database = testDatabaseForFile();

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

describe('alternatives when nothing is free', () => {
  it('offers other stations at the same time and the same station an hour or two off', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    // An unusual kind of car (8-seat hybrid), so other tests' cars in a shared database stay out.
    const kind = { powertrain: 'phev', seats: 8, batteryKwh: 20, rangeKm: 60 } as const;
    const car = await makeVehicle(db, home, { ...kind, turnaroundBufferMinutes: 0 });
    const neighbour = await makeMunicipality(db);
    const elsewhere = await makeVehicle(db, neighbour, kind);
    const api = callerFor(db, await makeUser(db, home));
    const wanted = hoursFromNow(30, 2);
    // The only car here is taken from 29 h to 32 h: from 32 h (2 h later) it is free, earlier it is not.
    const hour = 3_600_000;
    await api.bookings.create({
      vehicleId: car.id,
      from: new Date(+wanted.from - hour),
      to: new Date(+wanted.from + 2 * hour),
    });
    const found = await api.vehicles.search({
      ...wanted,
      stationId: home.station.id,
      powertrain: 'phev',
      minSeats: 8,
    });
    expect(found.vehicles).toEqual([]);
    expect(found.alternatives?.otherStations.map((v) => v.id)).toContain(elsewhere.id);
    expect(found.alternatives?.otherStations.map((v) => v.id)).not.toContain(car.id);
    const shifts = found.alternatives?.shifted.map((s) => [s.shiftHours, s.vehicles.map((v) => v.id)]);
    expect(shifts).toEqual([[2, [car.id]]]);
    expect(found.alternatives?.shifted[0]?.from).toEqual(new Date(+wanted.from + 2 * 3_600_000));
  });

  it('offers nothing for a search without a place, and refuses an unknown one', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const api = callerFor(db, await makeUser(db, home));
    const window = hoursFromNow(30, 2);
    // A seat count no car has: nothing anywhere, and no place to offer alternatives for.
    expect(await api.vehicles.search({ ...window, minSeats: 9, powertrain: 'phev' })).toMatchObject({
      alternatives: null,
    });
    await expect(
      api.vehicles.search({ ...window, stationId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
