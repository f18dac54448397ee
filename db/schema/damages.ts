import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { vehicleBlocks } from './blocks';
import { bookings } from './bookings';
import { createdAt, id, instant } from './columns';
import { vehicles } from './fleet';

/** Where a damage report stands for the fleet (server/damage/states.ts says which step may follow which). */
export const damageStates = ['new', 'seen', 'in_repair', 'repaired', 'rejected'] as const;
export const damageState = pgEnum('damage_state', damageStates);

/**
 * A damage a person found at the car during a booking. One reported as not drivable takes the car
 * out of service at once, by blocks of kind 'damage' (damage_blocks), ended when the report reaches
 * repaired or rejected.
 */
export const damageReports = pgTable(
  'damage_reports',
  {
    id: id(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'restrict' }),
    /** The booking the damage was found on; none when the fleet recorded it at the car (an inspection, the station). */
    bookingId: uuid('booking_id').references(() => bookings.id, { onDelete: 'restrict' }),
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    description: text('description').notNull(),
    drivable: boolean('drivable').notNull(),
    state: damageState('state').notNull().default('new'),
    createdAt: createdAt(),
  },
  (t) => [
    index('damage_reports_booking_idx').on(t.bookingId),
    index('damage_reports_state_idx').on(t.state, t.createdAt),
    index('damage_reports_vehicle_idx').on(t.vehicleId, t.createdAt),
    check('damage_reports_description_length', sql`char_length(${t.description}) between 3 and 2000`),
  ],
);

/**
 * The blocks that keep a car out of service for a not-drivable report: the gaps it filled between
 * blocks already there, and the blocks of earlier open reports on the car it shares. A block ends
 * when the last open report holding it is closed.
 */
export const damageBlocks = pgTable(
  'damage_blocks',
  {
    damageId: uuid('damage_id')
      .notNull()
      .references(() => damageReports.id, { onDelete: 'cascade' }),
    blockId: uuid('block_id')
      .notNull()
      .references(() => vehicleBlocks.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'damage_blocks_pk', columns: [t.damageId, t.blockId] }),
    index('damage_blocks_block_idx').on(t.blockId),
  ],
);

/** Each step of a report's state, with who took it, when and why: the report's history for the fleet. */
export const damageStateChanges = pgTable(
  'damage_state_changes',
  {
    id: id(),
    damageId: uuid('damage_id')
      .notNull()
      .references(() => damageReports.id, { onDelete: 'cascade' }),
    fromState: damageState('from_state').notNull(),
    toState: damageState('to_state').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [
    index('damage_state_changes_damage_idx').on(t.damageId, t.at),
    check('damage_state_changes_note_length', sql`${t.note} is null or char_length(${t.note}) <= 1000`),
    check('damage_state_changes_is_a_step', sql`${t.fromState} <> ${t.toState}`),
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
