import { pageTitle } from '../../../lib/page-title';
import { HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { GatewaysView } from './gateways-view';

export const generateMetadata = () => pageTitle((t) => t.boxes.gateways.title);

/** The stations' gateways (the operator all, a fleet manager their municipality's), in the first answer already. */
export default async function GatewaysPage() {
  await prefetch(
    trpc.telematics.gateways.queryOptions(),
    trpc.stations.managed.queryOptions(),
    trpc.region.settings.queryOptions(),
  );
  return (
    <HydrateClient>
      <GatewaysView />
    </HydrateClient>
  );
}
