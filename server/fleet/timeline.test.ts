import { describe, expect, it } from 'vitest';
import { timelineDays } from '@/app/lib/days';
import { todayIn } from '@/app/lib/time';
import { vehicleBlocks } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { defaultPolicy } from '../bookings/policy';
import { savePolicy } from '../bookings/policy-queries';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';

const database = testDatabaseForFile();
const zone = 'Europe/Berlin';

describe('timeline.view', () => {
  it("shows own bookings with their id, others' as booked without person, and blocks", async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const [mineCar, theirCar] = [await makeVehicle(db, home), await makeVehicle(db, home)];
    const me = callerFor(db, await makeUser(db, home));
    const colleague = callerFor(db, await makeUser(db, home));
    const own = await me.bookings.create({
      vehicleId: mineCar.id,
      ...hoursFromNow(30, 2),
      purpose: 'Termin',
    });
    await colleague.bookings.create({ vehicleId: theirCar.id, ...hoursFromNow(26, 1), purpose: 'Geheim' });
    const block = hoursFromNow(40, 3);
    await db.insert(vehicleBlocks).values({
      vehicleId: theirCar.id,
      startsAt: block.from,
      endsAt: block.to,
      kind: 'cleaning',
      reason: 'x',
    });

    const view = await me.timeline.view({ municipalityId: home.id, from: todayIn(zone), days: 3 });
    expect(view.days).toHaveLength(3);
    expect(view.vehicles.map((v) => v.id).sort()).toEqual([mineCar.id, theirCar.id].sort());
    const slotsOf = (id: string) => view.vehicles.find((v) => v.id === id)?.slots;
    expect(slotsOf(mineCar.id)).toEqual([expect.objectContaining({ kind: 'own', bookingId: own.id })]);
    expect(slotsOf(theirCar.id)?.map((s) => [s.kind, s.bookingId])).toEqual([
      ['booked', null],
      ['blocked', null],
    ]);
    expect(JSON.stringify(view)).not.toMatch(/Geheim|Test Person|userId/);
    // A station's view holds the same cars; a day long ago holds none of the slots.
    const station = await me.timeline.view({ stationId: home.station.id, from: '2020-01-06', days: 1 });
    expect(station.vehicles.every((v) => v.slots.length === 0)).toBe(true);
  });

  it('gives a DST day its real hours: 25 at the end of summer time, 23 at its start', async () => {
    expect(timelineDays('2026-10-25', 1, zone)[0]).toMatchObject({
      start: new Date('2026-10-24T22:00Z'),
      end: new Date('2026-10-25T23:00Z'),
      hours: 25,
    });
    expect(timelineDays('2027-03-28', 2, zone).map((d) => [d.start.toISOString(), d.hours])).toEqual([
      ['2027-03-27T23:00:00.000Z', 23],
      ['2027-03-28T22:00:00.000Z', 24],
    ]);
    const { db } = database;
    const home = await makeMunicipality(db);
    const car = await makeVehicle(db, home);
    // Over the hour that happens twice: 02:30 summer time to 02:30 winter time.
    await db.insert(vehicleBlocks).values({
      vehicleId: car.id,
      startsAt: new Date('2026-10-25T00:30Z'),
      endsAt: new Date('2026-10-25T01:30Z'),
      kind: 'maintenance',
      reason: 'Werkstatt',
    });
    const view = await callerFor(db, await makeUser(db, home)).timeline.view({
      stationId: home.station.id,
      from: '2026-10-25',
      days: 1,
    });
    expect(view.days[0]?.hours).toBe(25);
    expect(view.vehicles[0]?.slots).toEqual([
      {
        kind: 'blocked',
        from: new Date('2026-10-25T00:30Z'),
        to: new Date('2026-10-25T01:30Z'),
        bookingId: null,
      },
    ]);
  });

  it("refuses another municipality's station whose owner lets no others book, except to its managers", async () => {
    const { db } = database;
    const [mine, theirs] = [await makeMunicipality(db), await makeMunicipality(db)];
    const manager = await makeUser(db, theirs, 'fleet_manager');
    await savePolicy(db, theirs.id, { ...defaultPolicy, othersMayBook: false }, manager.id);
    await makeVehicle(db, theirs);
    const input = { stationId: theirs.station.id, from: todayIn(zone), days: 1 };
    await expect(callerFor(db, await makeUser(db, mine)).timeline.view(input)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { code: 'OTHER_MUNICIPALITY' },
    });
    expect((await callerFor(db, manager).timeline.view(input)).vehicles).toHaveLength(1);
    expect(
      (await callerFor(db, await makeUser(db, null, 'operator')).timeline.view(input)).vehicles,
    ).toHaveLength(1);
  });

  it('refuses bad input with typed errors', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const api = callerFor(db, await makeUser(db, home));
    const from = todayIn(zone);
    const cases = [
      [{ stationId: home.station.id, from, days: 9 }, 'days'],
      [{ stationId: home.station.id, from, days: 0 }, 'days'],
      [{ stationId: home.station.id, from: '2026-13-01', days: 1 }, 'from'],
      [{ stationId: home.station.id, municipalityId: home.id, from, days: 1 }, 'stationId'],
      [{ from, days: 1 }, 'stationId'],
      [{ stationId: 'nope', from, days: 1 }, 'stationId'],
    ] as const;
    for (const [input, field] of cases) {
      const error = await api.timeline.view(input).catch((e: unknown) => e);
      expect(error, JSON.stringify(input)).toMatchObject({ code: 'BAD_REQUEST' });
      const issues = (error as { cause?: { issues?: { path: string[] }[] } }).cause?.issues ?? [];
      expect(issues.map((issue) => issue.path[0])).toContain(field);
    }
    await expect(
      api.timeline.view({ stationId: '00000000-0000-4000-8000-000000000000', from, days: 1 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', cause: { code: 'STATION_NOT_FOUND' } });
  });
});
