'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useMessages } from '../../../lib/i18n';
import type { Me } from '../../../lib/signed-in';
import { todayIn } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import styles from './dashboard.module.css';
import { mayDrill, type Names, useNames } from './data';
import { MunicipalityLevel, RegionLevel, StationLevel, VehicleLevel } from './levels';
import { addDays, type Drill, dashboardHref, type Period, readState } from './period';
import { PeriodPicker } from './period-picker';

/**
 * The reports dashboard: period in the URL, drill-down region → municipality → station → vehicle.
 * The page renders per request, so the address's parameters are there on the server already.
 */
export function ReportsView() {
  const messages = useMessages();
  const t = messages.dashboard;
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const settings = useQuery(trpc.region.settings.queryOptions());
  const names = useNames();
  const params = useSearchParams();
  const router = useRouter();
  const timeZone = settings.data?.timeZone;
  if (!me.data || !timeZone || !names.ready) return <p role="status">{messages.errors.loading}</p>;

  const today = todayIn(timeZone);
  const { period, drill } = readState(new URLSearchParams(params.toString()), today);
  const choose = (next: Period) => router.push(dashboardHref(next, drill), { scroll: false });
  const shown = (day: string) =>
    new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${day}T00:00Z`),
    );

  return (
    <div className={styles.dashboard}>
      <h1>{t.title}</h1>
      <p className="hint">{me.data.role === 'operator' ? t.introOperator : t.intro}</p>
      <PeriodPicker key={`${period.from}/${period.to}`} period={period} today={today} onChange={choose} />
      <p className="hint" aria-live="polite">
        {messages.period.shown(shown(period.from), shown(addDays(period.to, -1)))}
      </p>
      <Crumbs period={period} drill={drill} names={names} />
      <Level period={period} drill={drill} me={me.data} names={names} />
    </div>
  );
}

/** The drill-down path as links back up; the last is the page itself. */
function Crumbs({ period, drill, names }: { period: Period; drill: Drill; names: Names }) {
  const messages = useMessages();
  const t = messages.dashboard;
  const steps: { label: string; href: string }[] = [{ label: t.crumbs.region, href: dashboardHref(period) }];
  if (drill.municipality)
    steps.push({
      label: t.levels.municipality(names.municipality.get(drill.municipality) ?? t.unknown),
      href: dashboardHref(period, { municipality: drill.municipality }),
    });
  if (drill.municipality && drill.station)
    steps.push({
      label: t.levels.station(names.station.get(drill.station)?.name ?? t.unknown),
      href: dashboardHref(period, { municipality: drill.municipality, station: drill.station }),
    });
  if (drill.vehicle)
    steps.push({
      label: t.levels.vehicle(names.vehicle.get(drill.vehicle)?.plate ?? t.unknown),
      href: dashboardHref(period, drill),
    });
  return (
    <nav className={styles.crumbs} aria-label={t.crumbs.label}>
      <ol>
        {steps.map((step, index) => (
          <li key={step.href}>
            {index === steps.length - 1 ? (
              <span aria-current="page">
                <strong>{step.label}</strong>
              </span>
            ) : (
              <Link href={step.href}>{step.label}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Level({ period, drill, me, names }: { period: Period; drill: Drill; me: Me; names: Names }) {
  const messages = useMessages();
  const t = messages.dashboard;
  const { municipality, station, vehicle } = drill;
  if (!municipality) return <RegionLevel period={period} me={me} names={names} />;
  if (!station)
    return <MunicipalityLevel period={period} me={me} names={names} municipalityId={municipality} />;
  // A station or car of another municipality (or none at all): the same answer for both.
  const known = names.station.get(station)?.municipalityId === municipality && mayDrill(me, municipality);
  const car = vehicle ? names.vehicle.get(vehicle) : undefined;
  if (!known || (vehicle && car?.station.id !== station)) return <p className="notice">{t.notFound}</p>;
  if (vehicle)
    return <VehicleLevel period={period} names={names} municipalityId={municipality} vehicleId={vehicle} />;
  return <StationLevel period={period} names={names} municipalityId={municipality} stationId={station} />;
}
