'use client';
import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useRef, useState } from 'react';
import type { AppRouter } from '@/server/root';
import { useMessages } from '../../../lib/i18n';
import { todayIn } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import { useTypedBeforeHydration } from '../../../lib/typed-before-hydration';
import type { Messages } from '../../../messages/de';
import { ReportTable } from '../berichte/report-table';
import { previousMonth } from '../months';
import { FreezeMonth } from './freeze-month';
import { SettlementLines } from './settlement-lines';

export type Settlement = inferRouterOutputs<AppRouter>['reports']['settlement'];
const euroOf = (costs: Messages['costs']) => (v: unknown) =>
  typeof v === 'number' ? costs.euro(v) : costs.none;

/** A month's settlement between municipalities: the matrix, the net of each pair, the lines, exports. */
export function SettlementView() {
  const messages = useMessages();
  const t = messages.settlement;
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const zone = useQuery(trpc.region.settings.queryOptions()).data?.timeZone ?? 'Europe/Berlin';
  const stations = useQuery(trpc.stations.list.queryOptions());
  const [month, setMonth] = useState(() => previousMonth(todayIn(zone)));
  const monthField = useRef<HTMLLabelElement>(null);
  useTypedBeforeHydration(monthField, ({ month: typed }) => {
    if (typeof typed === 'string') setMonth(typed);
  });
  const first = `${month}-01`;
  const settlement = useQuery({
    ...trpc.reports.settlement.queryOptions({ month: first }),
    enabled: /^\d{4}-\d{2}$/.test(month),
  });
  if (!me.data || !stations.data) return <p>{messages.errors.loading}</p>;

  const names = new Map<string, string>();
  for (const s of stations.data) names.set(s.municipalityId, s.municipalityName);
  const nameOf = (id: string) => names.get(id) ?? t.unknownMunicipality;
  const label = t.monthLabel(first);
  const s = settlement.data;

  return (
    <>
      <h1>{t.title}</h1>
      <p className="hint">{t.intro}</p>
      <label ref={monthField} style={{ maxWidth: '14rem' }}>
        {t.month}
        <input
          type="month"
          name="month"
          value={month}
          required
          onChange={(event) => setMonth(event.target.value)}
        />
      </label>
      {!s ? (
        <p>{settlement.isError ? messages.errors.generic : messages.errors.loading}</p>
      ) : (
        <>
          <p className={s.frozen ? 'notice' : 'hint'}>{s.frozen ? t.frozen : t.open}</p>
          <TariffWarning settlement={s} />
          <h2>{label}</h2>
          <ReportTable
            caption={t.matrixCaption(label)}
            exportName={`verrechnung-${month}-matrix`}
            columns={[
              { key: 'payer', label: t.payer },
              { key: 'payee', label: t.payee },
              { key: 'hours', label: t.hours, numeric: true },
              { key: 'km', label: t.km, numeric: true },
              { key: 'amount', label: t.amount, numeric: true, format: euroOf(messages.costs) },
              { key: 'note', label: t.note },
            ]}
            rows={s.matrix.map((cell) => ({
              payer: nameOf(cell.driverMunicipalityId),
              payee: nameOf(cell.ownerMunicipalityId),
              hours: cell.hours,
              km: cell.km,
              amount: cell.amount,
              note: cell.linesWithoutTariff ? t.withoutTariff(cell.linesWithoutTariff) : '',
              anchor: `zeilen-${cell.driverMunicipalityId}-${cell.ownerMunicipalityId}`,
            }))}
            rowHref={(row) =>
              s.lines.some((l) => `zeilen-${l.driverMunicipalityId}-${l.ownerMunicipalityId}` === row.anchor)
                ? `#${String(row.anchor)}`
                : undefined
            }
          />
          <Net settlement={s} month={month} nameOf={nameOf} me={me.data} />
          <section aria-labelledby="exporte">
            <h2 id="exporte">{t.exports}</h2>
            <p className="actions">
              <a href={`/api/berichte/verrechnung/${month}.csv`} download>
                {t.csv}
              </a>
              <a href={`/api/berichte/verrechnung/${month}.xlsx`} download>
                {t.xlsx}
              </a>
            </p>
          </section>
          {me.data.role === 'operator' && !s.frozen && (
            <FreezeMonth key={first} month={first} label={label} />
          )}
          <SettlementLines settlement={s} nameOf={nameOf} />
        </>
      )}
    </>
  );
}

function TariffWarning({ settlement }: { settlement: Settlement }) {
  const messages = useMessages();
  const t = messages.settlement;
  const missing = settlement.matrix.reduce((sum, cell) => sum + (cell.linesWithoutTariff ?? 0), 0);
  if (missing === 0) return null;
  return (
    <p className="error" role="alert">
      {t.tariffWarning(missing)}
    </p>
  );
}

/** Who owes whom after both directions are set off, with the e-invoice of each amount for its parties. */
function Net({
  settlement,
  month,
  nameOf,
  me,
}: {
  settlement: Settlement;
  month: string;
  nameOf: (id: string) => string;
  me: { role: string; municipalityId: string | null };
}) {
  const messages = useMessages();
  const t = messages.settlement;
  const owed = settlement.net
    .filter((pair) => pair.aOwesB !== 0)
    .map((pair) =>
      pair.aOwesB > 0
        ? { payer: pair.a, payee: pair.b, amount: pair.aOwesB }
        : { payer: pair.b, payee: pair.a, amount: -pair.aOwesB },
    );
  // The invoice export answers only the pair's own parties (and the operator): link it for them alone.
  const mayRead = (o: { payer: string; payee: string }) =>
    me.role === 'operator' || o.payer === me.municipalityId || o.payee === me.municipalityId;
  return (
    <section aria-labelledby="saldo">
      <h2 id="saldo">{t.netTitle}</h2>
      <ReportTable
        caption={t.netCaption(t.monthLabel(`${month}-01`))}
        exportName={`verrechnung-${month}-saldo`}
        columns={[
          { key: 'payer', label: t.payer },
          { key: 'payee', label: t.payee },
          { key: 'amount', label: t.amount, numeric: true, format: euroOf(messages.costs) },
        ]}
        rows={owed.map((o) => ({ ...o, payer: nameOf(o.payer), payee: nameOf(o.payee) }))}
      />
      <ul>
        {owed.filter(mayRead).map((o) => (
          <li key={`${o.payer}-${o.payee}`}>
            <a href={`/api/berichte/rechnung/${month}/${o.payer}/${o.payee}.xml`} download>
              {t.invoice(nameOf(o.payee), nameOf(o.payer), messages.costs.euro(o.amount))}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
