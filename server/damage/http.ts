import { z } from 'zod';
import { AppError } from '../errors';
import { refusal } from '../files/http';
import type { ObjectStore } from '../storage';
import type { Context } from '../trpc';
import { receivePhoto } from './photo-upload';
import { addDamagePhoto, damagePhotoFile } from './service';

const uuid = z.uuid();

function signedIn(ctx: Context) {
  if (!ctx.user) throw new AppError('UNAUTHENTICATED');
  return ctx.user;
}

/** POST /api/schaeden/fotos?meldung=<damage id>, the photo as the raw body (any Content-Type: the bytes decide). */
export function uploadDamagePhoto(ctx: Context, store: ObjectStore, request: Request, appOrigin: string) {
  return receivePhoto(
    ctx,
    request,
    appOrigin,
    { param: 'meldung', notFound: 'DAMAGE_NOT_FOUND' },
    (user, id, upload) => addDamagePhoto(ctx.db, store, user, id, upload),
  );
}

/** GET /api/schaeden/fotos/<photo id>: the stored photo, to whoever may see its report only. */
export async function serveDamagePhoto(ctx: Context, store: ObjectStore, photoId: string) {
  try {
    const user = signedIn(ctx);
    const id = uuid.safeParse(photoId);
    if (!id.success) throw new AppError('PHOTO_NOT_FOUND');
    const { body, contentType } = await damagePhotoFile(ctx.db, store, user, id.data);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': contentType,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'",
      },
    });
  } catch (error) {
    return refusal(error, ctx);
  }
}
