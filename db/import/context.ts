import type { Db } from '../client';
import type { FileName } from './formats';
import type { ImportProblem } from './read';

export interface Counts {
  inserted: number;
  unchanged: number;
}

/** A car as the later files need it: to book it and to work out a trip's energy. */
export interface KnownVehicle {
  id: string;
  ownerMunicipalityId: string;
  powertrain: 'ev' | 'phev' | 'ice';
  batteryKwh: number | null;
}

export interface KnownBooking {
  id: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  vehicle: Pick<KnownVehicle, 'powertrain' | 'batteryKwh'>;
}

/**
 * What one import run carries from file to file, inside its one transaction. `broken` holds the
 * keys of rows that already have a problem ('all': the file could not be read), so a row that
 * refers to one is not reported a second time as an unknown reference.
 */
export interface ImportContext {
  tx: Db;
  /** The region's zone: where a booking's month (for settlement) begins and ends. */
  zone: string;
  problems: ImportProblem[];
  counts: Record<FileName, Counts>;
  vehicles: Map<string, KnownVehicle>;
  users: Map<string, string>;
  bookings: Map<string, KnownBooking>;
  broken: Record<'plates' | 'emails' | 'bookings', Set<string> | 'all'>;
}

export function problem(ctx: ImportContext, file: FileName, line: number, column: string, message: string) {
  ctx.problems.push({ file, line, column, message });
}

/** A row that could not be written: rows referring to it are not reported again. */
export function markBroken(ctx: ImportContext, kind: keyof ImportContext['broken'], value: string) {
  const set = ctx.broken[kind];
  if (set !== 'all') set.add(value);
}

/** The referenced thing, or a problem at the referring cell (unless the referred row is itself broken). */
export function refer<T>(
  ctx: ImportContext,
  known: ReadonlyMap<string, T>,
  broken: keyof ImportContext['broken'],
  at: { file: FileName; line: number; column: string },
  value: string,
  unknown: string,
): T | undefined {
  const found = known.get(value);
  if (found) return found;
  const skip = ctx.broken[broken];
  if (skip === 'all' || skip.has(value)) return undefined;
  problem(ctx, at.file, at.line, at.column, unknown);
  return undefined;
}

/** The car a row's plate names, or a problem at its plate cell. */
export const vehicleAt = (ctx: ImportContext, file: FileName, line: number, plate: string) =>
  refer(
    ctx,
    ctx.vehicles,
    'plates',
    { file, line, column: 'plate' },
    plate,
    `Das Kennzeichen „${plate}“ steht weder in vehicles.csv noch in der Datenbank.`,
  );

type Comparable = string | number | boolean | Date | null | undefined;
const same = (a: Comparable, b: Comparable) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : (a ?? null) === (b ?? null);

/**
 * A row already imported (or already in the database) counts as unchanged when every column
 * matches; a row that differs is refused, not written over: history that reports and frozen
 * settlements rest on is changed in the application, where the change is recorded.
 */
export function compare(
  ctx: ImportContext,
  at: { file: FileName; line: number },
  stored: Record<string, Comparable>,
  wanted: Record<string, Comparable>,
): boolean {
  const differing = Object.keys(wanted).filter((column) => !same(stored[column], wanted[column]));
  if (differing.length === 0) {
    ctx.counts[at.file].unchanged++;
    return true;
  }
  problem(
    ctx,
    at.file,
    at.line,
    differing.join(', '),
    'Diese Zeile steht schon in der Datenbank (früherer Import oder in der Anwendung angelegt) und weicht in diesen Spalten davon ab; ein Import überschreibt nichts – bitte in der Anwendung ändern.',
  );
  return false;
}

/** What the database's own rules answer, said for the row that broke them. */
const refusals: Record<string, string> = {
  bookings_no_overlap:
    'Die Buchung überschneidet sich mit einer anderen dieses Fahrzeugs (einschließlich Pufferzeit).',
  bookings_no_block_overlap: 'Die Buchung fällt in eine Sperrzeit dieses Fahrzeugs.',
  vehicle_blocks_no_overlap: 'Die Sperrzeit überschneidet sich mit einer anderen dieses Fahrzeugs.',
  vehicle_blocks_no_booking_overlap: 'Die Sperrzeit überschneidet sich mit einer Buchung dieses Fahrzeugs.',
};

function databaseRefusal(error: unknown): { code: string; constraint?: string } | undefined {
  for (let current = error; current instanceof Object; current = (current as { cause?: unknown }).cause) {
    const { code, constraint } = current as { code?: unknown; constraint?: unknown };
    if (typeof code === 'string' && /^(23|22)[0-9A-Z]{3}$/.test(code))
      return { code, ...(typeof constraint === 'string' ? { constraint } : {}) };
  }
  return undefined;
}

/**
 * Writes one row in a savepoint: a row the database refuses (overlap, a block in the way) is a
 * problem at its line, and the run goes on to find the others; the whole transaction is rolled
 * back at the end if there was any.
 */
export async function attempt<T>(
  ctx: ImportContext,
  at: { file: FileName; line: number },
  write: (db: Db) => Promise<T>,
): Promise<T | undefined> {
  try {
    const written = await ctx.tx.transaction(write);
    ctx.counts[at.file].inserted++;
    return written;
  } catch (error) {
    const refusal = databaseRefusal(error);
    if (!refusal) throw error;
    const message =
      (refusal.constraint && refusals[refusal.constraint]) ??
      `Die Datenbank weist die Zeile ab (${refusal.constraint ?? refusal.code}).`;
    ctx.problems.push({ file: at.file, line: at.line, message });
    return undefined;
  }
}
