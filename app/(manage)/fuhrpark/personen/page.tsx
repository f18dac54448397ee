import { pageTitle } from '../../../lib/page-title';
import { HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { emptyFilter } from './people-filter';
import { PeopleView } from './people-view';

export const generateMetadata = () => pageTitle((t) => t.people.list.title);

/** The people the manager manages, in the first answer already. */
export default async function PeoplePage() {
  await prefetch(
    trpc.people.list.queryOptions(emptyFilter),
    trpc.stations.municipalities.queryOptions(),
    trpc.region.settings.queryOptions(),
  );
  return (
    <HydrateClient>
      <PeopleView />
    </HydrateClient>
  );
}
