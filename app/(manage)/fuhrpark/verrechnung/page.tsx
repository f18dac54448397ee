import { pageTitle } from '../../../lib/page-title';
import { regionToday } from '../../../lib/region-today';
import { HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { previousMonth } from '../months';
import { SettlementView } from './settlement-view';

export const generateMetadata = () => pageTitle((t) => t.settlement.title);

/** Last month's settlement, the one the page opens on, in the first answer already. */
export default async function SettlementPage() {
  const month = previousMonth(await regionToday());
  await prefetch(trpc.reports.settlement.queryOptions({ month: `${month}-01` }));
  return (
    <HydrateClient>
      <SettlementView />
    </HydrateClient>
  );
}
