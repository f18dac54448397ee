import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, bookings, vehicles } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor, hoursFromNow, makeMunicipality, makeUser } from '../test-support';
import { carInput, fieldErrorsOf, fleetOf } from './admin-test-kit';

const database = testDatabaseForFile();

const auditOf = (objectId: string) =>
  database.db.select().from(auditLog).where(eq(auditLog.objectId, objectId)).orderBy(auditLog.at);

describe('a fleet manager adds a car', () => {
  it('with its plate normalised, in service from its day, audited, and offered to staff', async () => {
    const { db } = database;
    const { home, manager, staff, managerUser } = await fleetOf(db);
    const input = carInput(home);
    const car = await manager.vehicles.create(input);
    expect(car.plate).toBe(input.plate.replace(/\s+/g, ' ').toUpperCase());
    expect(car).toMatchObject({ status: 'in_service', equipment: ['child_seat', 'winter_tyres'] });
    expect(car.commissionedAt).toEqual(new Date('2025-12-31T23:00:00Z'));
    const [entry] = await auditOf(car.id);
    expect(entry).toMatchObject({
      action: 'vehicle.create',
      actorId: managerUser.id,
      municipalityId: home.id,
      before: null,
      after: expect.objectContaining({ plate: car.plate, seats: 5 }),
    });
    expect((await manager.vehicles.managed()).map((v) => v.id)).toContain(car.id);
    const found = await staff.vehicles.search({ ...hoursFromNow(24, 2), stationId: home.station.id });
    expect(found.vehicles.map((v) => v.id)).toContain(car.id);
  });

  it('is told at the field, in German, what is wrong, and nothing is written', async () => {
    const { db } = database;
    const { home, manager } = await fleetOf(db);
    const bad = carInput(home, { plate: 'L_PM 1', seats: 12, batteryKwh: null, turnaroundBufferMinutes: -5 });
    expect(await fieldErrorsOf(manager.vehicles.create(bad))).toEqual({
      plate: [expect.stringContaining('Kennzeichen')],
      seats: ['Ein Fahrzeug hat 1 bis 9 Sitzplätze.'],
      batteryKwh: ['Ein Elektro- oder Hybridfahrzeug braucht die Batteriekapazität.'],
      turnaroundBufferMinutes: ['Die Pufferzeit liegt zwischen 0 und 240 Minuten.'],
    });
    expect(await fieldErrorsOf(manager.vehicles.create(carInput(home, { seats: Number.NaN })))).toMatchObject(
      {
        seats: ['Bitte eine Zahl angeben.'],
      },
    );
    expect(await db.select().from(vehicles).where(eq(vehicles.ownerMunicipalityId, home.id))).toEqual([]);
  });

  it('whose plate is taken, however it is spelled, hears so at the plate', async () => {
    const { db } = database;
    const { home, manager } = await fleetOf(db);
    const first = await manager.vehicles.create(carInput(home, { plate: 'GRM-AB 77' }));
    expect(await fieldErrorsOf(manager.vehicles.create(carInput(home, { plate: ' grm-ab   77 ' })))).toEqual({
      plate: ['Dieses Kennzeichen ist bereits einem anderen Fahrzeug zugeordnet.'],
    });
    expect(await auditOf(first.id)).toHaveLength(1);
  });

  it('only of a municipality they manage; staff not at all', async () => {
    const { db } = database;
    const { home, staff } = await fleetOf(db);
    const stranger = callerFor(db, await makeUser(db, await makeMunicipality(db), 'fleet_manager'));
    await expect(stranger.vehicles.create(carInput(home))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(staff.vehicles.create(carInput(home))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('a fleet manager edits a car', () => {
  it('audited with before and after; a longer buffer leaves the bookings made as they are', async () => {
    const { db } = database;
    const { home, manager, staff } = await fleetOf(db);
    const car = await manager.vehicles.create(carInput(home, { turnaroundBufferMinutes: 0 }));
    const first = await staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) });
    const second = await staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(26, 2) });
    const edited = await manager.vehicles.update({
      id: car.id,
      ...carInput(home, { plate: car.plate, turnaroundBufferMinutes: 30, equipment: ['tow_bar'] }),
    });
    expect(edited).toMatchObject({ turnaroundBufferMinutes: 30, equipment: ['tow_bar'] });
    const kept = await db.select().from(bookings).where(eq(bookings.vehicleId, car.id));
    expect(kept.map((b) => [b.id, b.status])).toEqual(
      expect.arrayContaining([
        [first.id, 'reserved'],
        [second.id, 'reserved'],
      ]),
    );
    // A booking made now carries the new buffer: one ending as the first begins leaves no turnaround.
    await expect(staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(23, 1) })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const entries = await auditOf(car.id);
    expect(entries.map((e) => e.action)).toEqual(['vehicle.create', 'vehicle.update']);
    expect(entries[1]?.before).toMatchObject({
      turnaroundBufferMinutes: 0,
      equipment: ['child_seat', 'winter_tyres'],
    });
    expect(entries[1]?.after).toMatchObject({ turnaroundBufferMinutes: 30, equipment: ['tow_bar'] });
  });

  it('moves it to another station only while no booking is coming', async () => {
    const { db } = database;
    const { home, manager, staff } = await fleetOf(db);
    const car = await manager.vehicles.create(carInput(home));
    const other = await manager.stations.create({
      name: 'Bahnhof',
      municipalityId: home.id,
      address: '',
      latitude: 51.3,
      longitude: 12.6,
      chargePoints: 0,
      openingNotes: '',
    });
    const booking = await staff.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) });
    const moved = { id: car.id, ...carInput(home, { plate: car.plate, homeStationId: other.id }) };
    expect(await fieldErrorsOf(manager.vehicles.update(moved))).toEqual({
      homeStationId: [expect.stringContaining('eine kommende Buchung')],
    });
    await staff.bookings.cancel({ id: booking.id });
    expect(await manager.vehicles.update(moved)).toMatchObject({ homeStationId: other.id });
  });

  it('of their own municipality only', async () => {
    const { db } = database;
    const { home, manager } = await fleetOf(db);
    const car = await manager.vehicles.create(carInput(home));
    const elsewhere = await makeMunicipality(db);
    const stranger = callerFor(db, await makeUser(db, elsewhere, 'fleet_manager'));
    const edit = { id: car.id, ...carInput(home, { plate: car.plate, seats: 2 }) };
    await expect(stranger.vehicles.update(edit)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Nor may a manager hand their car to a municipality they do not manage.
    await expect(
      manager.vehicles.update({ ...edit, ownerMunicipalityId: elsewhere.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await db
        .select({ seats: vehicles.seats })
        .from(vehicles)
        .where(and(eq(vehicles.id, car.id))),
    ).toEqual([{ seats: 5 }]);
  });
});
