import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor } from '../test-support';
import { createWorld, removeWorld } from './factories';
import { addReportHistory } from './report-history';

const database = testDatabaseForFile();

describe('the dashboard spec’s report month', () => {
  it('gives the figures the spec expects, and goes with its world', async () => {
    const { db } = database;
    const world = await createWorld(db, { cars: [{ seats: 5 }, { seats: 5 }, { seats: 9 }] });
    await addReportHistory(
      db,
      { municipalityId: world.municipality.id, month: '2026-11-01' },
      'Europe/Berlin',
    );
    const managerId = world.people.find((p) => p.role === 'fleet_manager')?.id ?? '';
    const [manager] = await db.select().from(users).where(eq(users.id, managerId));
    if (!manager) throw new Error('no manager');
    const figures = await callerFor(db, manager).reports.figures({
      from: '2026-11-01',
      to: '2026-12-01',
      groupBy: 'vehicle',
      municipalityId: world.municipality.id,
    });
    const byCar = world.cars.map((car) => figures.rows.find((row) => row.key === car.id));
    expect(byCar.map((row) => row?.km)).toEqual([367, 58, 210]);
    // car 3: 8 h driven + 2 h of the no-show (held all the same); the cancellation holds nothing.
    expect(byCar.map((row) => row?.heldHours)).toEqual([23, 5, 10]);
    // car 3: 720 h in November − the 48 h block; 3 bookings, of them one no-show and one cancellation.
    expect(byCar[2]?.availableHours).toBe(672);
    expect(byCar[2]).toMatchObject({ bookings: 3, noShows: 1, cancellations: 1 });
    // car 1: 355 € fixed + 367 km × 0.12 € + 62.39 kWh × 0.30 € = 417.757 → 62.76 € variable.
    expect(byCar[0]?.costs).toBe(417.76);
    expect(figures.stations).toEqual([
      {
        stationId: world.station.id,
        municipalityId: world.municipality.id,
        peakConcurrentBookings: 1,
        unmetSearches: 4,
      },
    ]);
    await removeWorld(db, world.municipality.id);
  });
});
