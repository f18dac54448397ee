import { and, eq, ne } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { bookings } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';

const database = testDatabaseForFile();

// On PostgreSQL the pool gives each create its own connection, so the race is real; on PGlite
// the single connection queues them, and the constraint must still hold.
it.each([1, 2, 3])('20 concurrent creates for one car and slot: exactly one wins (round %i)', async () => {
  const { db } = database;
  const home = await makeMunicipality(db);
  const car = await makeVehicle(db, home);
  const people = await Promise.all(Array.from({ length: 20 }, () => makeUser(db, home)));
  const slot = hoursFromNow(48, 2);
  const results = await Promise.allSettled(
    people.map((person, i) =>
      // Every other one overlaps only partly, so the constraint, not an equality check, decides.
      callerFor(db, person).bookings.create({
        vehicleId: car.id,
        from: new Date(slot.from.getTime() + (i % 2) * 30 * 60_000),
        to: slot.to,
      }),
    ),
  );
  const won = results.filter((r) => r.status === 'fulfilled');
  const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  expect(won).toHaveLength(1);
  expect(lost).toHaveLength(19);
  for (const reason of lost) expect(reason).toMatchObject({ code: 'CONFLICT' });
  const stored = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.vehicleId, car.id), ne(bookings.status, 'cancelled')));
  expect(stored).toHaveLength(1);
});
