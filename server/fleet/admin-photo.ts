import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { vehicles } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { assertMayManage } from '../auth/scope';
import { receivePhoto } from '../damage/photo-upload';
import { reencodePhoto } from '../damage/photos';
import { AppError } from '../errors';
import { refusal } from '../files/http';
import type { ObjectStore } from '../storage';
import type { Context } from '../trpc';
import { vehicleRow } from './admin-vehicles';

const uuid = z.uuid();

/**
 * Sets a car's photo: re-encoded as the damage photos are (upright, at most 2048 px, JPEG, every
 * EXIF/GPS/XMP field dropped), stored under a fresh key, the car pointed at it with an audit entry.
 */
export async function setVehiclePhoto(
  db: Db,
  store: ObjectStore,
  manager: SessionUser,
  vehicleId: string,
  upload: Buffer,
) {
  const before = await vehicleRow(db, vehicleId);
  assertMayManage(manager, before.ownerMunicipalityId);
  const photo = await reencodePhoto(upload);
  const photoKey = `vehicle-photos/${before.id}/${randomUUID()}.jpg`;
  await store.put(photoKey, photo.body, photo.contentType);
  await db.transaction(async (tx) => {
    await tx.update(vehicles).set({ photoKey }).where(eq(vehicles.id, before.id));
    await recordAudit(tx, manager, {
      action: 'vehicle.update',
      objectType: 'vehicle',
      objectId: before.id,
      municipalityId: before.ownerMunicipalityId,
      before: { photoKey: before.photoKey },
      after: { photoKey },
    });
  });
  return { width: photo.width, height: photo.height };
}

function signedIn(ctx: Context) {
  if (!ctx.user) throw new AppError('UNAUTHENTICATED');
  return ctx.user;
}

/** POST /api/fahrzeuge/foto?fahrzeug=<car id>, the photo as the raw body: for the car's fleet managers and the operator. */
export function uploadVehiclePhoto(ctx: Context, store: ObjectStore, request: Request, appOrigin: string) {
  return receivePhoto(
    ctx,
    request,
    appOrigin,
    {
      param: 'fahrzeug',
      notFound: 'VEHICLE_NOT_FOUND',
      allowed: (user) => user.role === 'fleet_manager' || user.role === 'operator',
    },
    (user, id, upload) => setVehiclePhoto(ctx.db, store, user, id, upload),
  );
}

/** GET /api/fahrzeuge/foto/<car id>: the car's photo, to anyone signed in (cars are everyone's to see). */
export async function serveVehiclePhoto(ctx: Context, store: ObjectStore, vehicleId: string) {
  try {
    signedIn(ctx);
    const id = uuid.safeParse(vehicleId);
    if (!id.success) throw new AppError('PHOTO_NOT_FOUND');
    const [row] = await ctx.db
      .select({ photoKey: vehicles.photoKey })
      .from(vehicles)
      .where(eq(vehicles.id, id.data));
    const body = row?.photoKey ? await store.get(row.photoKey) : null;
    if (!body) throw new AppError('PHOTO_NOT_FOUND');
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': 'image/jpeg',
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'",
      },
    });
  } catch (error) {
    return refusal(error, ctx);
  }
}
