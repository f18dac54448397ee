'use client';
import { useQuery } from '@tanstack/react-query';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import type { Messages } from '../../../messages/de';
import { ReportTable } from '../berichte/report-table';

/** A recorded value as the page shows it: money and g/km in German notation, dates as dates. */
function shown(t: Messages['costs'], value: unknown): string {
  if (value === null || value === undefined) return t.none;
  if (typeof value === 'number') return t.number(value);
  const text = String(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? t.date(text) : text;
}

/** Who changed which rate of the municipality (and the region's CO₂ factors) when, from → to. */
export function RateHistory({ municipalityId }: { municipalityId: string }) {
  const messages = useMessages();
  const language = useLanguage();
  const t = messages.costs;
  const h = t.history;
  const trpc = useTRPC();
  const zone = useQuery(trpc.region.settings.queryOptions()).data?.timeZone ?? 'Europe/Berlin';
  const history = useQuery(trpc.reports.rateHistory.queryOptions({ municipalityId }));
  return (
    <section aria-labelledby="verlauf">
      <h2 id="verlauf">{h.title}</h2>
      {!history.data ? (
        <p>{messages.errors.loading}</p>
      ) : (
        <ReportTable
          caption={h.caption}
          exportName="kostenaenderungen"
          columns={[
            {
              key: 'when',
              label: h.when,
              format: (at) => formatDateTime(new Date(Number(at)), zone, language),
            },
            { key: 'who', label: h.who },
            { key: 'what', label: h.what },
            { key: 'change', label: h.change },
          ]}
          rows={history.data.map((entry) => ({
            // The instant as a number, so the column sorts by time; its format shows it as a date.
            when: entry.changedAt.getTime(),
            who: entry.changedByName ?? h.unknownPerson,
            what: h.entity[entry.entity](entry.vehiclePlate, t.date(entry.validFrom)),
            change: entry.changes
              .map((c) => {
                const field = h.field[c.field] ?? c.field;
                return c.before === null
                  ? h.created(field, shown(t, c.after))
                  : h.fromTo(field, shown(t, c.before), shown(t, c.after));
              })
              .join('; '),
          }))}
        />
      )}
    </section>
  );
}
