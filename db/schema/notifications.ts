import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
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
