import { z } from 'zod';
import { database } from '@/server/database';
import { createWorld, factoriesServed, removeWorld, worldSpec } from '@/server/e2e/factories';
import { pastTrip, pastTripSpec } from '@/server/e2e/past-trips';
import { addReportHistory, reportHistorySpec } from '@/server/e2e/report-history';
import { env } from '@/server/env';

export const dynamic = 'force-dynamic';

const request = z.discriminatedUnion('action', [
  z.object({ action: z.literal('create'), spec: worldSpec.optional() }),
  z.object({ action: z.literal('remove'), municipalityId: z.uuid() }),
  z.object({ action: z.literal('pastTrip'), trip: pastTripSpec }),
  z.object({ action: z.literal('reportHistory'), spec: reportHistorySpec }),
]);

/**
 * POST /api/e2e — the end-to-end tests' own data (e2e/factories.ts). The test process cannot open
 * the server's embedded database (PGlite is one process), so it asks the server. Absent (404)
 * unless E2E_FACTORIES=on, which only playwright.config.ts sets, and never on PostgreSQL: it makes
 * accounts without asking who calls, so a production database must not be reachable through it.
 */
export async function POST(req: Request) {
  if (!factoriesServed(env())) return new Response('Not Found', { status: 404 });
  const parsed = request.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return Response.json(z.flattenError(parsed.error), { status: 400 });
  const { db } = await database();
  if (parsed.data.action === 'create') return Response.json(await createWorld(db, parsed.data.spec));
  if (parsed.data.action === 'pastTrip') return Response.json(await pastTrip(db, parsed.data.trip));
  if (parsed.data.action === 'reportHistory') {
    await addReportHistory(db, parsed.data.spec, env().TIME_ZONE);
    return new Response(null, { status: 204 });
  }
  await removeWorld(db, parsed.data.municipalityId);
  return new Response(null, { status: 204 });
}
