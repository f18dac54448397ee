import { pageTitle } from '../../../lib/page-title';
import { managesOnServer, signedInOnServer } from '../../../lib/signed-in-server';
import { HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { RulesView } from './rules-view';

export const generateMetadata = () => pageTitle((t) => t.manage.rules.title);

/** A fleet manager's rules in the first answer already; the operator chooses a municipality first. */
export default async function RulesPage() {
  const me = await signedInOnServer(managesOnServer);
  const municipalityId = me?.role === 'fleet_manager' ? me.municipalityId : null;
  if (municipalityId) await prefetch(trpc.policies.get.queryOptions({ municipalityId }));
  return (
    <HydrateClient>
      <RulesView />
    </HydrateClient>
  );
}
