import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, instant, tstzrange, updatedAt } from './columns';
import { vehicles } from './fleet';

export const bookingStatus = pgEnum('booking_status', [
  'reserved',
  'active',
  'completed',
  'cancelled',
  'no_show',
]);

/**
 * A vehicle held for one person. The no-overlap guarantee (buffer included) is the exclusion
 * constraint `bookings_no_overlap` of migration 0001, which drizzle cannot express; the buffer is
 * copied from the vehicle by a trigger there, so no writer can forget or fake it.
 */
export const bookings = pgTable(
  'bookings',
  {
    id: id(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'restrict' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    period: tstzrange('period').notNull().generatedAlwaysAs(sql`tstzrange(starts_at, ends_at, '[)')`),
    bufferMinutes: smallint('buffer_minutes').notNull().default(0),
    status: bookingStatus('status').notNull().default('reserved'),
    purpose: text('purpose'),
    cancelledAt: instant('cancelled_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('bookings_user_starts_idx').on(t.userId, t.startsAt),
    index('bookings_vehicle_starts_idx').on(t.vehicleId, t.startsAt),
    check('bookings_period_positive', sql`${t.startsAt} < ${t.endsAt}`),
    check(
      'bookings_cancelled_at_matches_status',
      sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`,
    ),
  ],
);
