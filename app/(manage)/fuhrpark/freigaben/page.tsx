import { pageTitle } from '../../../lib/page-title';
import { HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { ApprovalsView } from './approvals-view';

export const generateMetadata = () => pageTitle((t) => t.manage.approvals.title);

/** What waits for a decision, in the first answer already. */
export default async function ApprovalsPage() {
  await prefetch(trpc.bookings.approvalQueue.queryOptions());
  return (
    <HydrateClient>
      <ApprovalsView />
    </HydrateClient>
  );
}
