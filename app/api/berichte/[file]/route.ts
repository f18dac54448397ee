import { createContext } from '@/server/context';
import { serveFigures } from '@/server/reports/exports/service';

// Each export reads the figures as they now are, for the person signed in.
export const dynamic = 'force-dynamic';

/** GET /api/berichte/kennzahlen.csv|.xlsx?from=…&to=…&groupBy=…[&municipalityId=…] */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  return serveFigures(
    await createContext({ headers: request.headers }),
    file,
    new URL(request.url).searchParams,
  );
}
