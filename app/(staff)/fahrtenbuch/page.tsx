import { BookView } from '../../(manage)/fuhrpark/fahrtenbuch/book-view';
import { pageTitle } from '../../lib/page-title';
import { signedInOnServer } from '../../lib/signed-in-server';
import { TripsTexts } from '../../lib/texts-trips';
import { HydrateClient, prefetch, trpc } from '../../lib/trpc-server';

export const generateMetadata = () => pageTitle((t) => t.logbookBook.mine);

/** One's own Fahrtenbuch: the trips on every car with their entries, and the exports. */
export default async function MyLogbookPage() {
  const me = await signedInOnServer();
  await prefetch(trpc.region.settings.queryOptions());
  return (
    <HydrateClient>
      <TripsTexts>{me && <BookView subject={{ kind: 'mine', userId: me.id }} />}</TripsTexts>
    </HydrateClient>
  );
}
