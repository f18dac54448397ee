import { createContext } from '@/server/context';
import { serveInvoice } from '@/server/reports/exports/service';

// Each invoice is written from the settlement as it now is, for the person signed in.
export const dynamic = 'force-dynamic';

/** GET /api/berichte/rechnung/YYYY-MM/<payerMunicipalityId>/<payeeMunicipalityId>.xml */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ month: string; payer: string; file: string }> },
) {
  const { month, payer, file } = await params;
  return serveInvoice(await createContext({ headers: request.headers }), month, payer, file);
}
