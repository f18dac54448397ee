import { pageTitle } from '../../../lib/page-title';
import { HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { UvvView } from './uvv-view';

export const generateMetadata = () => pageTitle((t) => t.compliance.uvv.title);

/** The cars' inspections and the people's instructions, in the first answer already. */
export default async function UvvPage() {
  await prefetch(
    trpc.inspections.overview.queryOptions(),
    trpc.instructions.overview.queryOptions(),
    trpc.region.settings.queryOptions(),
  );
  return (
    <HydrateClient>
      <UvvView />
    </HydrateClient>
  );
}
