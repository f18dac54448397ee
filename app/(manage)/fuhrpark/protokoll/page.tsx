import { pageTitle } from '../../../lib/page-title';
import { HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { AuditView } from './audit-view';

export const generateMetadata = () => pageTitle((t) => t.audit.title);

/** The newest entries of the reader's part of the log, in the first answer already. */
export default async function AuditPage() {
  await prefetch(
    trpc.audit.list.queryOptions({}),
    trpc.region.settings.queryOptions(),
    trpc.stations.list.queryOptions(),
  );
  return (
    <HydrateClient>
      <AuditView />
    </HydrateClient>
  );
}
