import { pageTitle } from '../../lib/page-title';
import { AccountTexts } from '../../lib/texts-account';
import { HydrateClient, prefetch, trpc } from '../../lib/trpc-server';
import { ProfileView } from './profile-view';

export const generateMetadata = () => pageTitle((t) => t.people.profile.title);

/** The person's own profile, in the first answer already. */
export default async function ProfilePage() {
  await prefetch(trpc.account.profile.queryOptions(), trpc.calendar.feed.queryOptions());
  return (
    <HydrateClient>
      <AccountTexts>
        <ProfileView />
      </AccountTexts>
    </HydrateClient>
  );
}
