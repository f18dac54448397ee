'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useRef, useState } from 'react';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import { useTypedBeforeHydration } from '../../../lib/typed-before-hydration';
import styles from '../../manage.module.css';
import { ScrollTable } from '../compliance-fields';
import { emptyFilter, type PeopleFilterState } from './people-filter';

const roles = ['staff', 'fleet_manager', 'operator'] as const;

/** The list of people with search and filters by municipality, role and state; each row opens the person. */
export function PeopleView() {
  const messages = useMessages();
  const language = useLanguage();
  const t = messages.people;
  const trpc = useTRPC();
  const form = useRef<HTMLFormElement>(null);
  const [filter, setFilter] = useState<PeopleFilterState>(emptyFilter);
  const [draft, setDraft] = useState({ search: '', municipalityId: '', role: '', active: '' });
  useTypedBeforeHydration(form, (typed) =>
    setDraft((current) => {
      const next = { ...current };
      for (const key of Object.keys(next) as (keyof typeof next)[])
        if (typeof typed[key] === 'string') next[key] = typed[key] as string;
      return next;
    }),
  );
  const people = useQuery(trpc.people.list.queryOptions(filter));
  const municipalities = useQuery(trpc.stations.municipalities.queryOptions());
  const settings = useQuery(trpc.region.settings.queryOptions());
  const set = (name: keyof typeof draft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [name]: event.target.value }));

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilter({
      search: draft.search,
      municipalityId: draft.municipalityId || null,
      role: (roles as readonly string[]).includes(draft.role)
        ? (draft.role as PeopleFilterState['role'])
        : null,
      active: draft.active === '' ? null : draft.active === 'yes',
    });
  }

  const timeZone = settings.data?.timeZone;
  const stateOf = (person: NonNullable<typeof people.data>[number]) => {
    if (person.deactivatedAt) return t.list.inactive;
    if (person.hasPassword) return t.list.active;
    if (person.invitationExpiresAt && person.invitationExpiresAt > new Date() && timeZone)
      return t.list.invited(formatDateTime(person.invitationExpiresAt, timeZone, language));
    return t.list.invitationLapsed;
  };

  return (
    <>
      <h1>{t.list.title}</h1>
      <p>{t.list.intro}</p>
      <p className="actions">
        <Link href="/fuhrpark/personen/einladen">{t.list.invite}</Link>{' '}
        <Link href="/fuhrpark/personen/import">{t.list.import}</Link>
      </p>
      <form ref={form} className={`panel ${styles.stack}`} onSubmit={apply} aria-label={t.list.filterLabel}>
        <div className="grid">
          <label>
            {t.list.search}
            <input
              name="search"
              type="search"
              value={draft.search}
              onChange={set('search')}
              maxLength={120}
            />
          </label>
          <label>
            {t.list.municipality}
            <select name="municipalityId" value={draft.municipalityId} onChange={set('municipalityId')}>
              <option value="">{t.list.any}</option>
              {(municipalities.data ?? []).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.list.role}
            <select name="role" value={draft.role} onChange={set('role')}>
              <option value="">{t.list.any}</option>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t.roles[role]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.list.state}
            <select name="active" value={draft.active} onChange={set('active')}>
              <option value="">{t.list.any}</option>
              <option value="yes">{t.list.active}</option>
              <option value="no">{t.list.inactive}</option>
            </select>
          </label>
        </div>
        <div className="actions">
          <button type="submit">{t.list.apply}</button>
        </div>
      </form>
      {!people.data ? (
        <p>{messages.errors.loading}</p>
      ) : people.data.length === 0 ? (
        <p role="status">{t.list.none}</p>
      ) : (
        <>
          <p role="status">{t.list.count(people.data.length)}</p>
          <ScrollTable label={t.list.title}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.list.columns.name}</th>
                  <th scope="col">{t.list.columns.email}</th>
                  <th scope="col">{t.list.columns.role}</th>
                  <th scope="col">{t.list.columns.municipality}</th>
                  <th scope="col">{t.list.columns.state}</th>
                </tr>
              </thead>
              <tbody>
                {people.data.map((person) => (
                  <tr key={person.id}>
                    <td>
                      <Link href={`/fuhrpark/personen/${person.id}`}>{person.name}</Link>
                    </td>
                    <td>{person.email}</td>
                    <td>{t.roles[person.role]}</td>
                    <td>{person.municipalityName ?? '–'}</td>
                    <td>{stateOf(person)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </>
      )}
    </>
  );
}
