import { serveAudit } from '@/server/audit/export';
import { createContext } from '@/server/context';

// The log as it is now, for the person signed in.
export const dynamic = 'force-dynamic';

/** GET /api/protokoll/protokoll.csv|.xlsx[?from=…&to=…&municipalityId=…] */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  return serveAudit(
    await createContext({ headers: request.headers }),
    file,
    new URL(request.url).searchParams,
  );
}
