import { sql } from 'drizzle-orm';
import { boolean, check, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, instant, tstzrange, updatedAt } from './columns';
import { vehicles } from './fleet';

export const blockKind = pgEnum('block_kind', ['maintenance', 'cleaning', 'damage', 'inspection']);

/**
 * A vehicle out of service for a while. Blocks never overlap each other (exclusion constraint) nor
 * a live booking with its buffer (triggers on both tables, migration 0003), so the same guarantee
 * holds whichever is written first.
 */
export const vehicleBlocks = pgTable(
  'vehicle_blocks',
  {
    id: id(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    period: tstzrange('period').notNull().generatedAlwaysAs(sql`tstzrange(starts_at, ends_at, '[)')`),
    kind: blockKind('kind').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Placed by a record that also ends it (a not-drivable damage, an overdue inspection): not liftable by hand. */
    untilCleared: boolean('until_cleared').notNull().default(false),
    cancelledAt: instant('cancelled_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('vehicle_blocks_vehicle_starts_idx').on(t.vehicleId, t.startsAt),
    check('vehicle_blocks_period_positive', sql`${t.startsAt} < ${t.endsAt}`),
    check('vehicle_blocks_reason_present', sql`length(trim(${t.reason})) > 0`),
  ],
);
