import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, instant, tstzrange, updatedAt } from './columns';
import { municipalities, vehicles } from './fleet';

export const bookingStatuses = [
  'pending',
  'reserved',
  'active',
  'completed',
  'cancelled',
  'no_show',
] as const;

/**
 * The statuses that hold a car's time: the one list. The database has it once too, as
 * `booking_holds_vehicle(status)` (migration 0005), which the exclusion constraint and the block
 * triggers use; a test holds the two to each other.
 */
export const liveBookingStatuses = ['pending', 'reserved', 'active', 'completed'] as const;
/** Live and not yet over: what may still be changed, approved or taken on a trip. */
export const openBookingStatuses = ['pending', 'reserved', 'active'] as const;
/** Open and not yet begun: what a booker or a block may still cancel or move. */
export const upcomingBookingStatuses = ['pending', 'reserved'] as const;

const sqlList = (statuses: readonly string[]) => sql.raw(statuses.map((s) => `'${s}'`).join(', '));

/** "Every Tuesday 8–12 for 10 weeks": the rule that made a set of bookings, kept to cancel them together. */
export const bookingSeries = pgTable(
  'booking_series',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    rule: jsonb('rule').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('booking_series_user_idx').on(t.userId)],
);

/**
 * A vehicle held for one person. The no-overlap guarantee (buffer included) is the exclusion
 * constraint `bookings_no_overlap` (migrations 0001 and 0003), which drizzle cannot express; the
 * buffer is copied from the vehicle by a trigger there, so no writer can forget or fake it.
 * Status is text with a CHECK rather than an enum, so a new status can be added and used by one
 * migration (an enum value cannot be used in the transaction that adds it).
 */
export const bookings = pgTable(
  'bookings',
  {
    id: id(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'restrict' }),
    /** The person who booked; null once retention removed it (personalDataRemovedAt says when). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'restrict' }),
    /**
     * The driver's municipality when the booking was made (set by the database from the user):
     * settlement charges it, and a later move to another municipality does not rewrite the past.
     */
    driverMunicipalityId: uuid('driver_municipality_id').references(() => municipalities.id, {
      onDelete: 'restrict',
    }),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    period: tstzrange('period').notNull().generatedAlwaysAs(sql`tstzrange(starts_at, ends_at, '[)')`),
    bufferMinutes: smallint('buffer_minutes').notNull().default(0),
    status: text('status', { enum: bookingStatuses }).notNull().default('reserved'),
    purpose: text('purpose'),
    seriesId: uuid('series_id').references(() => bookingSeries.id, { onDelete: 'set null' }),
    /**
     * Set while an extension of an approved booking awaits approval: the end that was approved.
     * A decline returns the booking to it; an approval clears it.
     */
    approvedEndsAt: instant('approved_ends_at'),
    /** Rises with every change a calendar should see (iCalendar SEQUENCE). */
    sequence: integer('sequence').notNull().default(0),
    cancelledAt: instant('cancelled_at'),
    reminderSentAt: instant('reminder_sent_at'),
    lateReturnNoticedAt: instant('late_return_noticed_at'),
    /** When retention (server/privacy/retention.ts) removed the person and their purpose text. */
    personalDataRemovedAt: instant('personal_data_removed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('bookings_user_starts_idx').on(t.userId, t.startsAt),
    index('bookings_vehicle_starts_idx').on(t.vehicleId, t.startsAt),
    index('bookings_series_idx').on(t.seriesId),
    index('bookings_open_starts_idx')
      .on(t.startsAt)
      .where(sql`${t.status} in (${sqlList(openBookingStatuses)})`),
    check('bookings_period_positive', sql`${t.startsAt} < ${t.endsAt}`),
    check('bookings_status_known', sql`${t.status} in (${sqlList(bookingStatuses)})`),
    check(
      'bookings_cancelled_at_matches_status',
      sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`,
    ),
    // A booking loses its person only to retention, and then for good.
    check(
      'bookings_person_until_retention',
      sql`(${t.userId} is null) = (${t.personalDataRemovedAt} is not null)`,
    ),
    check('bookings_sequence_non_negative', sql`${t.sequence} >= 0`),
    check(
      'bookings_approved_end_inside',
      sql`${t.approvedEndsAt} is null or (${t.approvedEndsAt} > ${t.startsAt} and ${t.approvedEndsAt} < ${t.endsAt})`,
    ),
  ],
);

/** Every lifecycle step of a booking: who (null: the system), when, why. */
export const bookingEvents = pgTable(
  'booking_events',
  {
    id: id(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    fromStatus: text('from_status', { enum: bookingStatuses }),
    toStatus: text('to_status', { enum: bookingStatuses }).notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason'),
    details: jsonb('details'),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [index('booking_events_booking_at_idx').on(t.bookingId, t.at)],
);
