import { pageTitle } from '../../../lib/page-title';
import { HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { LicenceView } from './licence-view';

export const generateMetadata = () => pageTitle((t) => t.compliance.licences.title);

/** Who is due for a licence check, and the form to record one, in the first answer already. */
export default async function LicencesPage({ searchParams }: { searchParams: Promise<{ person?: string }> }) {
  const { person } = await searchParams;
  await prefetch(trpc.licenceChecks.overview.queryOptions(), trpc.region.settings.queryOptions());
  return (
    <HydrateClient>
      <LicenceView initialPerson={typeof person === 'string' ? person : null} />
    </HydrateClient>
  );
}
