'use client';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { problemOf } from '../../../../lib/errors';
import { useMessages } from '../../../../lib/i18n';
import { todayIn } from '../../../../lib/time';
import { useTRPC } from '../../../../lib/trpc';
import type { Messages } from '../../../../messages/de';
import { lastMonthPeriod } from '../../months';
import { type ReportColumn, ReportTable } from '../report-table';
import { formatNumber } from '../table-data';

const hours = (v: unknown) => formatNumber(Number(v), 2);
const count = (v: unknown) => formatNumber(Number(v), 0);
const columnsOf = (t: Messages['sizing']): ReportColumn[] => {
  const money = (v: unknown) => t.euro(Number(v));
  return [
    { key: 'station', label: t.columns.station },
    { key: 'requestedHours', label: t.columns.requestedHours, numeric: true, format: hours },
    { key: 'unmetRequestedHours', label: t.columns.unmetRequestedHours, numeric: true, format: hours },
    { key: 'peakDemand', label: t.columns.peakDemand, numeric: true, format: count },
    { key: 'cars', label: t.columns.cars, numeric: true, format: count },
    { key: 'carsFor95', label: t.columns.carsFor95, numeric: true, format: count },
    { key: 'carsFor99', label: t.columns.carsFor99, numeric: true, format: count },
    { key: 'savingFor95', label: t.columns.savingFor95, numeric: true, format: money },
    { key: 'savingFor99', label: t.columns.savingFor99, numeric: true, format: money },
  ];
};

/** Fleet sizing: cars needed for 95 % and 99 % of the requested time, per station and for the region. */
export function SizingView() {
  const messages = useMessages();
  const t = messages.sizing;
  const trpc = useTRPC();
  const settings = useQuery(trpc.region.settings.queryOptions());
  const timeZone = settings.data?.timeZone;
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const shown = period ?? (timeZone ? lastMonthPeriod(todayIn(timeZone)) : null);
  const sizing = useQuery(
    trpc.reports.sizing.queryOptions(shown ?? { from: '', to: '' }, { enabled: !!shown }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPeriod({ from: String(form.get('from')), to: String(form.get('to')) });
  }

  const problem = sizing.error ? problemOf(sizing.error) : null;
  const stations = sizing.data?.stations.map((row) => ({ ...row, station: row.stationName ?? '' })) ?? [];
  // The region in a table of its own: sorting the stations must not move the sum among them.
  const region = sizing.data ? [{ ...sizing.data.region, station: t.region }] : [];
  return (
    <>
      <h1>{t.title}</h1>
      <p className="hint">{t.intro}</p>
      {shown && (
        <form className="grid" onSubmit={submit} aria-label={t.title}>
          <label>
            {t.from}
            <input type="date" name="from" defaultValue={shown.from} required />
          </label>
          <label>
            {t.to}
            <input type="date" name="to" defaultValue={shown.to} required />
          </label>
          <div className="actions">
            <button type="submit">{t.show}</button>
          </div>
        </form>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem.fields.to?.[0] ?? problem.fields.from?.[0] ?? problem.message}
        </p>
      )}
      {!sizing.data || !shown ? (
        !problem && <p>{messages.errors.loading}</p>
      ) : (
        <>
          <ReportTable
            caption={t.caption(shown.from, shown.to)}
            columns={columnsOf(t)}
            rows={stations}
            exportName={`bedarf-stationen-${shown.from}-${shown.to}`}
          />
          <ReportTable
            caption={t.regionCaption(shown.from, shown.to)}
            columns={columnsOf(t)}
            rows={region}
            exportName={`bedarf-region-${shown.from}-${shown.to}`}
          />
        </>
      )}
      {sizing.data && (
        <section aria-labelledby="method-title">
          <h2 id="method-title">{t.methodTitle}</h2>
          <ul>
            {Object.entries(sizing.data.method).map(([key, text]) => (
              <li key={key}>{text}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
