import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from './client';
import { readRegion } from './region';
import { bookings, municipalities, users, vehicles } from './schema';
import { seedRegion } from './seed';
import { openTestDatabase } from './test-db';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const count = async (table: typeof municipalities | typeof vehicles | typeof users | typeof bookings) =>
  (await database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;

it('seeds the region file once, however often it runs', async () => {
  const region = await readRegion('db/regions/partheland.json');
  const options = { now: new Date('2026-11-26T09:00:00Z'), timeZone: 'Europe/Berlin' };
  await seedRegion(database.db, region, options);
  const first = [
    await count(municipalities),
    await count(vehicles),
    await count(users),
    await count(bookings),
  ];
  await seedRegion(database.db, region, options);
  const second = [
    await count(municipalities),
    await count(vehicles),
    await count(users),
    await count(bookings),
  ];
  expect(second).toEqual(first);
  expect(first[0]).toBeGreaterThanOrEqual(6);
  expect(first[1]).toBeGreaterThanOrEqual(24);
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
      demoPassword: 'long-enough',
      demoUsers: [],
    }),
  );
  await expect(readRegion(path)).rejects.toThrow(/unknown model/);
});
