import type { Db } from '@/db/client';
import { applyTransition } from '../bookings/transitions';
import { AppError } from '../errors';
import type { OpName } from './rules';

/**
 * The one place telematics moves a booking on: the box confirmed an op (its signed response said
 * OK). The first unlock makes a reservation active; ending completes it and frees the rest of its
 * time; a lock changes nothing. The bookings lifecycle decides and records each step.
 */
export async function bookingConfirmedByBox(
  db: Db,
  bookingId: string,
  op: OpName,
  now = new Date(),
): Promise<void> {
  if (op === 'lock') return;
  try {
    await applyTransition(
      db,
      bookingId,
      { type: op === 'unlock' ? 'unlock' : 'end' },
      { id: null, role: 'system' },
      now,
    );
  } catch (error) {
    // The car did what the box said whatever the booking's state; a refused step only means the
    // booking had moved on already (a second end, an unlock after a manager cancelled it).
    if (!(error instanceof AppError && error.code === 'TRANSITION_REFUSED')) throw error;
  }
}
