import { pageTitle } from '../../../lib/page-title';
import { HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { BookView } from './book-view';

export const generateMetadata = () => pageTitle((t) => t.logbookBook.title);

/** A car's Fahrtenbuch: the managed cars in the first answer already, the book once one is chosen. */
export default async function LogbookBookPage() {
  await prefetch(trpc.vehicles.managed.queryOptions(), trpc.region.settings.queryOptions());
  return (
    <HydrateClient>
      <BookView subject={{ kind: 'cars' }} />
    </HydrateClient>
  );
}
