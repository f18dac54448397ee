'use client';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';
import { de } from '../../../messages/de';
import { ManagedMunicipality } from '../../managed-municipality';
import { PolicyForm } from './policy-form';

const t = de.manage.rules;

/** The booking rules of the manager's municipality; the operator chooses the municipality first. */
export default function RulesPage() {
  return (
    <>
      <h1>{t.title}</h1>
      <p className="hint">{t.intro}</p>
      <ManagedMunicipality labels={t}>
        {(municipalityId) =>
          municipalityId && <PolicyLoader key={municipalityId} municipalityId={municipalityId} />
        }
      </ManagedMunicipality>
    </>
  );
}

function PolicyLoader({ municipalityId }: { municipalityId: string }) {
  const trpc = useTRPC();
  const policy = useQuery(trpc.policies.get.queryOptions({ municipalityId }));
  if (!policy.data) return <p>{de.errors.loading}</p>;
  return <PolicyForm municipalityId={municipalityId} policy={policy.data} />;
}
