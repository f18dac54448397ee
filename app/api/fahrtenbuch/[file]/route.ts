import { createContext } from '@/server/context';
import { serveBook } from '@/server/logbook/http';

// Each export reads the book as it now is, for the person signed in.
export const dynamic = 'force-dynamic';

/** GET /api/fahrtenbuch/fahrtenbuch.csv|.pdf?vehicleId=…|userId=…&from=…&to=… */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  return serveBook(
    await createContext({ headers: request.headers }),
    file,
    new URL(request.url).searchParams,
  );
}
