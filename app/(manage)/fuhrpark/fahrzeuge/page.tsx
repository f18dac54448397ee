import { pageTitle } from '../../../lib/page-title';
import { regionToday } from '../../../lib/region-today';
import { HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { VehiclesView } from './vehicles-view';

export const generateMetadata = () => pageTitle((t) => t.fleetAdmin.vehicles.title);

/** The manager's cars and the stations to home them at, in the first answer already. */
export default async function VehiclesPage() {
  await prefetch(
    trpc.vehicles.managed.queryOptions(),
    trpc.stations.managed.queryOptions(),
    trpc.stations.municipalities.queryOptions(),
  );
  return (
    <HydrateClient>
      <VehiclesView today={await regionToday()} />
    </HydrateClient>
  );
}
