'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { problemOf } from '../../../lib/errors';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { formatDateTime, todayIn } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import { type ReportColumn, ReportTable } from '../berichte/report-table';
import { formatNumber } from '../berichte/table-data';

const purposeKeys = ['damage', 'fine', 'billing'] as const;

/**
 * One person's trips, for a fleet manager of the person's municipality: the purpose first, then a
 * lookup that needs a purpose, a reason and a span, and is logged before anything is shown.
 */
export function TripLookupView() {
  const messages = useMessages();
  const language = useLanguage();
  const t = messages.tripLookup;
  const trpc = useTRPC();
  const settings = useQuery(trpc.region.settings.queryOptions());
  const people = useQuery(trpc.privacy.people.queryOptions());
  const lookup = useMutation(trpc.privacy.lookUpTrips.mutationOptions());
  const timeZone = settings.data?.timeZone;
  const problem = lookup.error ? problemOf(lookup.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const purpose = purposeKeys.find((key) => key === form.get('purpose')) ?? 'damage';
    lookup.mutate({
      userId: String(form.get('userId')),
      purpose,
      reason: String(form.get('reason')),
      from: String(form.get('from')),
      to: String(form.get('to')),
    });
  }

  const when = (v: unknown) => (v instanceof Date && timeZone ? formatDateTime(v, timeZone, language) : '');
  const columns: ReportColumn[] = [
    { key: 'startedAt', label: messages.myTrips.columns.date, format: when },
    { key: 'car', label: messages.myTrips.columns.car },
    {
      key: 'km',
      label: messages.myTrips.columns.km,
      numeric: true,
      format: (v) => formatNumber(Number(v), 1),
    },
    {
      key: 'minutes',
      label: messages.myTrips.columns.minutes,
      numeric: true,
      format: (v) => (v === null ? '' : formatNumber(Number(v), 0)),
    },
  ];
  const fieldError = (name: string) =>
    problem?.fields[name]?.[0] && (
      <p className="error" role="alert">
        {problem.fields[name]?.[0]}
      </p>
    );
  return (
    <>
      <h1>{t.title}</h1>
      <section aria-labelledby="purpose-title" className="card">
        <h2 id="purpose-title">{t.purposeTitle}</h2>
        {t.purpose.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </section>
      {!timeZone || !people.data ? (
        <p>{messages.errors.loading}</p>
      ) : (
        <form className="grid" onSubmit={submit} aria-label={t.title}>
          <label>
            {t.person}
            <select name="userId" required defaultValue="">
              <option value="" disabled>
                {t.choose}
              </option>
              {people.data.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name} ({person.email})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.purposeLabel}
            <select name="purpose" required defaultValue="damage">
              {purposeKeys.map((key) => (
                <option key={key} value={key}>
                  {t.purposes[key]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.reason}
            <textarea name="reason" required minLength={10} maxLength={500} />
          </label>
          {fieldError('reason')}
          <label>
            {t.from}
            <input type="date" name="from" required defaultValue={todayIn(timeZone)} />
          </label>
          <label>
            {t.to}
            <input type="date" name="to" required />
          </label>
          {fieldError('to')}
          <div className="actions">
            <button type="submit" disabled={lookup.isPending}>
              {lookup.isPending ? t.busy : t.submit}
            </button>
          </div>
        </form>
      )}
      {problem && Object.keys(problem.fields).length === 0 && (
        <p className="error" role="alert">
          {problem.message}
        </p>
      )}
      {lookup.data && lookup.variables && (
        <ReportTable
          caption={t.caption(lookup.data.person.name, lookup.variables.from, lookup.variables.to)}
          columns={columns}
          rows={lookup.data.trips.map((trip) => ({
            ...trip,
            car: `${trip.plate} · ${trip.make} ${trip.model}`,
          }))}
          exportName={`fahrten-${lookup.variables.from}-${lookup.variables.to}`}
        />
      )}
    </>
  );
}
