import { eq } from 'drizzle-orm';
import { addDays, startOfDay } from '@/app/lib/days';
import type { Db } from '@/db/client';
import { users, vehicles } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { AppError } from '../errors';
import { readBook } from './book';
import type { BookInput } from './schema';

/** Whose book it is, as its heading names it. */
async function subjectOf(db: Db, reader: SessionUser, input: BookInput) {
  if (input.vehicleId) {
    const [car] = await db
      .select({ id: vehicles.id, plate: vehicles.plate, make: vehicles.make, model: vehicles.model })
      .from(vehicles)
      .where(eq(vehicles.id, input.vehicleId));
    if (!car) throw new AppError('VEHICLE_NOT_FOUND');
    return { kind: 'car' as const, vehicleId: car.id, plate: car.plate, car: `${car.make} ${car.model}` };
  }
  // A person's own book only: a manager reads the car's book (the legal record), and one person's
  // trips across cars only through the trip lookup, which asks why and logs it (server/privacy).
  const [person] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.id, input.userId ?? ''));
  if (!person || person.id !== reader.id) throw new AppError('PERSON_NOT_FOUND');
  return { kind: 'person' as const, userId: person.id, person: person.name };
}

/** The Fahrtenbuch of a car or a person for a period of local days, with its heading. */
export async function bookFor(db: Db, reader: SessionUser, input: BookInput, timeZone: string) {
  const subject = await subjectOf(db, reader, input);
  const book = await readBook(db, reader, {
    subject: subject.kind === 'car' ? { vehicleId: subject.vehicleId } : { userId: subject.userId },
    from: startOfDay(input.from, timeZone),
    to: startOfDay(input.to, timeZone),
  });
  return { subject, from: input.from, lastDay: addDays(input.to, -1), ...book };
}
