import { sql } from 'drizzle-orm';
import { check, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { vehicleBlocks } from './blocks';
import { bookings } from './bookings';
import { id, instant } from './columns';

/**
 * The keys an earlier logbook gave its bookings and blocks, and the rows the import made of them
 * (`npm run import`, db/import/). Vehicles, people, rates and trips have natural keys (plate,
 * e-mail, vehicle or municipality with valid_from, booking); these two have none, so a second
 * import of the same folder finds its rows here instead of writing them again.
 */
export const importKeys = pgTable(
  'import_keys',
  {
    id: id(),
    kind: text('kind', { enum: ['booking', 'block'] }).notNull(),
    key: text('key').notNull(),
    bookingId: uuid('booking_id').references(() => bookings.id, { onDelete: 'cascade' }),
    blockId: uuid('block_id').references(() => vehicleBlocks.id, { onDelete: 'cascade' }),
    importedAt: instant('imported_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('import_keys_kind_key').on(t.kind, t.key),
    check('import_keys_kind_known', sql`${t.kind} in ('booking', 'block')`),
    check(
      'import_keys_one_target',
      sql`(${t.kind} = 'booking') = (${t.bookingId} is not null) and (${t.kind} = 'block') = (${t.blockId} is not null)`,
    ),
  ],
);
