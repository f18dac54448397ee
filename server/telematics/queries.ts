import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, boxes, gatewayJobs, keyCertificates, vehicles } from '@/db/schema';
import { atGatewayStation } from '../auth/scope';
import { REVOCATION_RETRY_MS } from './rules';

/** A booking with what keys and commands need: its car's station, box and battery. */
export async function findKeyBooking(db: Db, bookingId: string) {
  const [row] = await db
    .select({
      id: bookings.id,
      userId: bookings.userId,
      status: bookings.status,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      vehicleId: vehicles.id,
      stationId: vehicles.homeStationId,
      municipalityId: vehicles.ownerMunicipalityId,
      batteryKwh: vehicles.batteryKwh,
      boxId: boxes.id,
    })
    .from(bookings)
    .innerJoin(vehicles, eq(vehicles.id, bookings.vehicleId))
    .leftJoin(boxes, and(eq(boxes.vehicleId, vehicles.id), isNull(boxes.replacedAt)))
    .where(eq(bookings.id, bookingId));
  return row ?? null;
}
export type KeyBookingRow = NonNullable<Awaited<ReturnType<typeof findKeyBooking>>>;

/** A box as a gateway may see it: only one of its own station's cars. */
export async function findStationBox(db: Db, gateway: { stationId: string }, boxId: string) {
  const [row] = await db
    .select({ box: boxes })
    .from(boxes)
    .innerJoin(vehicles, eq(vehicles.id, boxes.vehicleId))
    .where(and(eq(boxes.id, boxId), atGatewayStation(gateway, vehicles.homeStationId)));
  return row?.box ?? null;
}

/** The next certificate serial of a box: raising the counter row-locks it, so two issuers never share one. */
export async function allocateSerial(db: Db, boxId: string): Promise<number> {
  const [row] = await db
    .update(boxes)
    .set({ lastSerial: sql`${boxes.lastSerial} + 1` })
    .where(eq(boxes.id, boxId))
    .returning({ serial: boxes.lastSerial });
  if (!row) throw new Error(`box ${boxId} vanished while issuing`);
  return row.serial;
}

export const unrevokedCertificatesOf = (db: Db, bookingId: string) =>
  db
    .select()
    .from(keyCertificates)
    .where(and(eq(keyCertificates.bookingId, bookingId), isNull(keyCertificates.revokedAt)));

/** Certificates still unrevoked although their booking was cancelled or not used, for one station. */
export async function staleCertificateBookings(db: Db, stationId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ bookingId: keyCertificates.bookingId })
    .from(keyCertificates)
    .innerJoin(bookings, eq(bookings.id, keyCertificates.bookingId))
    .innerJoin(vehicles, eq(vehicles.id, bookings.vehicleId))
    .where(
      and(
        isNull(keyCertificates.revokedAt),
        inArray(bookings.status, ['cancelled', 'no_show']),
        eq(vehicles.homeStationId, stationId),
      ),
    );
  return rows.map((row) => row.bookingId);
}

/**
 * Jobs past their time: a command fails itself (the person has stopped waiting); a revocation
 * whose gateway went quiet goes back to the queue until the certificate has expired anyway.
 */
export async function expireJobs(db: Db, now: Date, where: { stationId?: string; jobId?: string }) {
  const scope = where.jobId
    ? eq(gatewayJobs.id, where.jobId)
    : eq(gatewayJobs.stationId, where.stationId ?? '');
  await db
    .update(gatewayJobs)
    .set({ state: 'failed', failure: 'EXPIRED', finishedAt: now })
    .where(
      and(
        scope,
        inArray(gatewayJobs.state, ['queued', 'sent', 'challenged']),
        lte(gatewayJobs.expiresAt, now),
      ),
    );
  await db
    .update(gatewayJobs)
    .set({ state: 'queued', gatewayId: null, stage: null, sentAt: null })
    .where(
      and(
        scope,
        inArray(gatewayJobs.kind, ['revocation', 'trust']),
        eq(gatewayJobs.state, 'sent'),
        or(
          isNull(gatewayJobs.sentAt),
          lte(gatewayJobs.sentAt, new Date(now.getTime() - REVOCATION_RETRY_MS)),
        ),
      ),
    );
}
