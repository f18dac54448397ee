'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../../lib/trpc';
import { de } from '../../../messages/de';
import { RateHistory } from './rate-history';
import { Co2Factors, Tariffs } from './tariffs';
import { VehicleCosts } from './vehicle-costs';

const t = de.costs;

/**
 * The cost model of the manager's municipality (the operator chooses one): each car's cost rates,
 * the internal tariff, the region's CO₂ factors and who changed what when.
 */
export default function CostsPage() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const stations = useQuery(trpc.stations.list.queryOptions());
  const [chosen, setChosen] = useState('');
  if (!me.data || !stations.data) return <p>{de.errors.loading}</p>;

  const municipalities = new Map<string, string>();
  for (const s of stations.data) municipalities.set(s.municipalityId, s.municipalityName);
  const isOperator = me.data.role === 'operator';
  const municipalityId = isOperator ? chosen : (me.data.municipalityId ?? '');

  return (
    <>
      <h1>{t.title}</h1>
      <p className="hint">{t.intro}</p>
      {isOperator ? (
        <label style={{ marginBottom: '1rem' }}>
          {t.municipality}
          <select value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="" disabled>
              {t.chooseMunicipality}
            </option>
            {[...municipalities].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <h2>{municipalities.get(municipalityId) ?? ''}</h2>
      )}
      {municipalityId && (
        <div key={municipalityId}>
          <Tariffs municipalityId={municipalityId} />
          <VehicleCosts municipalityId={municipalityId} />
        </div>
      )}
      <Co2Factors mayEdit={isOperator} />
      {municipalityId && <RateHistory key={municipalityId} municipalityId={municipalityId} />}
    </>
  );
}
