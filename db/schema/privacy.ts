import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { id, instant } from './columns';
import { stations } from './fleet';

/**
 * Failed searches per station and requested 15-minute slot (fleet sizing): how many searches
 * wanted that quarter hour and found no free car. No person is kept; one person searching again
 * is counted once per hour (see demandSearchMarks).
 */
export const demandSlotMisses = pgTable(
  'demand_slot_misses',
  {
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id, { onDelete: 'cascade' }),
    slot: instant('slot').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ name: 'demand_slot_misses_pkey', columns: [t.stationId, t.slot] }),
    check('demand_slot_misses_count_positive', sql`${t.count} > 0`),
    check(
      'demand_slot_misses_quarter_hour',
      sql`${t.slot} = date_bin('15 minutes', ${t.slot}, timestamptz '2000-01-01 00:00:00+00')`,
    ),
  ],
);

/**
 * That a searcher (a digest, not a person's id) was already counted for a station and slot in the
 * hour of the search. Kept only while it can still stop a recount: recording a miss removes the
 * marks of earlier hours, so no trace of who searched outlives the next hour's first miss.
 */
export const demandSearchMarks = pgTable(
  'demand_search_marks',
  {
    searcher: text('searcher').notNull(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id, { onDelete: 'cascade' }),
    slot: instant('slot').notNull(),
    searchHour: instant('search_hour').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'demand_search_marks_pkey',
      columns: [t.searcher, t.stationId, t.slot, t.searchHour],
    }),
    index('demand_search_marks_hour_idx').on(t.searchHour),
  ],
);

/**
 * Every look at a person's trips by a fleet manager or the operator: who, when, whose, and the
 * reason they gave (the staff council reads this). Kept beyond retention of the trips themselves.
 */
export const tripAccessLog = pgTable(
  'trip_access_log',
  {
    id: id(),
    viewerId: uuid('viewer_id').references(() => users.id, { onDelete: 'set null' }),
    subjectId: uuid('subject_id').references(() => users.id, { onDelete: 'set null' }),
    purpose: text('purpose', { enum: ['damage', 'fine', 'billing'] }).notNull(),
    reason: text('reason').notNull(),
    /** The local dates [from, to) the lookup asked for: a lookup is for a stated span, not a life. */
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [
    index('trip_access_log_subject_at_idx').on(t.subjectId, t.at),
    index('trip_access_log_viewer_at_idx').on(t.viewerId, t.at),
    check('trip_access_log_purpose_known', sql`${t.purpose} in ('damage', 'fine', 'billing')`),
    check('trip_access_log_period_order', sql`${t.periodTo} > ${t.periodFrom}`),
    check('trip_access_log_reason_given', sql`length(btrim(${t.reason})) >= 10`),
  ],
);

/** One retention run per local day, whichever instance wins the insert; the others skip. */
export const retentionRuns = pgTable('retention_runs', {
  day: date('day').primaryKey(),
  startedAt: instant('started_at').notNull().defaultNow(),
  /** How many bookings the run stripped of their person (null while it runs). */
  bookings: integer('bookings'),
});
