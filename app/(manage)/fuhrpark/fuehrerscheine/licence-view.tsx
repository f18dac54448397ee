'use client';
import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useRef, useState } from 'react';
import type { AppRouter } from '@/server/root';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import styles from '../compliance.module.css';
import { formatDay, ScrollTable } from '../compliance-fields';
import { LicenceForm } from './licence-form';
import { LicenceHistory } from './licence-history';

export type LicencePerson = inferRouterOutputs<AppRouter>['licenceChecks']['overview'][number];

/** Führerscheinkontrolle: who is due, the form to record a check, and the chosen person's history. */
export function LicenceView({ initialPerson }: { initialPerson: string | null }) {
  const messages = useMessages();
  const language = useLanguage();
  const t = messages.compliance;
  const trpc = useTRPC();
  const people = useQuery(trpc.licenceChecks.overview.queryOptions());
  const settings = useQuery(trpc.region.settings.queryOptions());
  const [personId, setPersonId] = useState<string>(initialPerson ?? '');
  const formHeading = useRef<HTMLHeadingElement>(null);
  const timeZone = settings.data?.timeZone;
  if (!people.data || !timeZone) return <p>{messages.errors.loading}</p>;
  const due = people.data.filter((person) => person.state !== 'valid');
  const chosen = people.data.find((person) => person.id === personId);

  function choose(id: string) {
    setPersonId(id);
    formHeading.current?.focus();
  }

  return (
    <>
      <h1>{t.licences.title}</h1>
      <p className="hint">{t.licences.intro}</p>
      <section aria-labelledby="licences-due">
        <h2 id="licences-due">{t.licences.overdueTitle}</h2>
        {due.length === 0 ? (
          <p className="hint">{t.licences.overdueNone}</p>
        ) : (
          <ScrollTable label={t.licences.overdueTitle}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t.person}</th>
                  <th scope="col">{t.municipality}</th>
                  <th scope="col">{t.licences.lastCheck}</th>
                  <th scope="col">{t.dueOn}</th>
                  <th scope="col">{t.state}</th>
                  <td />
                </tr>
              </thead>
              <tbody>
                {due.map((person) => (
                  <tr key={person.id} data-person={person.id}>
                    <th scope="row">{person.name}</th>
                    <td>{person.municipality}</td>
                    <td>{person.lastCheckedOn ? formatDay(person.lastCheckedOn, language) : t.never}</td>
                    <td>{person.validUntil ? formatDay(person.validUntil, language) : t.never}</td>
                    <td>
                      <span className={person.state === 'due' ? 'badge' : 'badge cancelled'}>
                        {t.states[person.state]}
                      </span>
                    </td>
                    <td>
                      <button type="button" onClick={() => choose(person.id)}>
                        {t.licences.recordFor(person.name)}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
      <section aria-labelledby="licence-form">
        <h2 id="licence-form" ref={formHeading} tabIndex={-1}>
          {t.licences.formTitle}
        </h2>
        <LicenceForm people={people.data} personId={personId} onPerson={setPersonId} timeZone={timeZone} />
      </section>
      {chosen && <LicenceHistory person={chosen} />}
    </>
  );
}
