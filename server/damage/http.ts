import { z } from 'zod';
import { AppError } from '../errors';
import { refusal } from '../files/http';
import { isForeignOrigin } from '../http/request-guard';
import type { ObjectStore } from '../storage';
import type { Context } from '../trpc';
import { readPhotoBody } from './photos';
import { addDamagePhoto, damagePhotoFile } from './service';

const uuid = z.uuid();

function signedIn(ctx: Context) {
  if (!ctx.user) throw new AppError('UNAUTHENTICATED');
  return ctx.user;
}

/**
 * POST /api/schaeden/fotos?meldung=<damage id>, the photo as the raw body (any Content-Type: the
 * bytes decide). Refused from another origin (a cross-site form could post with the cookies), over
 * 10 MB while it streams in, or when it is no JPEG, PNG or WebP; a refusal writes nothing.
 */
export async function uploadDamagePhoto(
  ctx: Context,
  store: ObjectStore,
  request: Request,
  appOrigin: string,
) {
  try {
    const url = new URL(request.url);
    if (isForeignOrigin(request.headers, request.headers.get('host') ?? url.host, appOrigin))
      throw new AppError('FOREIGN_ORIGIN');
    const user = signedIn(ctx);
    const damageId = uuid.safeParse(url.searchParams.get('meldung'));
    if (!damageId.success) throw new AppError('DAMAGE_NOT_FOUND');
    const upload = await readPhotoBody(request.body, request.headers.get('content-length'));
    const photo = await addDamagePhoto(ctx.db, store, user, damageId.data, upload);
    return Response.json(photo, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    await request.body?.cancel().catch(() => undefined);
    return refusal(error, ctx);
  }
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
