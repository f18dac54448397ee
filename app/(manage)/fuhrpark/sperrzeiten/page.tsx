import { pageTitle } from '../../../lib/page-title';
import { HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { BlocksView } from './blocks-view';

export const generateMetadata = () => pageTitle((t) => t.manage.blocks.title);

/** The blocks and the cars to block, in the first answer already. */
export default async function BlocksPage() {
  await prefetch(trpc.blocks.list.queryOptions(), trpc.vehicles.managed.queryOptions());
  return (
    <HydrateClient>
      <BlocksView />
    </HydrateClient>
  );
}
