'use client';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useRef, useState } from 'react';
import { useMessages } from '../lib/i18n';
import { useTRPC } from '../lib/trpc';
import { useTypedBeforeHydration } from '../lib/typed-before-hydration';

interface Props {
  labels: { municipality: string; chooseMunicipality: string };
  /** What the page shows of the municipality in hand; `isOperator` for what only the operator may do. */
  children: (municipalityId: string | null, isOperator: boolean) => ReactNode;
}

/**
 * The municipality a manage page works on: a fleet manager's own, named as a heading; the operator
 * chooses one first (null until then).
 */
export function ManagedMunicipality({ labels, children }: Props) {
  const messages = useMessages();
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const stations = useQuery(trpc.stations.list.queryOptions());
  const [chosen, setChosen] = useState('');
  const field = useRef<HTMLLabelElement>(null);
  useTypedBeforeHydration(field, ({ municipalityId: typed }) => {
    if (typeof typed === 'string') setChosen(typed);
  });
  if (!me.data || !stations.data) return <p>{messages.errors.loading}</p>;

  const municipalities = new Map<string, string>();
  for (const s of stations.data) municipalities.set(s.municipalityId, s.municipalityName);
  const isOperator = me.data.role === 'operator';
  const municipalityId = isOperator ? chosen : (me.data.municipalityId ?? '');

  return (
    <>
      {isOperator ? (
        <label ref={field} style={{ marginBottom: '1rem' }}>
          {labels.municipality}
          <select name="municipalityId" value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="" disabled>
              {labels.chooseMunicipality}
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
      {children(municipalityId || null, isOperator)}
    </>
  );
}
