import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  bookings,
  damageBlocks,
  damagePhotos,
  damageReports,
  municipalities,
  users,
  vehicleBlocks,
  vehicles,
} from '@/db/schema';
import { openDamageStates } from './states';

/** A booking with what damage reports and the logbook ask of it: its booker, car, owner and rule. */
export async function findBookingForReport(db: Db, bookingId: string) {
  const [row] = await db
    .select({
      id: bookings.id,
      userId: bookings.userId,
      status: bookings.status,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      vehicleId: bookings.vehicleId,
      municipalityId: vehicles.ownerMunicipalityId,
      logbookRequired: municipalities.logbookRequired,
    })
    .from(bookings)
    .innerJoin(vehicles, eq(vehicles.id, bookings.vehicleId))
    .innerJoin(municipalities, eq(municipalities.id, vehicles.ownerMunicipalityId))
    .where(eq(bookings.id, bookingId));
  return row ?? null;
}
export type ReportBooking = NonNullable<Awaited<ReturnType<typeof findBookingForReport>>>;

/** A damage report with its booking's booker (none for the fleet's own record) and owner: who may add photos and see them. */
export async function findDamage(db: Db, damageId: string) {
  const [row] = await db
    .select({
      id: damageReports.id,
      bookingId: damageReports.bookingId,
      userId: bookings.userId,
      municipalityId: vehicles.ownerMunicipalityId,
    })
    .from(damageReports)
    .leftJoin(bookings, eq(bookings.id, damageReports.bookingId))
    .innerJoin(vehicles, eq(vehicles.id, damageReports.vehicleId))
    .where(eq(damageReports.id, damageId));
  return row ?? null;
}

/** A car in service with its owner: what the fleet may record a damage on. */
export async function findManagedCar(db: Db, vehicleId: string) {
  const [row] = await db
    .select({ vehicleId: vehicles.id, municipalityId: vehicles.ownerMunicipalityId })
    .from(vehicles)
    .where(and(eq(vehicles.id, vehicleId), ne(vehicles.status, 'retired')));
  return row ?? null;
}

export async function findPhoto(db: Db, photoId: string) {
  const [row] = await db
    .select({
      objectKey: damagePhotos.objectKey,
      contentType: damagePhotos.contentType,
      damageId: damagePhotos.damageId,
    })
    .from(damagePhotos)
    .where(eq(damagePhotos.id, photoId));
  return row ?? null;
}

/** The fleet managers of a municipality: who hears of a damage to one of its cars. */
export async function fleetManagersOf(db: Db, municipalityId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'fleet_manager'), eq(users.municipalityId, municipalityId)));
  return rows.map((row) => row.id);
}

/** A booking's damage reports, oldest first, each with its photos. */
export async function damagesOfBooking(db: Db, bookingId: string) {
  const reports = await db
    .select({
      id: damageReports.id,
      description: damageReports.description,
      drivable: damageReports.drivable,
      createdAt: damageReports.createdAt,
      reporter: users.name,
    })
    .from(damageReports)
    .leftJoin(users, eq(users.id, damageReports.reporterId))
    .where(eq(damageReports.bookingId, bookingId))
    .orderBy(asc(damageReports.createdAt));
  const photos =
    reports.length === 0
      ? []
      : await db
          .select({
            id: damagePhotos.id,
            damageId: damagePhotos.damageId,
            width: damagePhotos.width,
            height: damagePhotos.height,
          })
          .from(damagePhotos)
          .where(
            inArray(
              damagePhotos.damageId,
              reports.map((r) => r.id),
            ),
          )
          .orderBy(asc(damagePhotos.createdAt));
  return reports.map((report) => ({
    ...report,
    photos: photos.filter((p) => p.damageId === report.id).map(({ damageId: _, ...photo }) => photo),
  }));
}

/** Which of these blocks an open report holds (other than `except`): those stay while it is open. */
export async function blocksHeldByOpenReports(
  db: Db,
  blockIds: string[],
  except?: string,
): Promise<string[]> {
  if (blockIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ blockId: damageBlocks.blockId })
    .from(damageBlocks)
    .innerJoin(damageReports, eq(damageReports.id, damageBlocks.damageId))
    .where(
      and(
        inArray(damageBlocks.blockId, blockIds),
        inArray(damageReports.state, openDamageStates),
        except ? ne(damageBlocks.damageId, except) : undefined,
      ),
    );
  return rows.map((row) => row.blockId);
}

export async function holdBlocks(db: Db, damageId: string, blockIds: string[]) {
  if (blockIds.length > 0)
    await db.insert(damageBlocks).values(blockIds.map((blockId) => ({ damageId, blockId })));
}

/** The blocks a report holds, oldest first. */
export function blocksOfDamage(db: Db, damageId: string) {
  return db
    .select({
      id: vehicleBlocks.id,
      startsAt: vehicleBlocks.startsAt,
      endsAt: vehicleBlocks.endsAt,
      cancelledAt: vehicleBlocks.cancelledAt,
    })
    .from(damageBlocks)
    .innerJoin(vehicleBlocks, eq(vehicleBlocks.id, damageBlocks.blockId))
    .where(eq(damageBlocks.damageId, damageId))
    .orderBy(asc(vehicleBlocks.startsAt));
}
