'use client';
import { useQuery } from '@tanstack/react-query';
import { useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import { ManagedMunicipality } from '../../managed-municipality';
import { PolicyForm } from './policy-form';

/** The booking rules of the manager's municipality; the operator chooses the municipality first. */
export function RulesView() {
  const messages = useMessages();
  const t = messages.manage.rules;
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
  const messages = useMessages();
  const trpc = useTRPC();
  const policy = useQuery(trpc.policies.get.queryOptions({ municipalityId }));
  if (!policy.data) return <p>{messages.errors.loading}</p>;
  return <PolicyForm municipalityId={municipalityId} policy={policy.data} />;
}
