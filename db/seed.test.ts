import { inArray, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { type Region, readRegion } from './region';
import { bookings, municipalities, users, vehicles } from './schema';
import { seedRegion } from './seed';
import { testDatabaseForFile } from './test-db';

const database = testDatabaseForFile();

// Only the region's own rows: other test files add theirs to the same PostgreSQL database meanwhile.
async function regionCounts(region: Region) {
  const { db } = database;
  const slugs = region.municipalities.map((m) => m.slug);
  const plates = region.municipalities.flatMap((m) =>
    m.stations.flatMap((s) => s.vehicles.map((v) => v.plate)),
  );
  const emails = region.demoUsers.map((u) => u.email.toLowerCase());
  const n = sql<number>`count(*)::int`;
  const [m] = await db.select({ n }).from(municipalities).where(inArray(municipalities.slug, slugs));
  const [v] = await db.select({ n }).from(vehicles).where(inArray(vehicles.plate, plates));
  const people = await db.select({ id: users.id }).from(users).where(inArray(users.email, emails));
  const [b] = await db
    .select({ n })
    .from(bookings)
    .where(
      inArray(
        bookings.userId,
        people.map((p) => p.id),
      ),
    );
  return [m?.n, v?.n, people.length, b?.n];
}

it('seeds the region file once, however often it runs', async () => {
  const region = await readRegion('db/regions/partheland.json');
  const options = { now: new Date('2026-11-26T09:00:00Z'), timeZone: 'Europe/Berlin' };
  await seedRegion(database.db, region, options);
  const first = await regionCounts(region);
  await seedRegion(database.db, region, options);
  expect(await regionCounts(region)).toEqual(first);
  expect(first[0]).toBe(6);
  expect(first[1]).toBe(26);
  expect(first[2]).toBe(12);
  expect(first[3]).toBeGreaterThan(50);
});

it('rejects a region file that names an unknown vehicle model', async () => {
  const { writeFile, mkdtemp } = await import('node:fs/promises');
  const path = `${await mkdtemp('/tmp/region-')}/bad.json`;
  await writeFile(
    path,
    JSON.stringify({
      models: {},
      municipalities: [
        {
          slug: 'x',
          name: 'X',
          costCentre: 'K',
          stations: [
            { name: 'S', lat: 1, lng: 1, chargePoints: 0, vehicles: [{ plate: 'P', model: 'nope' }] },
          ],
        },
      ],
      productName: 'P',
      operatorName: 'O',
      demoPassword: 'long-enough',
      demoUsers: [],
    }),
  );
  await expect(readRegion(path)).rejects.toThrow(/unknown model/);
});
