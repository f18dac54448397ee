import { pageTitle } from '../lib/page-title';
import { getQueryClient, HydrateClient, prefetch, trpc } from '../lib/trpc-server';
import { SearchForm } from './_search/search-form';

export const generateMetadata = () => pageTitle((t) => t.search.title);

/** Time first: the form comes from the server with the stations in it and a window bookable now. */
export default async function SearchPage() {
  await prefetch(trpc.stations.list.queryOptions());
  const { timeZone } = await getQueryClient().fetchQuery(trpc.region.settings.queryOptions());
  return (
    <HydrateClient>
      <SearchForm now={new Date().toISOString()} timeZone={timeZone} />
    </HydrateClient>
  );
}
