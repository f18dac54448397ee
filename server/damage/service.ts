import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { damagePhotos, damageReports } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { maySeeBooking } from '../auth/scope';
import { blockForDamage } from '../bookings/damage-block';
import { lockVehicleSchedule, writeSchedule } from '../bookings/schedule';
import { AppError } from '../errors';
import { notify } from '../notifications/outbox';
import type { ObjectStore } from '../storage';
import { reencodePhoto } from './photos';
import {
  blocksHeldByOpenReports,
  damagesOfBooking,
  findBookingForReport,
  findDamage,
  findPhoto,
  fleetManagersOf,
  holdBlocks,
} from './queries';

type User = Pick<SessionUser, 'id' | 'name' | 'role' | 'municipalityId'>;

/** Photos one report may carry. */
export const MAX_PHOTOS_PER_DAMAGE = 10;

/** The booking, if the caller may report on it (its booker, its car's managers); else BOOKING_NOT_FOUND. */
async function reportableBooking(db: Db, user: User, bookingId: string) {
  const booking = await findBookingForReport(db, bookingId);
  if (!booking || !maySeeBooking(user, booking)) throw new AppError('BOOKING_NOT_FOUND');
  return booking;
}

/**
 * A damage at the car: recorded with the booking, and each fleet manager of the car's municipality
 * told. One that leaves the car not drivable takes it out of service in the same write (the car's
 * lock first, as every schedule write): its coming bookings are moved or cancelled, their bookers
 * told. The report holds its new blocks and those of earlier open reports on the car (a block ends
 * with the last report holding it); the audit log has it under the reporter's name.
 */
export async function reportDamage(
  db: Db,
  user: User,
  input: { bookingId: string; description: string; drivable: boolean },
  timeZone: string,
  now = new Date(),
) {
  const booking = await reportableBooking(db, user, input.bookingId);
  return writeSchedule(db, async (tx) => {
    await lockVehicleSchedule(tx, booking.vehicleId);
    const [row] = await tx
      .insert(damageReports)
      .values({
        vehicleId: booking.vehicleId,
        bookingId: booking.id,
        reporterId: user.id,
        description: input.description,
        drivable: input.drivable,
      })
      .returning({ id: damageReports.id, createdAt: damageReports.createdAt });
    if (!row) throw new Error('damage report not written');
    if (!input.drivable) {
      const placed = await blockForDamage(tx, user.id, booking.vehicleId, now, timeZone);
      const shared = await blocksHeldByOpenReports(tx, placed.existing);
      await holdBlocks(tx, row.id, [...placed.created, ...shared]);
      await recordAudit(tx, user, {
        action: 'damage.block',
        objectType: 'damage_report',
        objectId: row.id,
        municipalityId: booking.municipalityId,
        after: {
          vehicleId: booking.vehicleId,
          blockedFrom: placed.startsAt,
          blocks: placed.created,
          sharedBlocks: shared,
          moved: placed.moved,
          cancelled: placed.cancelled,
        },
      });
    }
    for (const managerId of await fleetManagersOf(tx, booking.municipalityId))
      await notify(tx, {
        kind: 'damage_reported',
        bookingId: booking.id,
        managerId,
        description: input.description,
        drivable: input.drivable,
      });
    return row;
  });
}

export async function damagesForBooking(db: Db, user: User, bookingId: string) {
  await reportableBooking(db, user, bookingId);
  return damagesOfBooking(db, bookingId);
}

async function visibleDamage(db: Db, user: User, damageId: string) {
  const damage = await findDamage(db, damageId);
  if (!damage || !maySeeBooking(user, damage)) throw new AppError('DAMAGE_NOT_FOUND');
  return damage;
}

/**
 * One photo for a report: re-encoded first (a refused upload writes nothing), then stored under a
 * fresh key and recorded. Whoever may not see the report hears DAMAGE_NOT_FOUND.
 */
export async function addDamagePhoto(
  db: Db,
  store: ObjectStore,
  user: User,
  damageId: string,
  upload: Buffer,
) {
  const damage = await visibleDamage(db, user, damageId);
  const [existing] = await db
    .select({ n: count() })
    .from(damagePhotos)
    .where(eq(damagePhotos.damageId, damage.id));
  if ((existing?.n ?? 0) >= MAX_PHOTOS_PER_DAMAGE) throw new AppError('PHOTO_LIMIT_REACHED');
  const photo = await reencodePhoto(upload);
  const objectKey = `damage-photos/${damage.id}/${randomUUID()}.jpg`;
  await store.put(objectKey, photo.body, photo.contentType);
  const [row] = await db
    .insert(damagePhotos)
    .values({
      damageId: damage.id,
      objectKey,
      contentType: photo.contentType,
      sizeBytes: photo.body.byteLength,
      width: photo.width,
      height: photo.height,
    })
    .returning({ id: damagePhotos.id, width: damagePhotos.width, height: damagePhotos.height });
  if (!row) throw new Error('damage photo not written');
  return row;
}

/** A photo's bytes, for whoever may see its report; to anyone else it does not exist. */
export async function damagePhotoFile(db: Db, store: ObjectStore, user: User, photoId: string) {
  const photo = await findPhoto(db, photoId);
  if (!photo) throw new AppError('PHOTO_NOT_FOUND');
  const damage = await findDamage(db, photo.damageId);
  if (!damage || !maySeeBooking(user, damage)) throw new AppError('PHOTO_NOT_FOUND');
  const body = await store.get(photo.objectKey);
  if (!body) throw new AppError('PHOTO_NOT_FOUND');
  return { body, contentType: photo.contentType };
}
