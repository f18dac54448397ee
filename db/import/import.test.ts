/**
 * The import of db/import-example/ (a copy with names of this test's own), worked out by hand.
 * March 2026 in Europe/Berlin: summer time starts on Sunday 29 March (02:00 → 03:00), so the
 * month has 743 hours.
 *
 * Brandis' car L-IM 1E (EV, 58 kWh, in service since 1 Jan): a 4 h block on 5 March → available
 * 739 h. Held: B-1 3 h + B-2 2 h + B-3 (no-show) 2 h + B-4 3 h (01:00 CET – 05:00 CEST, the night
 * of the change) + B-7 2 h of its 4 (it runs into April) = 12 h. Trips B-1, B-2, B-4, B-7: 42.5 +
 * 17.5 + 30 + 20 = 110 km; energy (10 + 4 + 6 + 5) % × 58 kWh = 14.5 kWh. Fixed costs: 360 €/month
 * for 1–15 March, 391 € from the 16th: (15 × 360 + 16 × 391) / 31 = 376.00 €; variable 110 km ×
 * 0.05 + 14.5 kWh × 0.30 = 9.85 €.
 * Naunhof's L-IM 2 (ICE) enters service on 10 March: 22 days with the short one = 527 h, fixed
 * 22 × 620 / 31 = 440.00 €; B-5 8 h and 120 km (× 0.10 = 12.00 €), B-6 cancelled.
 * Settlement at the owner's tariff on the day of booking start: B-1 Naunhof → Brandis 3 h × 5 +
 * 42.5 km × 0.20 = 23.50; B-3 no-show 2 h × 6 (tariff of 20 March) = 12.00; B-7 4 h × 6 + 20 km ×
 * 0.25 = 29.00; B-5 Brandis → Naunhof 8 h × 8 + 120 km × 0.30 = 100.00.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, inArray, sql, TransactionRollbackError } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bookings,
  importKeys,
  rateChanges,
  settlementPeriods,
  tripIgnitions,
  trips,
  users,
  vehicles,
} from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import type { SessionUser } from '@/server/auth/queries';
import { figures, matrixOf, settlementLinesOf } from '@/server/reports/service';
import { makeMunicipality, makeUser } from '@/server/test-support';
import { importFolder } from './index';
import { copyOfExample } from './test-folder';

const database = testDatabaseForFile();
const zone = 'Europe/Berlin';
const everyFile = {
  'vehicles.csv': 2,
  'vehicle-costs.csv': 3,
  'tariffs.csv': 3,
  'people.csv': 3,
  'blocks.csv': 1,
  'bookings.csv': 7,
  'trips.csv': 5,
  'ignitions.csv': 7,
};

let brandis: Awaited<ReturnType<typeof makeMunicipality>>;
let naunhof: Awaited<ReturnType<typeof makeMunicipality>>;
let operator: SessionUser;

beforeAll(async () => {
  brandis = await makeMunicipality(database.db);
  naunhof = await makeMunicipality(database.db);
  operator = await makeUser(database.db, null, 'operator');
});

async function bookingIdsOf(keys: readonly string[]) {
  const rows = await database.db
    .select({ key: importKeys.key, id: importKeys.bookingId })
    .from(importKeys)
    .where(and(eq(importKeys.kind, 'booking'), inArray(importKeys.key, [...keys])));
  return new Map(rows.map((r) => [r.key, r.id ?? '']));
}

describe('a good folder', () => {
  let example: Awaited<ReturnType<typeof copyOfExample>>;
  beforeAll(async () => {
    example = await copyOfExample(brandis, naunhof);
  });

  it('imports every row, and the figures and settlement over it are the ones worked out by hand', async () => {
    const result = await importFolder(database.db, example.folder, zone);
    expect(result).toEqual({
      ok: true,
      counts: Object.fromEntries(
        Object.entries(everyFile).map(([f, n]) => [f, { inserted: n, unchanged: 0 }]),
      ),
    });

    const report = await figures(
      database.db,
      operator,
      { from: '2026-03-01', to: '2026-04-01', groupBy: 'municipality' },
      zone,
    );
    const row = (id: string) => report.rows.find((r) => r.key === id);
    expect(row(brandis.id)).toMatchObject({
      heldHours: 12,
      availableHours: 739,
      km: 110,
      energyKwh: 14.5,
      ignitionHours: 5, // 5400 + 1800 + 7200 (the summer-time night) + 3600 s
      bookings: 5,
      trips: 4,
      noShows: 1,
      cancellations: 0,
      fixedCost: 376,
      variableCost: 9.85,
      costs: 385.85,
    });
    expect(row(naunhof.id)).toMatchObject({
      heldHours: 8,
      availableHours: 527,
      km: 120,
      energyKwh: 0,
      fuelLitres: 9.6,
      ignitionHours: 3, // 10800 s
      bookings: 2,
      trips: 1,
      noShows: 0,
      cancellations: 1,
      fixedCost: 440,
      variableCost: 29.28, // 120 km × 0.10 + 9.6 l × 1.80
      costs: 469.28,
    });

    const ids = await bookingIdsOf(['B-1', 'B-3', 'B-5', 'B-7'].map(example.key));
    const ours = (await settlementLinesOf(database.db, '2026-03-01', zone)).filter((l) =>
      [brandis.id, naunhof.id].includes(l.ownerMunicipalityId),
    );
    const amountOf = (key: string) => ours.find((l) => l.bookingId === ids.get(example.key(key)))?.amount;
    expect(ours).toHaveLength(4);
    expect([amountOf('B-1'), amountOf('B-3'), amountOf('B-7'), amountOf('B-5')]).toEqual([23.5, 12, 29, 100]);
    const { net } = matrixOf(ours);
    const naunhofOwesBrandis = net[0]?.a === naunhof.id ? net[0].aOwesB : -(net[0]?.aOwesB ?? 0);
    expect(naunhofOwesBrandis).toBe(64.5 - 100);
  });

  it('keeps the ignition intervals, fuel and history rows of what it wrote', async () => {
    const ids = await bookingIdsOf(['B-1', 'B-2', 'B-4', 'B-5', 'B-7'].map(example.key));
    const written = await database.db
      .select({
        bookingId: trips.bookingId,
        boxId: trips.boxId,
        ignitionSeconds: trips.ignitionSeconds,
        fuelLitres: trips.fuelLitres,
        intervals: sql<number>`(select sum(extract(epoch from off_at - on_at)) from ${tripIgnitions} i where i.trip_id = trips.id)::int`,
      })
      .from(trips)
      .where(inArray(trips.bookingId, [...ids.values()]));
    const of = (key: string) => written.find((t) => t.bookingId === ids.get(example.key(key)));
    // B-4's interval runs 01:30 CET – 04:30 CEST: two hours, not three.
    expect(['B-1', 'B-2', 'B-4', 'B-5', 'B-7'].map((k) => of(k)?.intervals)).toEqual([
      5400, 1800, 7200, 10800, 3600,
    ]);
    expect(of('B-4')).toMatchObject({ boxId: null, ignitionSeconds: 7200, fuelLitres: null });
    expect(of('B-5')?.fuelLitres).toBe(9.6);
    const history = await database.db
      .select({
        entity: rateChanges.entity,
        municipalityId: rateChanges.municipalityId,
        by: rateChanges.changedBy,
      })
      .from(rateChanges)
      .where(inArray(rateChanges.municipalityId, [brandis.id, naunhof.id]));
    expect(
      history.filter((h) => h.entity === 'vehicle_cost' && h.municipalityId === brandis.id),
    ).toHaveLength(2);
    expect(history.filter((h) => h.entity === 'tariff')).toHaveLength(3);
    expect(history.every((h) => h.by === null)).toBe(true);
  });

  it('changes nothing when the same folder comes again, and says so', async () => {
    const before = await tableCounts();
    const again = await importFolder(database.db, example.folder, zone);
    expect(again).toEqual({
      ok: true,
      counts: Object.fromEntries(
        Object.entries(everyFile).map(([f, n]) => [f, { inserted: 0, unchanged: n }]),
      ),
    });
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses a row changed since, naming the columns, and writes nothing else of the folder', async () => {
    const file = path.join(example.folder, 'bookings.csv');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('Sitzung Kreistag', 'Sitzung Stadtrat'));
    await writeFile(
      path.join(example.folder, 'people.csv'),
      `${await readFile(path.join(example.folder, 'people.csv'), 'utf8')}neu.${example.key('x')}@test.example;Neu;${brandis.slug};staff\n`,
    );
    const result = await importFolder(database.db, example.folder, zone);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: 'bookings.csv',
          line: 2,
          column: 'purpose',
          message: expect.stringContaining('steht schon in der Datenbank'),
        },
      ],
    });
    const added = await database.db.select().from(users).where(eq(users.name, 'Neu'));
    expect(added.filter((u) => u.email.includes(example.key('x')))).toEqual([]);
    await writeFile(file, text);
  });

  async function tableCounts() {
    const plates = ['L-IM 1E', 'L-IM 2'].map(example.plate);
    const cars = await database.db
      .select({ id: vehicles.id })
      .from(vehicles)
      .where(inArray(vehicles.plate, plates));
    const [counts] = await database.db
      .select({
        bookings: sql<number>`(select count(*) from ${bookings} where vehicle_id in ${cars.map((c) => c.id)})::int`,
        keys: sql<number>`(select count(*) from ${importKeys} where key like ${`${example.key('')}%`})::int`,
        rates: sql<number>`(select count(*) from ${rateChanges} where municipality_id in (${brandis.id}::uuid, ${naunhof.id}::uuid))::int`,
      })
      .from(sql`(values (1)) as one (x)`);
    return { cars: cars.length, ...counts };
  }
});

describe('a folder with bad rows', () => {
  it('names each bad row by file, line and column, and writes nothing', async () => {
    const bad = await copyOfExample(brandis, naunhof, (file, text) => {
      if (file === 'tariffs.csv') return text.replace(';per_km', '').replace(/;[\d,]+$/gm, '');
      if (file === 'bookings.csv')
        return `${text
          // B-2 moved into the block of 08:00–12:00
          .replace('2026-03-05T13:00+01:00', '2026-03-05T11:00+01:00')
          .replace('2026-03-24T10:00+01:00', '2026-02-30T10:00+01:00')
          .replace(
            'L-IM 2;bernd',
            'L-XX 9;bernd',
          )}B-8;L-IM 1E;anna.beispiel@brandis.example;2026-03-03T11:00+01:00;2026-03-03T13:00+01:00;completed;;\n`;
      if (file === 'trips.csv') return text.replace('1000,0;1042,5', '1000,0;990,0');
      return text;
    });
    const result = await importFolder(database.db, bad.folder, zone);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => [p.file, p.line, p.column, p.message])).toEqual([
      ['tariffs.csv', 1, 'per_km', 'Die Spalte fehlt.'],
      ['bookings.csv', 3, undefined, 'Die Buchung fällt in eine Sperrzeit dieses Fahrzeugs.'],
      [
        'bookings.csv',
        4,
        'starts_at',
        expect.stringContaining('„2026-02-30T10:00+01:00“ ist kein Zeitpunkt'),
      ],
      ['bookings.csv', 7, 'plate', expect.stringContaining(`„L-XX 9“`)],
      ['bookings.csv', 9, undefined, expect.stringContaining('überschneidet sich mit einer anderen')],
      ['trips.csv', 2, 'odometer_end_km', expect.stringContaining('-10 km')],
    ]);
    const cars = await database.db
      .select()
      .from(vehicles)
      .where(inArray(vehicles.plate, ['L-IM 1E', 'L-IM 2'].map(bad.plate)));
    expect(cars).toEqual([]);
  });

  it('checks the files against each other: trips against their bookings and cars, ignitions against their trips', async () => {
    const bad = await copyOfExample(brandis, naunhof, (file, text) => {
      const edits: Record<string, (t: string) => string> = {
        'vehicles.csv': (t) =>
          t.replace('status\n', 'status;colour\n').replace(/in_service$/gm, 'in_service;rot'),
        'people.csv': (t) => t.replace(';;operator', ';brandis;operator'),
        // B-5 (08:00–16:00 on L-IM 2) now runs into a block
        'blocks.csv': (t) => `${t}S-2;L-IM 2;2026-03-12T09:00+01:00;2026-03-12T10:00+01:00;damage;Delle\n`,
        'bookings.csv': (t) => `${t}${t.split('\n').find((l) => l.startsWith('B-6;'))}\n`,
        'trips.csv': (t) =>
          `${t.replace('1000,0;1042,5;80;70;;', '1000,0;1042,5;80;70;;3')}B-3;2026-03-24T10:05+01:00;2026-03-24T11:00+01:00;1100;1110;;;;\n`,
        'ignitions.csv': (t) =>
          t.replace('2026-03-05T13:05+01:00;2026-03-05T13:35', '2026-03-05T12:55+01:00;2026-03-05T13:35'),
      };
      return edits[file]?.(text) ?? text;
    });
    const result = await importFolder(database.db, bad.folder, zone);
    expect(result.ok ? [] : result.problems.map((p) => [p.file, p.line, p.column, p.message])).toEqual([
      ['vehicles.csv', 1, 'colour', 'Diese Spalte ist unbekannt.'],
      ['people.csv', 4, 'municipality', expect.stringContaining('Betreiber gehören zu keiner Kommune')],
      ['bookings.csv', 6, undefined, 'Die Buchung fällt in eine Sperrzeit dieses Fahrzeugs.'],
      ['bookings.csv', 9, 'key', 'Der Schlüssel steht schon in Zeile 7.'],
      ['trips.csv', 2, 'fuel_litres', expect.stringContaining('Elektroauto')],
      ['trips.csv', 7, 'booking', expect.stringContaining('hat den Status no_show')],
      ['ignitions.csv', 4, 'on_at', expect.stringContaining('nicht innerhalb der Fahrt')],
    ]);
  });

  it('refuses bookings in a month already settled, which settlement would never charge', async () => {
    const late = await copyOfExample(brandis, naunhof);
    let result: Awaited<ReturnType<typeof importFolder>> | undefined;
    // Frozen only inside this transaction: other tests on a shared database never see March settled.
    await database.db
      .transaction(async (tx) => {
        await tx.insert(settlementPeriods).values({ month: '2026-03-01' });
        result = await importFolder(tx, late.folder, zone);
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
    expect(result?.ok ? [] : result?.problems.map((p) => [p.file, p.line, p.column])).toEqual(
      [2, 3, 4, 5, 6, 7, 8].map((line) => ['bookings.csv', line, 'starts_at']),
    );
    expect(result?.ok === false && result.problems[0]?.message).toContain('2026-03 ist schon abgerechnet');
  });
});
