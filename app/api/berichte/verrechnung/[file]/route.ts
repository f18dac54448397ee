import { createContext } from '@/server/context';
import { serveSettlement } from '@/server/reports/exports/service';

// Each export reads the settlement as it now is, for the person signed in.
export const dynamic = 'force-dynamic';

/** GET /api/berichte/verrechnung/YYYY-MM.csv|.xlsx */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  return serveSettlement(await createContext({ headers: request.headers }), file);
}
