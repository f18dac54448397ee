import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings } from '@/db/schema';
import type { OpName } from './rules';

/**
 * The one place telematics moves a booking on: the box confirmed an op (its signed response said
 * OK). The first unlock makes a reservation active; ending makes it completed; a lock changes
 * nothing. The bookings area's lifecycle transition function will replace this body.
 */
export async function bookingConfirmedByBox(db: Db, bookingId: string, op: OpName): Promise<void> {
  if (op === 'unlock') {
    await db
      .update(bookings)
      .set({ status: 'active' })
      .where(and(eq(bookings.id, bookingId), eq(bookings.status, 'reserved')));
  } else if (op === 'end') {
    await db
      .update(bookings)
      .set({ status: 'completed' })
      .where(and(eq(bookings.id, bookingId), inArray(bookings.status, ['reserved', 'active'])));
  }
}
