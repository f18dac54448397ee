import { pageTitle } from '../../../lib/page-title';
import { regionToday } from '../../../lib/region-today';
import { HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { ReportsView } from './dashboard';
import { readState } from './period';

export const generateMetadata = () => pageTitle((t) => t.dashboard.title);

type Search = Record<string, string | string[] | undefined>;

/**
 * The region's figures for the period in the address (this month without one) in the first answer
 * already, read by the same rule as the client; a deeper level is asked for by the browser.
 */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams))
    if (typeof value === 'string') params.set(key, value);
  const { period, drill } = readState(params, await regionToday());
  await prefetch(
    trpc.vehicles.managed.queryOptions(),
    ...(drill.municipality
      ? []
      : [
          trpc.reports.figures.queryOptions({ ...period, groupBy: 'region' }),
          trpc.reports.figures.queryOptions({ ...period, groupBy: 'municipality' }),
          trpc.reports.figures.queryOptions({ ...period, groupBy: 'month' }),
          trpc.reports.heatmap.queryOptions(period),
        ]),
  );
  return (
    <HydrateClient>
      <ReportsView />
    </HydrateClient>
  );
}
