'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { type ReportColumn, ReportTable } from '../../(manage)/fuhrpark/berichte/report-table';
import { formatNumber } from '../../(manage)/fuhrpark/berichte/table-data';
import { useLanguage, useMessages } from '../../lib/i18n';
import { formatDateTime } from '../../lib/time';
import { useTRPC } from '../../lib/trpc';

/** A person's own trips (date, car, km, duration) and every lookup of them by the fleet manager. */
export function MyTripsView() {
  const messages = useMessages();
  const language = useLanguage();
  const t = messages.myTrips;
  const trpc = useTRPC();
  const settings = useQuery(trpc.region.settings.queryOptions());
  const trips = useQuery(trpc.privacy.myTrips.queryOptions());
  const lookups = useQuery(trpc.privacy.myLookups.queryOptions());
  const timeZone = settings.data?.timeZone;
  if (!timeZone || !trips.data || !lookups.data) return <p>{messages.errors.loading}</p>;
  const when = (v: unknown) => (v instanceof Date ? formatDateTime(v, timeZone, language) : '');
  const tripColumns: ReportColumn[] = [
    { key: 'startedAt', label: t.columns.date, format: when },
    { key: 'car', label: t.columns.car },
    { key: 'km', label: t.columns.km, numeric: true, format: (v) => formatNumber(Number(v), 1) },
    {
      key: 'minutes',
      label: t.columns.minutes,
      numeric: true,
      format: (v) => (v === null ? '' : formatNumber(Number(v), 0)),
    },
  ];
  const lookupColumns: ReportColumn[] = [
    { key: 'at', label: t.lookupColumns.at, format: when },
    { key: 'viewer', label: t.lookupColumns.viewer },
    { key: 'purpose', label: t.lookupColumns.purpose },
    { key: 'reason', label: t.lookupColumns.reason },
    { key: 'span', label: t.lookupColumns.span },
  ];
  return (
    <>
      <h1>{t.title}</h1>
      <p className="hint">{t.intro}</p>
      <p>
        <Link href="/fahrtenbuch">{messages.logbookBook.mine}</Link>
      </p>
      {trips.data.length === 0 ? (
        <p className="hint">{t.none}</p>
      ) : (
        <ReportTable
          caption={t.caption}
          columns={tripColumns}
          rows={trips.data.map((trip) => ({ ...trip, car: `${trip.plate} · ${trip.make} ${trip.model}` }))}
          exportName="meine-fahrten"
        />
      )}
      <h2>{t.lookupsTitle}</h2>
      <p className="hint">{t.lookupsIntro}</p>
      {lookups.data.length === 0 ? (
        <p className="hint">{t.lookupsNone}</p>
      ) : (
        <ReportTable
          caption={t.lookupsCaption}
          columns={lookupColumns}
          rows={lookups.data.map((lookup) => ({
            ...lookup,
            purpose: messages.tripLookup.purposes[lookup.purpose],
            span: `${lookup.periodFrom} – ${lookup.periodTo}`,
          }))}
          exportName="einsichten-in-meine-fahrten"
        />
      )}
    </>
  );
}
