import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { bookings } from './bookings';
import { createdAt, id, instant } from './columns';
import { vehicles } from './fleet';

/**
 * A damage a person found at the car during a booking. Whether the car can still be driven is only
 * recorded here; taking it out of service is the fleet's decision (issue 10).
 */
export const damageReports = pgTable(
  'damage_reports',
  {
    id: id(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'restrict' }),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'restrict' }),
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    description: text('description').notNull(),
    drivable: boolean('drivable').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('damage_reports_booking_idx').on(t.bookingId),
    index('damage_reports_vehicle_idx').on(t.vehicleId, t.createdAt),
    check('damage_reports_description_length', sql`char_length(${t.description}) between 3 and 2000`),
  ],
);

/** A photo of a damage, re-encoded on upload (no metadata), kept in the object store under its key. */
export const damagePhotos = pgTable(
  'damage_photos',
  {
    id: id(),
    damageId: uuid('damage_id')
      .notNull()
      .references(() => damageReports.id, { onDelete: 'cascade' }),
    objectKey: text('object_key').notNull().unique(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('damage_photos_damage_idx').on(t.damageId),
    check('damage_photos_size_positive', sql`${t.sizeBytes} > 0`),
    check('damage_photos_dimensions_positive', sql`${t.width} > 0 and ${t.height} > 0`),
  ],
);

/**
 * A booking's logbook (Fahrtenbuch): where the trip went and why, for municipalities that keep one.
 * Every write is copied by a trigger into logbook_history (migration damage_logbook_triggers).
 */
export const logbookEntries = pgTable(
  'logbook_entries',
  {
    bookingId: uuid('booking_id')
      .primaryKey()
      .references(() => bookings.id, { onDelete: 'restrict' }),
    purpose: text('purpose').notNull(),
    destination: text('destination').notNull(),
    personVisited: text('person_visited'),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: instant('changed_at').notNull().defaultNow(),
  },
  (t) => [
    check('logbook_entries_purpose_length', sql`char_length(${t.purpose}) between 1 and 500`),
    check('logbook_entries_destination_length', sql`char_length(${t.destination}) between 1 and 500`),
  ],
);

/** Every version of a logbook entry, written by trigger only; a trigger refuses UPDATE and DELETE. */
export const logbookHistory = pgTable(
  'logbook_history',
  {
    id: id(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'restrict' }),
    purpose: text('purpose').notNull(),
    destination: text('destination').notNull(),
    personVisited: text('person_visited'),
    changedBy: uuid('changed_by'),
    changedAt: instant('changed_at').notNull(),
  },
  (t) => [index('logbook_history_booking_idx').on(t.bookingId, t.changedAt)],
);
