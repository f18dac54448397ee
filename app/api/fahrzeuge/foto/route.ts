import { createContext } from '@/server/context';
import { env } from '@/server/env';
import { uploadVehiclePhoto } from '@/server/fleet/admin-photo';
import { objectStore } from '@/server/storage/deployment';

export const dynamic = 'force-dynamic';

/** POST /api/fahrzeuge/foto?fahrzeug=<id> — a car's photo, as the raw body. */
export async function POST(request: Request) {
  const ctx = await createContext({ headers: request.headers });
  return uploadVehiclePhoto(ctx, objectStore(), request, new URL(env().APP_URL).origin);
}
