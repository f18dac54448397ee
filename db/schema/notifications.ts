import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { bookings } from './bookings';
import { createdAt, id, instant } from './columns';

/**
 * The outbox: a message is written in the same transaction as the change it reports, and a
 * worker sends it afterwards (`FOR UPDATE SKIP LOCKED`), so no change goes unannounced and no
 * message is sent for a change that rolled back.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    bookingId: uuid('booking_id').references(() => bookings.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull().default({}),
    /**
     * The booking as the change left it, written in the change's transaction: the mail shows that
     * state (times, status, SEQUENCE) however late it is sent. Null in rows queued before it existed.
     */
    snapshot: jsonb('snapshot'),
    createdAt: createdAt(),
    notBefore: instant('not_before').notNull().defaultNow(),
    sentAt: instant('sent_at'),
    attempts: smallint('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    index('notifications_due_idx').on(t.notBefore).where(sql`${t.sentAt} is null`),
    index('notifications_booking_idx').on(t.bookingId),
    check('notifications_attempts_range', sql`${t.attempts} between 0 and 50`),
  ],
);

/**
 * One licence-expiry notice per person and expiry date: the scheduler runs in every web process,
 * and the instance whose insert wins is the one that queues the mails (in the same transaction).
 * A renewed check has a new date, and so gets its own notice in time.
 */
export const licenceExpiryNotices = pgTable(
  'licence_expiry_notices',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    noticedAt: instant('noticed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'licence_expiry_notices_pkey', columns: [t.userId, t.validUntil] })],
);
