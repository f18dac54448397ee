import { pageTitle } from '../../../lib/page-title';
import { signedInOnServer } from '../../../lib/signed-in-server';
import { HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { SsoView } from './sso-view';

export const generateMetadata = () => pageTitle((t) => t.sso.title);

/** The operator's page of the municipalities' sign-in services; fleet managers go to the search. */
export default async function SsoPage() {
  await signedInOnServer((me) => me.role === 'operator');
  await prefetch(trpc.sso.providers.queryOptions(), trpc.stations.municipalities.queryOptions());
  return (
    <HydrateClient>
      <SsoView />
    </HydrateClient>
  );
}
