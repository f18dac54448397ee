'use client';
import { useMessages } from '../../../lib/i18n';
import type { Messages } from '../../../messages/de';
import { ReportTable } from '../berichte/report-table';
import type { Settlement } from './settlement-view';

const euroOf = (costs: Messages['costs']) => (v: unknown) =>
  typeof v === 'number' ? costs.euro(v) : costs.none;

/**
 * The bookings behind each cell, one table per pair (the server sends only pairs the caller is a
 * party to); corrections of frozen months and lines without a tariff say so.
 */
export function SettlementLines({
  settlement,
  nameOf,
}: {
  settlement: Settlement;
  nameOf: (id: string) => string;
}) {
  const messages = useMessages();
  const t = messages.settlement;
  const pairs = new Map<string, Settlement['lines']>();
  for (const line of settlement.lines) {
    const key = `${line.driverMunicipalityId}-${line.ownerMunicipalityId}`;
    pairs.set(key, [...(pairs.get(key) ?? []), line]);
  }
  return (
    <section aria-labelledby="zeilen">
      <h2 id="zeilen">{t.linesTitle}</h2>
      <p className="hint">{t.linesIntro}</p>
      {pairs.size === 0 && <p>{t.noLines}</p>}
      {[...pairs].map(([key, lines]) => {
        const [first] = lines;
        if (!first) return null;
        const caption = t.linesCaption(nameOf(first.driverMunicipalityId), nameOf(first.ownerMunicipalityId));
        return (
          <div key={key} id={`zeilen-${key}`}>
            <ReportTable
              caption={caption}
              exportName={`verrechnung-${settlement.month.slice(0, 7)}-${key}`}
              columns={[
                { key: 'booking', label: t.booking },
                { key: 'kind', label: t.kind },
                { key: 'hours', label: t.hours, numeric: true },
                { key: 'km', label: t.km, numeric: true },
                { key: 'amount', label: t.amount, numeric: true, format: euroOf(messages.costs) },
                { key: 'note', label: t.note },
              ]}
              rows={lines.map((line) => ({
                booking: line.bookingId.slice(0, 8),
                kind: line.kind === 'correction' ? t.correction : t.charge,
                hours: line.hours,
                km: line.km,
                amount: line.amount,
                note: line.tariffMissing ? t.tariffMissing : '',
              }))}
            />
          </div>
        );
      })}
    </section>
  );
}
