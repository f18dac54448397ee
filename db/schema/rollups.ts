import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { vehicles } from './fleet';

const quantity = (name: string) => numeric(name, { mode: 'number' }).notNull().default(0);
const count = (name: string) => integer(name).notNull().default(0);

/**
 * Physical quantities of one vehicle on one local day of the report zone, kept by the database's
 * own triggers (migration rollups) in the transaction of every write to bookings, blocks, trips and
 * ignition intervals, so the month's report reads ~30 rows per car whatever the history. Money
 * and CO₂ are not stored: rates change without touching these rows, so they are joined per day
 * at query time. Held, blocked and ignition seconds are clipped to the day; km, energy, charge,
 * fuel belong to the day the trip starts; bookings, trips, no-shows and cancellations to the day
 * the booking starts.
 */
export const vehicleDayFigures = pgTable(
  'vehicle_day_figures',
  {
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    heldSeconds: quantity('held_seconds'),
    blockedSeconds: quantity('blocked_seconds'),
    ignitionSeconds: quantity('ignition_seconds'),
    km: quantity('km'),
    energyKwh: quantity('energy_kwh'),
    chargedKwh: quantity('charged_kwh'),
    fuelLitres: quantity('fuel_litres'),
    trips: count('trips'),
    bookings: count('bookings'),
    noShows: count('no_shows'),
    cancellations: count('cancellations'),
  },
  (t) => [
    primaryKey({ columns: [t.vehicleId, t.day] }),
    // The report reads a range of days for all cars: this keeps it to the period's rows.
    index('vehicle_day_figures_day_idx').on(t.day),
  ],
);

/**
 * The one zone whose local days the roll-ups are cut by, written from the settings at boot
 * (`ensureRollupZone`); null until then, and the triggers keep nothing while it is null. A
 * change rebuilds every roll-up in the same transaction. `stale`: a bulk load wrote with the
 * triggers deferred (`set local rollups.defer = on`); the next report rebuilds first.
 */
export const rollupZone = pgTable(
  'rollup_zone',
  {
    only: boolean('only').primaryKey().default(true),
    zone: text('zone'),
    stale: boolean('stale').notNull().default(false),
  },
  (t) => [check('rollup_zone_single_row', sql`${t.only}`)],
);
