import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, stations } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor, makeMunicipality, makeUser } from '../test-support';
import { fieldErrorsOf, fleetOf } from './admin-test-kit';

const database = testDatabaseForFile();

const stationInput = (municipalityId: string, overrides = {}) => ({
  name: 'Mobilitätsinsel Bahnhof',
  municipalityId,
  address: 'Bahnhofstraße 2, 04821 Brandis',
  latitude: 51.3337,
  longitude: 12.6101,
  chargePoints: 2,
  openingNotes: 'Rund um die Uhr.\nSchlüsseltresor links neben dem Eingang.',
  ...overrides,
});

describe('stations', () => {
  it('are created and edited by their municipality’s fleet manager, each change audited', async () => {
    const { db } = database;
    const { home, manager, managerUser, staff } = await fleetOf(db);
    const created = await manager.stations.create(stationInput(home.id));
    expect(created).toMatchObject({ chargePoints: 2, openingNotes: expect.stringContaining('\nSchlüssel') });
    const edited = await manager.stations.update({
      id: created.id,
      ...stationInput(home.id, { chargePoints: 4, address: '' }),
    });
    expect(edited).toMatchObject({ chargePoints: 4, address: null });
    expect((await manager.stations.managed()).map((s) => s.id)).toContain(created.id);
    expect((await staff.stations.list()).map((s) => s.id)).toContain(created.id);
    const entries = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, created.id))
      .orderBy(auditLog.at);
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([
      ['station.create', managerUser.id],
      ['station.update', managerUser.id],
    ]);
    expect(entries[1]?.before).toMatchObject({ chargePoints: 2 });
    expect(entries[1]?.after).toMatchObject({ chargePoints: 4 });
  });

  it('refuse a position off the globe or a taken name at the field, writing nothing', async () => {
    const { db } = database;
    const { home, manager } = await fleetOf(db);
    expect(
      await fieldErrorsOf(
        manager.stations.create(stationInput(home.id, { latitude: 91, longitude: 200, chargePoints: -1 })),
      ),
    ).toEqual({
      latitude: ['Der Breitengrad liegt zwischen -90 und 90 (z. B. 51.2845).'],
      longitude: ['Der Längengrad liegt zwischen -180 und 180 (z. B. 12.5093).'],
      chargePoints: ['Die Zahl der Ladepunkte ist eine ganze Zahl von 0 bis 99.'],
    });
    await manager.stations.create(stationInput(home.id));
    expect(await fieldErrorsOf(manager.stations.create(stationInput(home.id)))).toEqual({
      name: ['In dieser Kommune gibt es bereits eine Station mit diesem Namen.'],
    });
    expect(
      await fieldErrorsOf(manager.stations.create(stationInput(home.id, { name: 'Zeile\nzwei' }))),
    ).toEqual({
      name: ['Bitte ohne Steuerzeichen und Zeilenumbrüche eingeben.'],
    });
    const mine = await db.select().from(stations).where(eq(stations.municipalityId, home.id));
    expect(mine.map((s) => s.name).sort()).toEqual(['Mobilitätsinsel Bahnhof', home.station.name].sort());
  });

  it('of another municipality are not a fleet manager’s to create or change', async () => {
    const { db } = database;
    const { home, manager } = await fleetOf(db);
    const elsewhere = await makeMunicipality(db);
    const stranger = callerFor(db, await makeUser(db, elsewhere, 'fleet_manager'));
    await expect(stranger.stations.create(stationInput(home.id))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      stranger.stations.update({ id: home.station.id, ...stationInput(elsewhere.id) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      manager.stations.update({ id: home.station.id, ...stationInput(elsewhere.id) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await stranger.stations.managed()).map((s) => s.id)).not.toContain(home.station.id);
  });
});
