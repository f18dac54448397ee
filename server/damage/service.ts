import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { damagePhotos, damageReports } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { assertMayManageOrNotFound, maySeeBooking } from '../auth/scope';
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
  findManagedCar,
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

/** What a report says of the car, and where it was found: on a booking, or by the fleet at the car. */
interface DamageFound {
  vehicleId: string;
  municipalityId: string;
  bookingId: string | null;
  description: string;
  drivable: boolean;
}

/**
 * A damage at the car: recorded, and each fleet manager of the car's municipality told of one found
 * on a booking. One that leaves the car not drivable takes it out of service in the same write (the
 * car's lock first, as every schedule write): its coming bookings are moved or cancelled, their
 * bookers told. The report holds its new blocks and those of earlier open reports on the car (a
 * block ends with the last report holding it); the audit log has it under the reporter's name.
 */
function writeReport(db: Db, user: User, found: DamageFound, timeZone: string, now: Date) {
  return writeSchedule(db, async (tx) => {
    await lockVehicleSchedule(tx, found.vehicleId);
    const [row] = await tx
      .insert(damageReports)
      .values({
        vehicleId: found.vehicleId,
        bookingId: found.bookingId,
        reporterId: user.id,
        description: found.description,
        drivable: found.drivable,
      })
      .returning({ id: damageReports.id, createdAt: damageReports.createdAt });
    if (!row) throw new Error('damage report not written');
    // A booker's report is theirs; one the fleet writes of a car is an administrative change.
    if (found.bookingId === null)
      await recordAudit(tx, user, {
        action: 'damage.record',
        objectType: 'damage_report',
        objectId: row.id,
        municipalityId: found.municipalityId,
        after: { vehicleId: found.vehicleId, description: found.description, drivable: found.drivable },
      });
    let placed: Awaited<ReturnType<typeof blockForDamage>> | null = null;
    if (!found.drivable) {
      placed = await blockForDamage(tx, user.id, found.vehicleId, now, timeZone);
      const shared = await blocksHeldByOpenReports(tx, placed.existing);
      await holdBlocks(tx, row.id, [...placed.created, ...shared]);
      await recordAudit(tx, user, {
        action: 'damage.block',
        objectType: 'damage_report',
        objectId: row.id,
        municipalityId: found.municipalityId,
        after: {
          vehicleId: found.vehicleId,
          blockedFrom: placed.startsAt,
          blocks: placed.created,
          sharedBlocks: shared,
          moved: placed.moved,
          cancelled: placed.cancelled,
        },
      });
    }
    // The fleet's own record needs no mail to the fleet: the manager who wrote it knows, and the
    // list shows it to the others.
    if (found.bookingId !== null)
      for (const managerId of await fleetManagersOf(tx, found.municipalityId))
        await notify(tx, {
          kind: 'damage_reported',
          bookingId: found.bookingId,
          managerId,
          description: found.description,
          drivable: found.drivable,
        });
    return { ...row, moved: placed?.moved.length ?? 0, cancelled: placed?.cancelled.length ?? 0 };
  });
}

/** A damage found on a booking, by its booker or one of the car's managers. */
export async function reportDamage(
  db: Db,
  user: User,
  input: { bookingId: string; description: string; drivable: boolean },
  timeZone: string,
  now = new Date(),
) {
  const booking = await reportableBooking(db, user, input.bookingId);
  const found = { ...input, vehicleId: booking.vehicleId, municipalityId: booking.municipalityId };
  const { id, createdAt } = await writeReport(db, user, found, timeZone, now);
  return { id, createdAt };
}

/** A damage the fleet found at the car with no booking to tie it to: at an inspection, at the station. */
export async function recordDamage(
  db: Db,
  manager: SessionUser,
  input: { vehicleId: string; description: string; drivable: boolean },
  timeZone: string,
  now = new Date(),
) {
  const car = await findManagedCar(db, input.vehicleId);
  assertMayManageOrNotFound(manager, car?.municipalityId, 'VEHICLE_NOT_FOUND');
  if (!car) throw new AppError('VEHICLE_NOT_FOUND');
  return writeReport(db, manager, { ...input, ...car, bookingId: null }, timeZone, now);
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
