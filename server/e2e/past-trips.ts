import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { bookings, municipalities, trips, users, vehicles } from '@/db/schema';

/** A completed booking with its trip in the past: what settlement and reports specs need as history. */
export const pastTripSpec = z
  .object({
    vehicleId: z.uuid(),
    userId: z.uuid(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    km: z.number().min(0).max(10_000),
  })
  .refine((trip) => trip.endsAt > trip.startsAt && Date.parse(trip.endsAt) < Date.now(), {
    path: ['endsAt'],
    message: 'A past trip ends after it starts and before now.',
  });

/**
 * Writes the booking and its trip as the box would have left them (no box: like an imported trip).
 * Only between test worlds' cars and people, so a spec cannot write history into real data.
 */
export async function pastTrip(db: Db, spec: z.infer<typeof pastTripSpec>) {
  const [car] = await db
    .select({ slug: municipalities.slug })
    .from(vehicles)
    .innerJoin(municipalities, eq(municipalities.id, vehicles.ownerMunicipalityId))
    .where(eq(vehicles.id, spec.vehicleId));
  const [person] = await db
    .select({ slug: municipalities.slug })
    .from(users)
    .innerJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .where(eq(users.id, spec.userId));
  if (!car?.slug.startsWith('e2e-') || !person?.slug.startsWith('e2e-'))
    throw new Error('e2e: not a test world');
  return db.transaction(async (tx) => {
    const [booking] = await tx
      .insert(bookings)
      .values({
        vehicleId: spec.vehicleId,
        userId: spec.userId,
        startsAt: new Date(spec.startsAt),
        endsAt: new Date(spec.endsAt),
        status: 'completed',
      })
      .returning({ id: bookings.id });
    if (!booking) throw new Error('e2e: no booking');
    await tx.insert(trips).values({
      bookingId: booking.id,
      startedAt: new Date(spec.startsAt),
      endedAt: new Date(spec.endsAt),
      odometerStart: 10_000,
      odometerEnd: 10_000 + Math.round(spec.km * 10),
      ignitionSeconds: 0,
    });
    return booking;
  });
}
