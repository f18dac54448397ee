import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../client';
import type { Counts, ImportContext } from './context';
import { type FileName, fileNames } from './formats';
import {
  blockRecord,
  bookingRecord,
  costRecord,
  ignitionRecord,
  personRecord,
  tariffRecord,
  tripRecord,
  unique,
  vehicleRecord,
} from './parse';
import { type ImportProblem, type ReadFile, type Row, readCsv } from './read';
import {
  knownUsers,
  knownVehicles,
  writeCosts,
  writePeople,
  writeTariffs,
  writeVehicles,
} from './write-fleet';
import { knownBookings, writeBlocks, writeBookings, writeTrips } from './write-schedule';

export type ImportResult =
  | { ok: true; counts: Record<FileName, Counts> }
  | { ok: false; problems: ImportProblem[] };

/** Thrown inside the transaction when any row had a problem, so that nothing of the run is kept. */
class Refused extends Error {}

/**
 * `npm run import -- <folder>`: an earlier logbook's history, all or nothing. Every row is
 * checked, every problem collected (file, line, column); only a folder without any is written,
 * in one transaction. Running the same folder again writes nothing and counts every row unchanged.
 */
export async function importFolder(db: Db, folder: string, zone: string): Promise<ImportResult> {
  const problems: ImportProblem[] = [];
  const files = new Map<FileName, ReadFile>();
  for (const file of fileNames) files.set(file, await readCsv(folder, file, problems));
  if (!fileNames.some((file) => existsSync(path.join(folder, file))))
    problems.push({
      file: folder,
      line: 0,
      message: `Im Ordner steht keine der Dateien ${fileNames.join(', ')}.`,
    });

  const rows = (file: FileName) => files.get(file)?.rows ?? [];
  const parsed = <T>(file: FileName, read: (row: Row) => T | undefined) =>
    rows(file).map((row) => ({ row, record: read(row) }));
  const vehiclesIn = unique(
    parsed('vehicles.csv', vehicleRecord),
    (r) => r.plate,
    'plate',
    'Das Kennzeichen',
  );
  const costsIn = unique(
    parsed('vehicle-costs.csv', costRecord),
    (r) => `${r.plate}|${r.validFrom}`,
    'valid_from',
    'Ein Satz dieses Fahrzeugs ab diesem Tag',
  );
  const tariffsIn = unique(
    parsed('tariffs.csv', tariffRecord),
    (r) => `${r.municipality}|${r.validFrom}`,
    'valid_from',
    'Ein Tarif dieser Kommune ab diesem Tag',
  );
  const peopleIn = unique(parsed('people.csv', personRecord), (r) => r.email, 'email', 'Die E-Mail-Adresse');
  const blocksIn = unique(parsed('blocks.csv', blockRecord), (r) => r.key, 'key', 'Der Schlüssel');
  const bookingsIn = unique(parsed('bookings.csv', bookingRecord), (r) => r.key, 'key', 'Der Schlüssel');
  const tripsIn = unique(
    parsed('trips.csv', tripRecord),
    (r) => r.booking,
    'booking',
    'Eine Fahrt dieser Buchung',
  );
  const ignitionsIn = parsed('ignitions.csv', ignitionRecord).flatMap((p) => (p.record ? [p.record] : []));

  const broken = (file: FileName, column: string, lower = false) => {
    const read = files.get(file);
    if (read && !read.readable) return 'all' as const;
    return new Set(
      rows(file)
        .filter((row) => !row.ok)
        .map((row) => (lower ? row.cell(column).toLowerCase() : row.cell(column))),
    );
  };

  try {
    const counts = await db.transaction(async (tx) => {
      const ctx: ImportContext = {
        tx,
        zone,
        problems,
        counts: Object.fromEntries(fileNames.map((f) => [f, { inserted: 0, unchanged: 0 }])) as Record<
          FileName,
          Counts
        >,
        vehicles: new Map(),
        users: new Map(),
        bookings: new Map(),
        broken: {
          plates: broken('vehicles.csv', 'plate'),
          emails: broken('people.csv', 'email', true),
          bookings: broken('bookings.csv', 'key'),
        },
      };
      await writeVehicles(ctx, vehiclesIn);
      await knownVehicles(
        ctx,
        [...costsIn, ...blocksIn, ...bookingsIn].map((r) => r.plate),
      );
      await writeCosts(ctx, costsIn);
      await writeTariffs(ctx, tariffsIn);
      await writePeople(ctx, peopleIn);
      await knownUsers(
        ctx,
        bookingsIn.map((r) => r.email),
      );
      await writeBlocks(ctx, blocksIn);
      await writeBookings(ctx, bookingsIn);
      await knownBookings(
        ctx,
        tripsIn.map((r) => r.booking),
      );
      const tripRows =
        files.get('trips.csv')?.readable === false
          ? 'all'
          : new Set(rows('trips.csv').map((r) => r.cell('booking')));
      await writeTrips(ctx, tripsIn, ignitionsIn, tripRows);
      if (problems.length > 0) throw new Refused();
      return ctx.counts;
    });
    return { ok: true, counts };
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    const order = (file: string) => fileNames.indexOf(file as FileName);
    return {
      ok: false,
      problems: [...problems].sort((a, b) => order(a.file) - order(b.file) || a.line - b.line),
    };
  }
}
