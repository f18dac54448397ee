import { pageTitle } from '../../../../lib/page-title';
import { HydrateClient, prefetch, trpc } from '../../../../lib/trpc-server';
import { InviteForm } from './invite-form';

export const generateMetadata = () => pageTitle((t) => t.people.invite.title);

export default async function InvitePage() {
  await prefetch(trpc.stations.municipalities.queryOptions(), trpc.auth.me.queryOptions());
  return (
    <HydrateClient>
      <InviteForm />
    </HydrateClient>
  );
}
