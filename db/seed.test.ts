import { eq, inArray, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { SessionUser } from '@/server/auth/queries';
import { ensureRollupZone } from '@/server/reports/rollups';
import { figures, settlement } from '@/server/reports/service';
import { type Region, readRegion } from './region';
import { bookings, municipalities, users, vehicleBlocks, vehicles } from './schema';
import { seedRegion } from './seed';
import { testDatabaseForFile } from './test-db';

const database = testDatabaseForFile();
const db = () => database.db;

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

const options = { now: new Date('2026-11-26T09:00:00Z'), timeZone: 'Europe/Berlin' };

it('seeds the region file once, however often it runs', async () => {
  const region = await readRegion('db/regions/partheland.json');
  await ensureRollupZone(database.db, options.timeZone);
  await seedRegion(database.db, region, options);
  const first = await regionCounts(region);
  await seedRegion(database.db, region, options);
  expect(await regionCounts(region)).toEqual(first);
  expect(first[0]).toBe(6);
  expect(first[1]).toBe(26);
  expect(first[2]).toBe(12);
  expect(first[3]).toBeGreaterThan(50);
  const [brandis] = await database.db
    .select({ genitive: municipalities.nameGenitive, dative: municipalities.nameDative })
    .from(municipalities)
    .where(eq(municipalities.slug, 'brandis'));
  expect(brandis).toEqual({ genitive: 'der Stadt Brandis', dative: 'der Stadt Brandis' });
});

it('refuses a region file whose municipality lacks its name with the article', async () => {
  const region = await readRegion('db/regions/partheland.json');
  const { nameWithArticle: _forms, ...bare } = region.municipalities[0] ?? {};
  const { writeFile, mkdtemp } = await import('node:fs/promises');
  const path = `${await mkdtemp('/tmp/region-')}/no-article.json`;
  await writeFile(path, JSON.stringify({ ...region, municipalities: [bare] }));
  await expect(readRegion(path)).rejects.toThrow(/nameWithArticle/);
});

// The seed ran above (same file, same database): the demo's last completed month has real figures.
it('gives every municipality held hours, km and costs last month, and a settlement between them', async () => {
  const region = await readRegion('db/regions/partheland.json');
  const [operator] = await db().select().from(users).where(eq(users.email, 'tom.braun@betreiber.example'));
  if (!operator) throw new Error('the demo operator is missing');
  const user: SessionUser = { ...operator, role: 'operator' };
  const ids = await db()
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(
      inArray(
        municipalities.slug,
        region.municipalities.map((m) => m.slug),
      ),
    );
  const month = { from: '2026-10-01', to: '2026-11-01', groupBy: 'municipality' as const };
  const { rows } = await figures(db(), user, month, options.timeZone);
  for (const { id } of ids) {
    const row = rows.find((r) => r.key === id);
    expect(row?.heldHours, id).toBeGreaterThan(0);
    expect(row?.km, id).toBeGreaterThan(0);
    expect(row?.fixedCost, id).toBeGreaterThan(0);
    expect(row?.variableCost, id).toBeGreaterThan(0);
  }
  const region2 = rows.filter((r) => ids.some((m) => m.id === r.key));
  expect(region2.reduce((n, r) => n + r.noShows, 0)).toBeGreaterThan(0);
  expect(region2.reduce((n, r) => n + r.cancellations, 0)).toBeGreaterThan(0);
  const { matrix } = await settlement(db(), user, '2026-10-01', options.timeZone);
  const cells = matrix.filter((c) => ids.some((m) => m.id === c.ownerMunicipalityId));
  expect(cells.length).toBeGreaterThan(0);
  expect(cells.every((c) => c.amount > 0 && !c.linesWithoutTariff)).toBe(true);
});

it('keeps the demo bookings off the maintenance blocks, buffers included', async () => {
  const clashes = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(bookings)
    .innerJoin(vehicleBlocks, eq(vehicleBlocks.vehicleId, bookings.vehicleId))
    .where(
      sql`booking_holds_vehicle(${bookings.status}) and ${vehicleBlocks.cancelledAt} is null and ${vehicleBlocks.period} && booking_blocked_range(${bookings.period}, ${bookings.bufferMinutes})`,
    );
  const [blocks] = await db().select({ n: sql<number>`count(*)::int` }).from(vehicleBlocks);
  expect(blocks?.n).toBeGreaterThanOrEqual(2);
  expect(clashes[0]?.n).toBe(0);
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
          nameWithArticle: { genitive: 'von X', dative: 'X' },
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
