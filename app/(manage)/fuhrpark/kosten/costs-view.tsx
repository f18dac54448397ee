'use client';
import { useMessages } from '../../../lib/i18n';
import { ManagedMunicipality } from '../../managed-municipality';
import { RateHistory } from './rate-history';
import { Co2Factors, Tariffs } from './tariffs';
import { VehicleCosts } from './vehicle-costs';

/**
 * The cost model of the manager's municipality (the operator chooses one): each car's cost rates,
 * the internal tariff, the region's CO₂ factors and who changed what when.
 */
export function CostsView() {
  const messages = useMessages();
  const t = messages.costs;
  return (
    <>
      <h1>{t.title}</h1>
      <p className="hint">{t.intro}</p>
      <ManagedMunicipality labels={t}>
        {(municipalityId, isOperator) => (
          <>
            {municipalityId && (
              <div key={municipalityId}>
                <Tariffs municipalityId={municipalityId} />
                <VehicleCosts municipalityId={municipalityId} />
              </div>
            )}
            <Co2Factors mayEdit={isOperator} />
            {municipalityId && <RateHistory key={municipalityId} municipalityId={municipalityId} />}
          </>
        )}
      </ManagedMunicipality>
    </>
  );
}
