import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  bookings,
  importKeys,
  settlementPeriods,
  tripIgnitions,
  trips,
  vehicleBlocks,
  vehicles,
} from '../schema';
import { attempt, compare, type ImportContext, markBroken, problem, refer, vehicleAt } from './context';
import type { blockRecord, bookingRecord, ignitionRecord, Parsed, tripRecord } from './parse';

/** Blocks by their key in the earlier logbook (import_keys). */
export async function writeBlocks(ctx: ImportContext, records: Parsed<typeof blockRecord>[]) {
  const file = 'blocks.csv';
  const stored = await storedKeys(
    ctx,
    'block',
    records.map((r) => r.key),
  );
  for (const { line, key, plate, ...block } of records) {
    const vehicle = vehicleAt(ctx, file, line, plate);
    if (!vehicle) continue;
    const values = { vehicleId: vehicle.id, ...block };
    const existingId = stored.get(key);
    if (existingId) {
      const [existing] = await ctx.tx.select().from(vehicleBlocks).where(eq(vehicleBlocks.id, existingId));
      if (existing) compare(ctx, { file, line }, blockColumns(existing), blockColumns(values));
      continue;
    }
    await attempt(ctx, { file, line }, async (db) => {
      const [row] = await db.insert(vehicleBlocks).values(values).returning({ id: vehicleBlocks.id });
      if (row) await db.insert(importKeys).values({ kind: 'block', key, blockId: row.id });
    });
  }
}

const blockColumns = (b: Omit<typeof vehicleBlocks.$inferInsert, 'reason'> & { reason: string }) => ({
  plate: b.vehicleId,
  starts_at: b.startsAt,
  ends_at: b.endsAt,
  kind: b.kind,
  reason: b.reason,
});

async function storedKeys(ctx: ImportContext, kind: 'block' | 'booking', keys: readonly string[]) {
  if (keys.length === 0) return new Map<string, string>();
  const rows = await ctx.tx
    .select()
    .from(importKeys)
    .where(and(eq(importKeys.kind, kind), inArray(importKeys.key, [...new Set(keys)])));
  return new Map(
    rows.flatMap((k) => {
      const target = k.bookingId ?? k.blockId;
      return target ? [[k.key, target] as const] : [];
    }),
  );
}

const bookingColumns = (b: {
  vehicleId: string;
  userId: string | null;
  startsAt: Date;
  endsAt: Date;
  status: string;
  cancelledAt: Date | null;
  purpose: string | null;
}) => ({
  plate: b.vehicleId,
  email: b.userId,
  starts_at: b.startsAt,
  ends_at: b.endsAt,
  status: b.status,
  cancelled_at: b.cancelledAt,
  purpose: b.purpose,
});

/**
 * Bookings by their key. The database's own rules decide overlaps: the exclusion constraint
 * (turnaround buffer included) and the block triggers refuse a row, which becomes a problem at it.
 */
export async function writeBookings(ctx: ImportContext, records: Parsed<typeof bookingRecord>[]) {
  const file = 'bookings.csv';
  const frozen = await frozenMonths(ctx);
  const stored = await storedKeys(
    ctx,
    'booking',
    records.map((r) => r.key),
  );
  for (const { line, key, plate, email, ...booking } of records) {
    const vehicle = vehicleAt(ctx, file, line, plate);
    const userId = refer(
      ctx,
      ctx.users,
      'emails',
      { file, line, column: 'email' },
      email,
      `Die E-Mail-Adresse „${email}“ steht weder in people.csv noch in der Datenbank.`,
    );
    if (!vehicle || !userId) {
      markBroken(ctx, 'bookings', key);
      continue;
    }
    const values = { vehicleId: vehicle.id, userId, ...booking };
    const known = (id: string) =>
      ctx.bookings.set(key, {
        id,
        status: booking.status,
        startsAt: booking.startsAt,
        endsAt: booking.endsAt,
        vehicle,
      });
    const existingId = stored.get(key);
    const settled = frozen.find((m) => booking.startsAt >= m.start && booking.startsAt < m.end);
    if (!existingId && settled) {
      problem(
        ctx,
        file,
        line,
        'starts_at',
        `Der Monat ${settled.month.slice(0, 7)} ist schon abgerechnet: eine Buchung darin würde nie verrechnet.`,
      );
      markBroken(ctx, 'bookings', key);
      continue;
    }
    if (existingId) {
      const [existing] = await ctx.tx.select().from(bookings).where(eq(bookings.id, existingId));
      if (existing) compare(ctx, { file, line }, bookingColumns(existing), bookingColumns(values));
      known(existingId);
      continue;
    }
    const id = await attempt(ctx, { file, line }, async (db) => {
      const [row] = await db.insert(bookings).values(values).returning({ id: bookings.id });
      if (!row) throw new Error('a booking insert returned no row');
      await db.insert(importKeys).values({ kind: 'booking', key, bookingId: row.id });
      return row.id;
    });
    if (id) known(id);
    else markBroken(ctx, 'bookings', key);
  }
}

