'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMessages } from '../../../lib/i18n';
import { todayIn } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import type { Messages } from '../../../messages/de';
import { ReportTable } from '../berichte/report-table';
import { dayOf, numberOf, RateForm, useRefreshReports } from './rate-form';

type Texts = Messages['costs'];
const money = (t: Texts) => (v: unknown) => (typeof v === 'number' ? t.euro(v) : t.none);
const grams = (t: Texts) => (v: unknown) => (typeof v === 'number' ? t.number(v) : t.none);
const validity = (t: Texts, row: Record<string, unknown>) =>
  t.validity(t.date(String(row.validFrom)), row.validUntil ? t.date(String(row.validUntil)) : null);

/** The municipality's internal tariff rows and the form to set one from a date. */
export function Tariffs({ municipalityId }: { municipalityId: string }) {
  const messages = useMessages();
  const t = messages.costs;
  const trpc = useTRPC();
  const zone = useQuery(trpc.region.settings.queryOptions()).data?.timeZone ?? 'Europe/Berlin';
  const rows = useQuery(trpc.reports.tariffs.queryOptions({ municipalityId }));
  const setTariff = useMutation(trpc.reports.setTariff.mutationOptions());
  const refresh = useRefreshReports();
  const current = rows.data?.[0];
  return (
    <section aria-labelledby="tarif">
      <h2 id="tarif">{t.tariffs.title}</h2>
      <p className="hint">{t.tariffs.intro}</p>
      {!rows.data ? (
        <p>{messages.errors.loading}</p>
      ) : rows.data.length === 0 ? (
        <p className="notice">{t.tariffs.noTariffs}</p>
      ) : (
        <ReportTable
          caption={t.tariffs.caption}
          exportName="tarife"
          columns={[
            { key: 'validity', label: t.validFrom },
            { key: 'perHour', label: t.tariffs.perHour, numeric: true, format: money(t) },
            { key: 'perKm', label: t.tariffs.perKm, numeric: true, format: money(t) },
          ]}
          rows={rows.data.map((row) => ({ ...row, validity: validity(t, row) }))}
        />
      )}
      {rows.data && (
        <RateForm
          title={t.tariffs.add}
          fields={[
            { key: 'validFrom', label: t.validFrom, hint: t.validFromHint, kind: 'date' },
            { key: 'perHour', label: t.tariffs.perHour, kind: 'money' },
            { key: 'perKm', label: t.tariffs.perKm, kind: 'money' },
          ]}
          initial={{
            validFrom: todayIn(zone),
            perHour: current ? String(current.perHour) : '',
            perKm: current ? String(current.perKm) : '',
          }}
          save={(input) =>
            setTariff.mutateAsync({
              municipalityId,
              validFrom: dayOf(input, 'validFrom'),
              perHour: numberOf(input, 'perHour'),
              perKm: numberOf(input, 'perKm'),
            })
          }
          onSaved={refresh}
        />
      )}
    </section>
  );
}

/** The region's CO₂ factors: every manager reads them; the operator sets them. */
export function Co2Factors({ mayEdit }: { mayEdit: boolean }) {
  const messages = useMessages();
  const t = messages.costs;
  const trpc = useTRPC();
  const zone = useQuery(trpc.region.settings.queryOptions()).data?.timeZone ?? 'Europe/Berlin';
  const rows = useQuery(trpc.reports.co2Factors.queryOptions());
  const setFactors = useMutation(trpc.reports.setCo2Factors.mutationOptions());
  const refresh = useRefreshReports();
  const current = rows.data?.[0];
  return (
    <section aria-labelledby="co2">
      <h2 id="co2">{t.co2.title}</h2>
      <p className="hint">{t.co2.intro}</p>
      {!rows.data ? (
        <p>{messages.errors.loading}</p>
      ) : rows.data.length === 0 ? (
        <p className="notice">{t.co2.none}</p>
      ) : (
        <ReportTable
          caption={t.co2.caption}
          exportName="co2-faktoren"
          columns={[
            { key: 'validity', label: t.validFrom },
            { key: 'referenceGPerKm', label: t.co2.reference, numeric: true, format: grams(t) },
            { key: 'electricityGPerKm', label: t.co2.electricity, numeric: true, format: grams(t) },
          ]}
          rows={rows.data.map((row) => ({ ...row, validity: validity(t, row) }))}
        />
      )}
      {mayEdit && rows.data ? (
        <RateForm
          title={t.co2.add}
          fields={[
            { key: 'validFrom', label: t.validFrom, hint: t.validFromHint, kind: 'date' },
            { key: 'referenceGPerKm', label: t.co2.reference, kind: 'money' },
            { key: 'electricityGPerKm', label: t.co2.electricity, kind: 'money' },
          ]}
          initial={{
            validFrom: todayIn(zone),
            referenceGPerKm: current ? String(current.referenceGPerKm) : '',
            electricityGPerKm: current ? String(current.electricityGPerKm) : '',
          }}
          save={(input) =>
            setFactors.mutateAsync({
              validFrom: dayOf(input, 'validFrom'),
              referenceGPerKm: numberOf(input, 'referenceGPerKm'),
              electricityGPerKm: numberOf(input, 'electricityGPerKm'),
            })
          }
          onSaved={refresh}
        />
      ) : (
        !mayEdit && <p className="hint">{t.co2.operatorOnly}</p>
      )}
    </section>
  );
}
