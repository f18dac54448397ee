import { pageTitle } from '../../../lib/page-title';
import { HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { StationsView } from './stations-view';

export const generateMetadata = () => pageTitle((t) => t.fleetAdmin.stations.title);

/** The manager's stations, in the first answer already. */
export default async function StationsPage() {
  await prefetch(trpc.stations.managed.queryOptions(), trpc.stations.municipalities.queryOptions());
  return (
    <HydrateClient>
      <StationsView />
    </HydrateClient>
  );
}
