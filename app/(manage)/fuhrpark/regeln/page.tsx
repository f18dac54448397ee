'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../../lib/trpc';
import { de } from '../../../messages/de';
import { PolicyForm } from './policy-form';

const t = de.manage.rules;

/** The booking rules of the manager's municipality; the operator chooses the municipality first. */
export default function RulesPage() {
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
      {municipalityId && <PolicyLoader key={municipalityId} municipalityId={municipalityId} />}
    </>
  );
}

function PolicyLoader({ municipalityId }: { municipalityId: string }) {
  const trpc = useTRPC();
  const policy = useQuery(trpc.policies.get.queryOptions({ municipalityId }));
  if (!policy.data) return <p>{de.errors.loading}</p>;
  return <PolicyForm municipalityId={municipalityId} policy={policy.data} />;
}
