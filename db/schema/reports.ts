import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { bookings } from './bookings';
import { createdAt, id, instant } from './columns';
import { municipalities, stations, vehicles } from './fleet';

const money = (name: string) => numeric(name, { precision: 12, scale: 4, mode: 'number' }).notNull();

/**
 * A vehicle's costs from `valid_from` (a local date) until the next row's: a change on the 15th
 * leaves the 1st–14th at the old rate. Commissioning and retirement ([commissioned_on,
 * retired_on), local dates) travel with the rate so one row says what the car cost and when.
 */
export const vehicleCostRates = pgTable(
  'vehicle_cost_rates',
  {
    id: id(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    validFrom: date('valid_from').notNull(),
    commissionedOn: date('commissioned_on').notNull(),
    retiredOn: date('retired_on'),
    leasingMonthly: money('leasing_monthly'),
    insuranceMonthly: money('insurance_monthly'),
    taxMonthly: money('tax_monthly'),
    boxFeeMonthly: money('box_fee_monthly'),
    otherMonthly: money('other_monthly'),
    perKm: money('per_km'),
    perKwh: money('per_kwh'),
    perLitre: money('per_litre'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('vehicle_cost_rates_vehicle_from_key').on(t.vehicleId, t.validFrom),
    check(
      'vehicle_cost_rates_service_order',
      sql`${t.retiredOn} is null or ${t.retiredOn} > ${t.commissionedOn}`,
    ),
    check(
      'vehicle_cost_rates_non_negative',
      sql`least(${t.leasingMonthly}, ${t.insuranceMonthly}, ${t.taxMonthly}, ${t.boxFeeMonthly}, ${t.otherMonthly}, ${t.perKm}, ${t.perKwh}, ${t.perLitre}) >= 0`,
    ),
  ],
);

/** A municipality's internal tariff from `valid_from` (local date): what another municipality pays. */
export const municipalityTariffs = pgTable(
  'municipality_tariffs',
  {
    id: id(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    validFrom: date('valid_from').notNull(),
    perHour: money('per_hour'),
    perKm: money('per_km'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('municipality_tariffs_municipality_from_key').on(t.municipalityId, t.validFrom),
    check('municipality_tariffs_non_negative', sql`least(${t.perHour}, ${t.perKm}) >= 0`),
  ],
);

/** Region-wide CO₂ factors from `valid_from` (local date), in g/km. */
export const co2Factors = pgTable(
  'co2_factors',
  {
    id: id(),
    validFrom: date('valid_from').notNull(),
    referenceGPerKm: numeric('reference_g_per_km', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    electricityGPerKm: numeric('electricity_g_per_km', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('co2_factors_from_key').on(t.validFrom),
    check('co2_factors_non_negative', sql`least(${t.referenceGPerKm}, ${t.electricityGPerKm}) >= 0`),
  ],
);

/** Who changed which rate when, with the row before and after (null: created). */
export const rateChanges = pgTable(
  'rate_changes',
  {
    id: id(),
    entity: text('entity', { enum: ['vehicle_cost', 'tariff', 'co2'] }).notNull(),
    /** The municipality the rate belongs to (null for region-wide CO₂ factors). */
    municipalityId: uuid('municipality_id').references(() => municipalities.id, { onDelete: 'cascade' }),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: instant('changed_at').notNull().defaultNow(),
    before: jsonb('before'),
    after: jsonb('after').notNull(),
  },
  (t) => [index('rate_changes_municipality_at_idx').on(t.municipalityId, t.changedAt)],
);

/** Searches that found no free car, counted per station and requested hour: no person is kept. */
export const demandMisses = pgTable(
  'demand_misses',
  {
    id: id(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id, { onDelete: 'cascade' }),
    hour: instant('hour').notNull(),
    count: integer('count').notNull().default(1),
  },
  (t) => [
    uniqueIndex('demand_misses_station_hour_key').on(t.stationId, t.hour),
    check('demand_misses_count_positive', sql`${t.count} > 0`),
    check('demand_misses_whole_hour', sql`${t.hour} = date_trunc('hour', ${t.hour})`),
  ],
);

/** A settled (frozen) month, its first day as a local date. */
export const settlementPeriods = pgTable(
  'settlement_periods',
  {
    id: id(),
    month: date('month').notNull(),
    frozenBy: uuid('frozen_by').references(() => users.id, { onDelete: 'set null' }),
    frozenAt: instant('frozen_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('settlement_periods_month_key').on(t.month),
    check('settlement_periods_first_of_month', sql`extract(day from ${t.month}) = 1`),
  ],
);

/**
 * The lines of a frozen month, as they were settled. A `correction` settles the difference a
 * booking of an earlier frozen month shows after a later change.
 */
export const settlementLines = pgTable(
  'settlement_lines',
  {
    id: id(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => settlementPeriods.id, { onDelete: 'restrict' }),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: ['charge', 'correction'] }).notNull(),
    driverMunicipalityId: uuid('driver_municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'restrict' }),
    ownerMunicipalityId: uuid('owner_municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'restrict' }),
    hours: numeric('hours', { precision: 12, scale: 4, mode: 'number' }).notNull(),
    km: numeric('km', { precision: 12, scale: 1, mode: 'number' }).notNull(),
    amount: numeric('amount', { precision: 12, scale: 2, mode: 'number' }).notNull(),
  },
  (t) => [
    index('settlement_lines_period_idx').on(t.periodId),
    index('settlement_lines_booking_idx').on(t.bookingId),
    check('settlement_lines_pair_differs', sql`${t.driverMunicipalityId} <> ${t.ownerMunicipalityId}`),
  ],
);
