import { z } from 'zod';
import type { SessionUser } from '../auth/queries';
import { AppError, type AppErrorCode } from '../errors';
import { refusal } from '../files/http';
import { isForeignOrigin } from '../http/request-guard';
import type { Context } from '../trpc';
import { readPhotoBody } from './photos';

const uuid = z.uuid();

/**
 * A photo uploaded over HTTP, the raw body naming its object in the query (`param`): refused from
 * another origin (a cross-site form could post with the cookies), without a session, to a role not
 * `allowed`, for an id that is no uuid (`notFound`), over 10 MB while it streams in, or when it is
 * no JPEG, PNG or WebP. `keep` stores it; a refusal writes nothing and reads no more of the body.
 */
export async function receivePhoto(
  ctx: Context,
  request: Request,
  appOrigin: string,
  target: { param: string; notFound: AppErrorCode; allowed?: (user: SessionUser) => boolean },
  keep: (user: SessionUser, id: string, upload: Buffer) => Promise<unknown>,
) {
  try {
    const url = new URL(request.url);
    if (isForeignOrigin(request.headers, request.headers.get('host') ?? url.host, appOrigin))
      throw new AppError('FOREIGN_ORIGIN');
    const user = ctx.user;
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (target.allowed && !target.allowed(user)) throw new AppError('FORBIDDEN_ROLE');
    const id = uuid.safeParse(url.searchParams.get(target.param));
    if (!id.success) throw new AppError(target.notFound);
    const upload = await readPhotoBody(request.body, request.headers.get('content-length'));
    const photo = await keep(user, id.data, upload);
    return Response.json(photo, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    await request.body?.cancel().catch(() => undefined);
    return refusal(error, ctx);
  }
}
