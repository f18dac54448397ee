import { pageTitle } from '../../../lib/page-title';
import { HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { TripLookupView } from './trip-lookup-view';

export const generateMetadata = () => pageTitle((t) => t.tripLookup.title);

/** The people whose trips may be looked up, in the first answer already. */
export default async function TripLookupPage() {
  await prefetch(trpc.privacy.people.queryOptions());
  return (
    <HydrateClient>
      <TripLookupView />
    </HydrateClient>
  );
}
