import { pageTitle } from '../../../../lib/page-title';
import { regionToday } from '../../../../lib/region-today';
import { HydrateClient, prefetch, trpc } from '../../../../lib/trpc-server';
import { lastMonthPeriod } from '../../months';
import { SizingView } from './sizing-view';

export const generateMetadata = () => pageTitle((t) => t.sizing.title);

/** Last month's sizing, the one the page opens on, in the first answer already. */
export default async function SizingPage() {
  await prefetch(trpc.reports.sizing.queryOptions(lastMonthPeriod(await regionToday())));
  return (
    <HydrateClient>
      <SizingView />
    </HydrateClient>
  );
}
