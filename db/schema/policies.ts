import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, smallint, time, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { updatedAt } from './columns';
import { municipalities } from './fleet';

/** A municipality's booking rules for its own cars; a municipality without a row uses the defaults. */
export const bookingPolicies = pgTable(
  'booking_policies',
  {
    municipalityId: uuid('municipality_id')
      .primaryKey()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    horizonDays: smallint('horizon_days').notNull().default(60),
    maxDurationMinutes: integer('max_duration_minutes').notNull().default(20160),
    minLeadMinutes: integer('min_lead_minutes').notNull().default(0),
    othersMayBook: boolean('others_may_book').notNull().default(true),
    othersFrom: time('others_from'),
    othersUntil: time('others_until'),
    noShowGraceMinutes: smallint('no_show_grace_minutes').notNull().default(30),
    maxFutureBookingsPerPerson: smallint('max_future_bookings_per_person').notNull().default(10),
    approvalRequired: boolean('approval_required').notNull().default(false),
    /** Months a Führerscheinkontrolle of this municipality's people holds (§ 21 StVG; 6 by practice). */
    licenceCheckIntervalMonths: smallint('licence_check_interval_months').notNull().default(6),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('booking_policies_horizon_range', sql`${t.horizonDays} between 1 and 730`),
    check('booking_policies_duration_range', sql`${t.maxDurationMinutes} between 15 and 43200`),
    check('booking_policies_lead_range', sql`${t.minLeadMinutes} between 0 and 10080`),
    check('booking_policies_grace_range', sql`${t.noShowGraceMinutes} between 5 and 240`),
    check('booking_policies_fairness_range', sql`${t.maxFutureBookingsPerPerson} between 1 and 100`),
    check('booking_policies_licence_interval_range', sql`${t.licenceCheckIntervalMonths} between 1 and 12`),
    check(
      'booking_policies_others_hours',
      sql`(${t.othersFrom} is null) = (${t.othersUntil} is null) and (${t.othersFrom} is null or ${t.othersFrom} < ${t.othersUntil})`,
    ),
  ],
);
