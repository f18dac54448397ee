import type { Db } from '@/db/client';
import type { SessionUser } from '../auth/queries';
import { AppError, invalidInput } from '../errors';
import {
  findBookableVehicle,
  findBookingOfUser,
  insertBooking,
  listBookingsOfUser,
  markCancelled,
} from './queries';
import { windowProblems } from './rules';
import type { CreateBookingInput } from './schema';

export async function createBooking(db: Db, user: SessionUser, input: CreateBookingInput, now = new Date()) {
  const window = { start: input.from, end: input.to };
  const problems = windowProblems(window, now);
  if (Object.keys(problems).length > 0) throw invalidInput(problems);
  const vehicle = await findBookableVehicle(db, input.vehicleId);
  if (!vehicle) throw invalidInput({ vehicleId: ['Dieses Fahrzeug gibt es nicht.'] });
  if (vehicle.status !== 'in_service') throw new AppError('VEHICLE_NOT_BOOKABLE');
  const { id } = await insertBooking(db, {
    vehicleId: vehicle.id,
    userId: user.id,
    window,
    purpose: input.purpose || null,
  });
  return bookingOf(db, user, id);
}

export async function bookingOf(db: Db, user: SessionUser, bookingId: string) {
  const booking = await findBookingOfUser(db, bookingId, user.id);
  if (!booking) throw new AppError('BOOKING_NOT_FOUND');
  return booking;
}

export const myBookings = (db: Db, user: SessionUser) => listBookingsOfUser(db, user.id, 200);

/** The booker cancels a reservation before it starts; anything else is refused and left as it was. */
export async function cancelBooking(db: Db, user: SessionUser, bookingId: string, now = new Date()) {
  await bookingOf(db, user, bookingId);
  if (!(await markCancelled(db, bookingId, now))) throw new AppError('BOOKING_NOT_CANCELLABLE');
  return bookingOf(db, user, bookingId);
}
