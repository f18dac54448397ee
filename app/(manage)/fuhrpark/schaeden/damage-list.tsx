'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import styles from '../../manage.module.css';
import { type DamageStateName, damageStates } from './params';
import { RecordDamageForm } from './record-form';

/** The reports, newest first, with a filter by state and car that is an ordinary GET form (works before scripts). */
export function DamageList({ filter }: { filter: { state?: DamageStateName; vehicleId?: string } }) {
  const messages = useMessages();
  const t = messages.fleetDamage;
  const language = useLanguage();
  const trpc = useTRPC();
  const reports = useQuery(trpc.damage.list.queryOptions(filter));
  const vehicles = useQuery(trpc.vehicles.managed.queryOptions());
  const settings = useQuery(trpc.region.settings.queryOptions());
  const timeZone = settings.data?.timeZone;
  if (!timeZone || !reports.data) return <p>{messages.errors.loading}</p>;

  return (
    <>
      <h1>{t.title}</h1>
      <p className="hint">{t.intro}</p>
      <RecordDamageForm />
      <form method="get" action="/fuhrpark/schaeden" className="panel" aria-label={t.filter}>
        <div className="grid">
          <label>
            {t.state}
            <select name="stand" defaultValue={filter.state ?? ''}>
              <option value="">{t.anyState}</option>
              {damageStates.map((state) => (
                <option key={state} value={state}>
                  {t.states[state]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.vehicle}
            <select name="fahrzeug" defaultValue={filter.vehicleId ?? ''}>
              <option value="">{t.anyVehicle}</option>
              {(vehicles.data ?? []).map((car) => (
                <option key={car.id} value={car.id}>
                  {car.plate} · {car.make} {car.model}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="actions">
          <button type="submit">{t.show}</button>
        </div>
      </form>
      <section aria-labelledby="damage-reports" className={styles.stack}>
        <h2 id="damage-reports">{t.count(reports.data.length)}</h2>
        {reports.data.length === 0 ? (
          <p className="hint">{t.none}</p>
        ) : (
          <ul className="list">
            {reports.data.map((report) => {
              const when = formatDateTime(report.createdAt, timeZone, language);
              return (
                <li key={report.id} className="card" data-damage={report.id}>
                  <h3>
                    {report.vehicle.make} {report.vehicle.model} · {report.vehicle.plate}
                  </h3>
                  <p className="meta">
                    <span className={`badge ${report.state === 'new' ? 'pending' : ''}`}>
                      {t.states[report.state]}
                    </span>{' '}
                    {t.reportedAt} {when}
                    {report.reporter ? ` · ${report.reporter}` : ''} · {t.drivable}:{' '}
                    {report.drivable ? t.yes : t.no}
                  </p>
                  <p>{report.description}</p>
                  <div className="actions">
                    <Link
                      href={`/fuhrpark/schaeden/${report.id}`}
                      aria-label={t.openReport(report.vehicle.plate, when)}
                    >
                      {t.open}
                    </Link>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
