'use client';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { formatDateTime, todayIn } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import { useTypedBeforeHydration } from '../../../lib/typed-before-hydration';
import { type Period, presetPeriod } from '../berichte/period';
import { PeriodPicker } from '../berichte/period-picker';
import { type ReportColumn, ReportTable } from '../berichte/report-table';
import { formatNumber } from '../berichte/table-data';

/** Whose book: a car the reader manages (chosen here), or the reader's own. */
type Subject = { kind: 'cars' } | { kind: 'mine'; userId: string };

/** The Fahrtenbuch for a period: the trips as a table, the total, every version of a changed entry, the exports. */
export function BookView({ subject }: { subject: Subject }) {
  const messages = useMessages();
  const language = useLanguage();
  const t = messages.logbookBook;
  const trpc = useTRPC();
  const timeZone = useQuery(trpc.region.settings.queryOptions()).data?.timeZone ?? 'Europe/Berlin';
  const today = todayIn(timeZone);
  const [period, setPeriod] = useState<Period>(() => presetPeriod('thisYear', today));
  const cars = useQuery({ ...trpc.vehicles.managed.queryOptions(), enabled: subject.kind === 'cars' });
  const [vehicleId, setVehicleId] = useState('');
  const carField = useRef<HTMLLabelElement>(null);
  useTypedBeforeHydration(carField, ({ vehicleId: chosen }) => {
    if (typeof chosen === 'string') setVehicleId(chosen);
  });
  const input =
    subject.kind === 'mine'
      ? { userId: subject.userId, ...period }
      : vehicleId
        ? { vehicleId, ...period }
        : null;
  const book = useQuery({
    ...trpc.logbook.book.queryOptions(input ?? { userId: '', from: period.from, to: period.to }),
    enabled: input !== null,
  });
  const when = (v: unknown) => (v instanceof Date ? formatDateTime(v, timeZone, language) : '');
  const km = (v: unknown) => formatNumber(Number(v), 1);
  const c = t.columns;
  const columns: ReportColumn[] = [
    { key: 'startedAt', label: c.start, format: when },
    { key: 'endedAt', label: c.end, format: when },
    subject.kind === 'cars' ? { key: 'driver', label: c.driver } : { key: 'plate', label: c.plate },
    { key: 'odometerStart', label: c.odometerStart, numeric: true, format: km },
    { key: 'odometerEnd', label: c.odometerEnd, numeric: true, format: km },
    { key: 'km', label: c.km, numeric: true, format: km },
    { key: 'purpose', label: c.purpose },
    { key: 'destination', label: c.destination },
    { key: 'personVisited', label: c.personVisited },
    { key: 'changed', label: c.changed },
  ];
  const data = book.data;
  const rows = (data?.trips ?? []).map((trip) => ({
    ...trip,
    driver: trip.driver ?? t.removedPerson,
    purpose: trip.purpose ?? t.missing,
    destination: trip.destination ?? t.missing,
    personVisited: trip.personVisited ?? '',
    changed: trip.changed ? t.yes : t.no,
  }));
  const query = input ? new URLSearchParams(Object.entries(input)).toString() : '';
  const whose = data ? (data.subject.kind === 'car' ? data.subject.plate : data.subject.person) : '';
  const total = (data?.trips ?? []).reduce((sum, trip) => sum + trip.km, 0);

  return (
    <>
      <h1>{subject.kind === 'cars' ? t.title : t.mine}</h1>
      <p className="hint">{subject.kind === 'cars' ? t.intro : t.mineIntro}</p>
      {subject.kind === 'cars' && (
        <label ref={carField} style={{ maxWidth: '24rem' }}>
          {t.car}
          <select name="vehicleId" value={vehicleId} onChange={(event) => setVehicleId(event.target.value)}>
            <option value="">{t.chooseCar}</option>
            {(cars.data ?? []).map((car) => (
              <option key={car.id} value={car.id}>
                {car.plate} · {car.make} {car.model}
              </option>
            ))}
          </select>
        </label>
      )}
      <PeriodPicker period={period} today={today} onChange={setPeriod} />
      {book.isPending && input && <p role="status">{messages.errors.loading}</p>}
      {data && (
        <section aria-labelledby="book-heading">
          <h2 id="book-heading">{t.caption(whose, data.from, data.lastDay)}</h2>
          {rows.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <>
              <ReportTable
                caption={t.caption(whose, data.from, data.lastDay)}
                columns={columns}
                rows={rows}
                exportName={`fahrtenbuch-${data.from}`}
                exportHref={`/api/fahrtenbuch/fahrtenbuch.csv?${query}`}
              />
              <p>{t.totalKm(formatNumber(total, 1))}</p>
            </>
          )}
          <p>
            <a href={`/api/fahrtenbuch/fahrtenbuch.pdf?${query}`} download>
              {t.pdf}
            </a>
          </p>
          {data.changes.length > 0 && (
            <>
              <h3>{t.changes}</h3>
              <p className="hint">{t.changesIntro}</p>
              <ul>
                {data.changes.map(({ trip, versions }) => (
                  <li key={trip.bookingId}>
                    {when(trip.startedAt)} · {trip.plate}
                    <ol>
                      {versions.map((v, i) => (
                        <li key={v.id}>
                          {t.version(i + 1, when(v.changedAt), v.changedBy ?? t.removedPerson)}: {v.purpose} →{' '}
                          {v.destination}
                          {v.personVisited ? ` (${v.personVisited})` : ''}
                        </li>
                      ))}
                    </ol>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}
