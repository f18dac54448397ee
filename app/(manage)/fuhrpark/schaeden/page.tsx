import { pageTitle } from '../../../lib/page-title';
import { HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { DamageList } from './damage-list';
import { readFilter } from './params';

export const generateMetadata = () => pageTitle((t) => t.fleetDamage.title);

/** The damage reports of the manager's cars, filtered by the address, in the first answer already. */
export default async function DamagesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const filter = readFilter(await searchParams);
  await prefetch(
    trpc.damage.list.queryOptions(filter),
    trpc.vehicles.managed.queryOptions(),
    trpc.region.settings.queryOptions(),
  );
  return (
    <HydrateClient>
      <DamageList filter={filter} />
    </HydrateClient>
  );
}
