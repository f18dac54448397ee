import { checkHealth } from '@/server/process/health';

// Asked anew on every request, never prerendered or cached.
export const dynamic = 'force-dynamic';

/** For load balancers: 200 with `status: "ok"` when this instance should get requests, else 503. */
export async function GET() {
  const { httpStatus, report } = await checkHealth();
  return Response.json(report, { status: httpStatus, headers: { 'cache-control': 'no-store' } });
}
