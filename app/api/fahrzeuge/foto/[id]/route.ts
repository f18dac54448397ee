import { createContext } from '@/server/context';
import { serveVehiclePhoto } from '@/server/fleet/admin-photo';
import { objectStore } from '@/server/storage/deployment';

export const dynamic = 'force-dynamic';

/** GET /api/fahrzeuge/foto/<car id> — the car's photo, for anyone signed in. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveVehiclePhoto(await createContext({ headers: request.headers }), objectStore(), id);
}
