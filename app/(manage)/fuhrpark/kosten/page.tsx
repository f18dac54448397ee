import { pageTitle } from '../../../lib/page-title';
import { managesOnServer, signedInOnServer } from '../../../lib/signed-in-server';
import { getQueryClient, HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { CostsView } from './costs-view';

export const generateMetadata = () => pageTitle((t) => t.costs.title);

/**
 * A fleet manager's cost model in the first answer already (each car's rates with it, asked for
 * here rather than after the list arrives in the browser); the operator chooses a municipality first.
 */
export default async function CostsPage() {
  const me = await signedInOnServer(managesOnServer);
  const municipalityId = me?.role === 'fleet_manager' ? me.municipalityId : null;
  const carRates = async (owner: string) => {
    const cars = await getQueryClient()
      .fetchQuery(trpc.vehicles.managed.queryOptions())
      .catch(() => []);
    const own = cars.filter((car) => car.ownerMunicipalityId === owner);
    await prefetch(...own.map((car) => trpc.reports.vehicleCosts.queryOptions({ vehicleId: car.id })));
  };
  await Promise.all([
    prefetch(
      trpc.reports.co2Factors.queryOptions(),
      ...(municipalityId
        ? [
            trpc.reports.tariffs.queryOptions({ municipalityId }),
            trpc.reports.rateHistory.queryOptions({ municipalityId }),
          ]
        : []),
    ),
    municipalityId ? carRates(municipalityId) : undefined,
  ]);
  return (
    <HydrateClient>
      <CostsView />
    </HydrateClient>
  );
}
