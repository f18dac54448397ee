'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/root';
import { useMessages } from '../../../lib/i18n';
import { todayIn } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import type { Messages } from '../../../messages/de';
import { ReportTable } from '../berichte/report-table';
import own from './costs.module.css';
import { dayOf, numberOf, optionalDayOf, type RateField, RateForm, useRefreshReports } from './rate-form';

type Car = inferRouterOutputs<AppRouter>['vehicles']['managed'][number];
type Rate = inferRouterOutputs<AppRouter>['reports']['vehicleCosts'][number];
type Texts = Messages['costs'];
const money = (t: Texts) => (value: unknown) => (typeof value === 'number' ? t.euro(value) : t.none);
const monthly = [
  'leasingMonthly',
  'insuranceMonthly',
  'taxMonthly',
  'boxFeeMonthly',
  'otherMonthly',
] as const;
const variable = ['perKm', 'perKwh', 'perLitre'] as const;

const fieldsOf = (t: Texts, v = t.vehicles): RateField[] => [
  { key: 'validFrom', label: t.validFrom, hint: t.validFromHint, kind: 'date' },
  { key: 'commissionedOn', label: v.commissionedOn, kind: 'date' },
  { key: 'retiredOn', label: v.retiredOn, hint: v.retiredOnHint, kind: 'optionalDate' },
  ...[...monthly, ...variable].map((key) => ({ key, label: v[key], kind: 'money' as const })),
];

/** Every car of the municipality with its cost rates and a form to add one from a date. */
export function VehicleCosts({ municipalityId }: { municipalityId: string }) {
  const messages = useMessages();
  const v = messages.costs.vehicles;
  const trpc = useTRPC();
  const cars = useQuery(trpc.vehicles.managed.queryOptions());
  const own = cars.data?.filter((car) => car.ownerMunicipalityId === municipalityId);
  return (
    <section aria-labelledby="fahrzeugkosten">
      <h2 id="fahrzeugkosten">{v.title}</h2>
      {!own ? (
        <p>{messages.errors.loading}</p>
      ) : own.length === 0 ? (
        <p>{v.noVehicles}</p>
      ) : (
        own.map((car) => <CarCosts key={car.id} car={car} />)
      )}
    </section>
  );
}

/** The draft a new rate starts from: the current one's values from today, or empty fields. */
function draftFrom(current: Rate | undefined, today: string): Record<string, string> {
  const draft: Record<string, string> = {
    validFrom: today,
    commissionedOn: current?.commissionedOn ?? today,
    retiredOn: current?.retiredOn ?? '',
  };
  for (const key of [...monthly, ...variable]) draft[key] = current ? String(current[key]) : '';
  return draft;
}

function CarCosts({ car }: { car: Car }) {
  const messages = useMessages();
  const t = messages.costs;
  const v = t.vehicles;
  const trpc = useTRPC();
  const refresh = useRefreshReports();
  const zone = useQuery(trpc.region.settings.queryOptions()).data?.timeZone ?? 'Europe/Berlin';
  const rates = useQuery(trpc.reports.vehicleCosts.queryOptions({ vehicleId: car.id }));
  const setCosts = useMutation(trpc.reports.setVehicleCosts.mutationOptions());
  const name = `${car.plate} · ${car.make} ${car.model}`;
  return (
    <section className={`card ${own.car}`} aria-labelledby={`car-${car.id}`}>
      <h3 id={`car-${car.id}`}>
        {name} — {car.station.name}
      </h3>
      {!rates.data ? (
        <p>{messages.errors.loading}</p>
      ) : (
        <>
          {rates.data.length === 0 ? (
            <p className="notice">{v.noRates}</p>
          ) : (
            <ReportTable
              caption={v.caption(car.plate)}
              exportName={`kosten-${car.plate}`}
              columns={[
                { key: 'validity', label: t.validFrom },
                { key: 'service', label: v.commissionedOn },
                ...monthly.map((key) => ({ key, label: v[key], numeric: true, format: money(t) })),
                { key: 'fixed', label: v.fixedMonthly, numeric: true, format: money(t) },
                ...variable.map((key) => ({ key, label: v[key], numeric: true, format: money(t) })),
              ]}
              rows={rates.data.map((rate) => ({
                ...rate,
                validity: t.validity(
                  t.date(rate.validFrom),
                  rate.validUntil ? t.date(rate.validUntil) : null,
                ),
                service: `${t.date(rate.commissionedOn)} – ${rate.retiredOn ? t.date(rate.retiredOn) : v.inService}`,
                fixed: monthly.reduce((sum, key) => sum + rate[key], 0),
              }))}
            />
          )}
          <RateForm
            title={v.add}
            level={4}
            fields={fieldsOf(t)}
            initial={draftFrom(rates.data[0], todayIn(zone))}
            save={(input) =>
              setCosts.mutateAsync({
                vehicleId: car.id,
                validFrom: dayOf(input, 'validFrom'),
                commissionedOn: dayOf(input, 'commissionedOn'),
                retiredOn: optionalDayOf(input, 'retiredOn'),
                leasingMonthly: numberOf(input, 'leasingMonthly'),
                insuranceMonthly: numberOf(input, 'insuranceMonthly'),
                taxMonthly: numberOf(input, 'taxMonthly'),
                boxFeeMonthly: numberOf(input, 'boxFeeMonthly'),
                otherMonthly: numberOf(input, 'otherMonthly'),
                perKm: numberOf(input, 'perKm'),
                perKwh: numberOf(input, 'perKwh'),
                perLitre: numberOf(input, 'perLitre'),
              })
            }
            onSaved={refresh}
          />
        </>
      )}
    </section>
  );
}
