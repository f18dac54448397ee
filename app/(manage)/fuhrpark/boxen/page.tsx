import { pageTitle } from '../../../lib/page-title';
import { HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { BoxesView } from './boxes-view';

export const generateMetadata = () => pageTitle((t) => t.boxes.title);

/** Every car's box (the operator all, a fleet manager their municipality's), in the first answer already. */
export default async function BoxesPage() {
  await prefetch(
    trpc.telematics.boxes.queryOptions(),
    trpc.auth.me.queryOptions(),
    trpc.region.settings.queryOptions(),
  );
  return (
    <HydrateClient>
      <BoxesView />
    </HydrateClient>
  );
}
