import { createContext } from '@/server/context';
import { uploadDamagePhoto } from '@/server/damage/http';
import { env } from '@/server/env';
import { objectStore } from '@/server/storage/deployment';

export const dynamic = 'force-dynamic';

/** POST /api/schaeden/fotos?meldung=<id> — one photo of a damage report, as the raw body. */
export async function POST(request: Request) {
  const ctx = await createContext({ headers: request.headers });
  return uploadDamagePhoto(ctx, objectStore(), request, new URL(env().APP_URL).origin);
}
