import { pageTitle } from '../../lib/page-title';
import { TripsTexts } from '../../lib/texts-trips';
import { HydrateClient, prefetch, trpc } from '../../lib/trpc-server';
import { MyTripsView } from './my-trips-view';

export const generateMetadata = () => pageTitle((t) => t.myTrips.title);

/** One's own trips and who looked them up, in the first answer already. */
export default async function MyTripsPage() {
  await prefetch(trpc.privacy.myTrips.queryOptions(), trpc.privacy.myLookups.queryOptions());
  return (
    <HydrateClient>
      <TripsTexts>
        <MyTripsView />
      </TripsTexts>
    </HydrateClient>
  );
}
