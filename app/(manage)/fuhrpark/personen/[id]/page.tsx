import { notFound } from 'next/navigation';
import { pageTitle } from '../../../../lib/page-title';
import { HydrateClient, prefetch, trpc } from '../../../../lib/trpc-server';
import { PersonView } from './person-view';

export const generateMetadata = () => pageTitle((t) => t.people.person.title);

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!uuid.test(id)) notFound();
  await prefetch(
    trpc.people.detail.queryOptions({ userId: id }),
    trpc.stations.municipalities.queryOptions(),
    trpc.auth.me.queryOptions(),
    trpc.region.settings.queryOptions(),
  );
  return (
    <HydrateClient>
      <PersonView userId={id} />
    </HydrateClient>
  );
}