/**
 * The settled (frozen) months as instants in the region's zone. A booking imported into one would
 * never be charged: settlement keeps a frozen month as it was and corrects only bookings it settled.
 */
async function frozenMonths(ctx: ImportContext) {
  const rows = await ctx.tx
    .select({
      month: settlementPeriods.month,
      start: sql<string>`(${settlementPeriods.month}::timestamp at time zone ${ctx.zone})`,
      end: sql<string>`((${settlementPeriods.month} + interval '1 month')::timestamp at time zone ${ctx.zone})`,
    })
    .from(settlementPeriods);
  return rows.map((m) => ({ month: m.month, start: new Date(m.start), end: new Date(m.end) }));
}

/** Bookings the trips name that an earlier run imported. */
export async function knownBookings(ctx: ImportContext, keys: readonly string[]) {
  const missing = [...new Set(keys)].filter((k) => !ctx.bookings.has(k));
  if (missing.length === 0) return;
  const rows = await ctx.tx
    .select({
      key: importKeys.key,
      id: bookings.id,
      status: bookings.status,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      powertrain: vehicles.powertrain,
      batteryKwh: vehicles.batteryKwh,
    })
    .from(importKeys)
    .innerJoin(bookings, eq(bookings.id, importKeys.bookingId))
    .innerJoin(vehicles, eq(vehicles.id, bookings.vehicleId))
    .where(and(eq(importKeys.kind, 'booking'), inArray(importKeys.key, missing)));
  for (const { key, powertrain, batteryKwh, ...b } of rows)
    ctx.bookings.set(key, { ...b, vehicle: { powertrain, batteryKwh } });
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const spans = (list: readonly { onAt: Date; offAt: Date }[]) =>
  list
    .map((i) => `${i.onAt.toISOString()}/${i.offAt.toISOString()}`)
    .sort()
    .join(' ');

/**
 * Trips by their booking (one trip a booking), with their ignition intervals from ignitions.csv.
 * Energy is worked out as for a box's trip: the state-of-charge drop × battery capacity, the
 * charge taken on the way (`charged_kwh`) added back, since it was used too.
 */
export async function writeTrips(
  ctx: ImportContext,
  records: Parsed<typeof tripRecord>[],
  ignitions: Parsed<typeof ignitionRecord>[],
  /** The booking cell of every row of trips.csv, good or bad ('all': the file could not be read). */
  tripRows: ReadonlySet<string> | 'all',
) {
  const file = 'trips.csv';
  const byBooking = new Map<string, Parsed<typeof ignitionRecord>[]>();
  for (const i of ignitions) byBooking.set(i.booking, [...(byBooking.get(i.booking) ?? []), i]);
  for (const key of byBooking.keys()) {
    if (tripRows === 'all' || tripRows.has(key)) continue;
    for (const i of byBooking.get(key) ?? [])
      problem(
        ctx,
        'ignitions.csv',
        i.line,
        'booking',
        `Zur Buchung „${key}“ steht keine Fahrt in trips.csv.`,
      );
  }
  for (const { line, booking: key, ...trip } of records) {
    const booking = refer(
      ctx,
      ctx.bookings,
      'bookings',
      { file, line, column: 'booking' },
      key,
      `Die Buchung „${key}“ steht weder in bookings.csv noch in einem früheren Import.`,
    );
    if (!booking) continue;
    const own = byBooking.get(key) ?? [];
    if (!tripFits(ctx, line, key, trip, booking, own)) continue;
    const { powertrain, batteryKwh } = booking.vehicle;
    const energyKwh =
      powertrain !== 'ice' && batteryKwh !== null && trip.socStart !== null && trip.socEnd !== null
        ? round2(Math.max(0, ((trip.socStart - trip.socEnd) / 100) * batteryKwh + (trip.chargedKwh ?? 0)))
        : null;
    const ignitionSeconds =
      own.length === 0 ? null : own.reduce((s, i) => s + (i.offAt.getTime() - i.onAt.getTime()) / 1000, 0);
    const values = {
      bookingId: booking.id,
      boxId: null,
      ...trip,
      energyKwh,
      ignitionSeconds: ignitionSeconds === null ? null : Math.round(ignitionSeconds),
    };
    const [existing] = await ctx.tx.select().from(trips).where(eq(trips.bookingId, booking.id));
    if (existing) {
      const storedIgnitions = await ctx.tx
        .select()
        .from(tripIgnitions)
        .where(eq(tripIgnitions.tripId, existing.id));
      const unchanged = compare(
        ctx,
        { file, line },
        tripColumns(existing, spans(storedIgnitions)),
        tripColumns(values, spans(own)),
      );
      if (unchanged) ctx.counts['ignitions.csv'].unchanged += own.length;
      continue;
    }
    const written = await attempt(ctx, { file, line }, async (db) => {
      const [row] = await db.insert(trips).values(values).returning({ id: trips.id });
      if (!row) throw new Error('a trip insert returned no row');
      if (own.length > 0)
        await db
          .insert(tripIgnitions)
          .values(own.map((i) => ({ tripId: row.id, onAt: i.onAt, offAt: i.offAt })));
      return true;
    });
    if (written) ctx.counts['ignitions.csv'].inserted += own.length;
  }
}

const tripColumns = (t: Omit<typeof trips.$inferInsert, 'bookingId'>, ignitions: string) => ({
  started_at: t.startedAt,
  ended_at: t.endedAt ?? null,
  odometer_start_km: t.odometerStart,
  odometer_end_km: t.odometerEnd,
  soc_start: t.socStart ?? null,
  soc_end: t.socEnd ?? null,
  charged_kwh: t.chargedKwh ?? null,
  fuel_litres: t.fuelLitres ?? null,
  ignitions,
});

/** What a trip must agree with: its booking (held, not cancelled or missed), its car's powertrain, its ignitions. */
function tripFits(
  ctx: ImportContext,
  line: number,
  key: string,
  trip: Omit<Parsed<typeof tripRecord>, 'line' | 'booking'>,
  booking: NonNullable<ReturnType<ImportContext['bookings']['get']>>,
  own: readonly Parsed<typeof ignitionRecord>[],
): boolean {
  const file = 'trips.csv';
  const before = ctx.problems.length;
  if (booking.status !== 'completed')
    problem(
      ctx,
      file,
      line,
      'booking',
      `Die Buchung „${key}“ hat den Status ${booking.status}: zu ihr gibt es keine Fahrt.`,
    );
  else if (trip.startedAt < booking.startsAt || trip.startedAt >= booking.endsAt)
    problem(ctx, file, line, 'started_at', `Die Fahrt beginnt nicht innerhalb ihrer Buchung „${key}“.`);
  const { powertrain } = booking.vehicle;
  if (powertrain === 'ev' && trip.fuelLitres !== null)
    problem(ctx, file, line, 'fuel_litres', 'Ein Elektroauto tankt nicht: fuel_litres bleibt leer.');
  if (powertrain === 'ice' && (trip.socStart !== null || trip.chargedKwh !== null))
    problem(
      ctx,
      file,
      line,
      'soc_start',
      'Ein Verbrenner hat keinen Ladestand: soc_start, soc_end und charged_kwh bleiben leer.',
    );
  let previous: Date | null = null;
  for (const i of [...own].sort((a, b) => a.onAt.getTime() - b.onAt.getTime())) {
    if (i.onAt < trip.startedAt || i.offAt > trip.endedAt)
      problem(
        ctx,
        'ignitions.csv',
        i.line,
        'on_at',
        `Die Zündung liegt nicht innerhalb der Fahrt zu „${key}“.`,
      );
    else if (previous && i.onAt < previous)
      problem(
        ctx,
        'ignitions.csv',
        i.line,
        'on_at',
        'Die Zündung überschneidet sich mit einer anderen derselben Fahrt.',
      );
    previous = i.offAt;
  }
  return ctx.problems.length === before;
}
