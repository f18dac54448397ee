import { createContext } from '@/server/context';
import { serveDamagePhoto } from '@/server/damage/http';
import { objectStore } from '@/server/storage/deployment';

export const dynamic = 'force-dynamic';

/** GET /api/schaeden/fotos/<id> — a damage photo, for the booker and the car's managers. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveDamagePhoto(await createContext({ headers: request.headers }), objectStore(), id);
}
