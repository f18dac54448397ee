// Test helpers only: bookings written straight into the table, in any status and at any time.
import type { Db } from '@/db/client';
import { bookings } from '@/db/schema';

type Status = (typeof bookings.$inferInsert)['status'];

export async function makeBooking(
  db: Db,
  values: {
    vehicleId: string;
    userId: string;
    startsAt: Date;
    endsAt: Date;
    status?: Status;
    sequence?: number;
    purpose?: string;
  },
) {
  const status = values.status ?? 'reserved';
  const [row] = await db
    .insert(bookings)
    .values({ ...values, status, cancelledAt: status === 'cancelled' ? new Date() : null })
    .returning();
  if (!row) throw new Error('no booking');
  return row;
}

export const hours = (n: number) => n * 3_600_000;
export const at = (base: Date, offsetMs: number) => new Date(base.getTime() + offsetMs);
