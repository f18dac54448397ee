import { pageTitle } from '../../../../lib/page-title';
import { HydrateClient, prefetch, trpc } from '../../../../lib/trpc-server';
import { DamageDetail } from './damage-detail';

export const generateMetadata = () => pageTitle((t) => t.fleetDamage.title);

/** One report with its car, booking, reporter, photos and history, in the first answer already. */
export default async function DamagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await prefetch(trpc.damage.detail.queryOptions({ id }), trpc.region.settings.queryOptions());
  return (
    <HydrateClient>
      <DamageDetail id={id} />
    </HydrateClient>
  );
}
