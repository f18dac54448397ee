'use client';
import { useMessages } from '../../../lib/i18n';
import type { Me } from '../../../lib/signed-in';
import type { Messages } from '../../../messages/de';
import { Async } from './async';
import { CostsChart, UtilisationChart } from './charts';
import { mayDrill, type Names, useFigures, useHeatmap } from './data';
import { type FigureRow, figureColumns, monthLabel, type StationFigure, whole } from './figures';
import { Heatmap } from './heatmap';
import { dashboardHref, figuresExportHref, type Period } from './period';
import { ReportTable } from './report-table';
import { RulesPanel } from './rules';
import { Summary } from './summary';

const slug = (period: Period) => `${period.from}_${period.to}`;

function Months({ period, municipalityId }: { period: Period; municipalityId?: string }) {
  const messages = useMessages();
  const t = messages.dashboard;
  const months = useFigures(period, 'month', municipalityId);
  return (
    <Async query={months}>
      {(data) => {
        const rows = data.rows.map((row) => ({ ...row, name: monthLabel(row.key) }));
        return (
          <>
            <UtilisationChart months={rows} />
            <ReportTable
              caption={t.tables.months}
              columns={figureColumns(t, t.columns.month)}
              rows={rows}
              exportName={`monate-${slug(period)}`}
              exportHref={figuresExportHref(period, 'month', municipalityId)}
            />
          </>
        );
      }}
    </Async>
  );
}

function HeatmapSection({
  period,
  scope,
}: {
  period: Period;
  scope: { municipalityId?: string; stationId?: string; vehicleId?: string };
}) {
  const messages = useMessages();
  const t = messages.dashboard;
  const heatmap = useHeatmap(period, scope);
  return (
    <section aria-labelledby="heatmap-title">
      <h2 id="heatmap-title">{t.heatmap.title}</h2>
      <Async query={heatmap}>
        {(data) => (
          <Heatmap
            cells={data.cells}
            rule={data.rule}
            exportName={`${t.heatmap.exportName}-${slug(period)}`}
          />
        )}
      </Async>
    </section>
  );
}

/** The whole region: totals, months, every municipality as one row (links only where the caller may drill). */
export function RegionLevel({ period, me, names }: { period: Period; me: Me; names: Names }) {
  const messages = useMessages();
  const t = messages.dashboard;
  const region = useFigures(period, 'region');
  const municipalities = useFigures(period, 'municipality');
  return (
    <>
      <Async query={region}>
        {(data) => (
          <Summary
            row={data.rows[0]}
            rules={data.rules}
            level={t.levels.region}
            exportName={`region-${slug(period)}`}
          />
        )}
      </Async>
      <h2>{t.tables.months}</h2>
      <Months period={period} />
      <h2>{t.tables.municipalities}</h2>
      <Async query={municipalities}>
        {(data) => {
          const rows = data.rows.map((row) => {
            const name = names.municipality.get(row.key) ?? t.unknown;
            return {
              ...row,
              plain: name,
              name: mayDrill(me, row.key) ? name : `${name} (${t.aggregateRow})`,
            };
          });
          return (
            <>
              <CostsChart municipalities={rows.map((row) => ({ ...row, name: row.plain }))} />
              <ReportTable
                caption={t.tables.municipalities}
                columns={figureColumns(t, t.columns.municipality)}
                rows={rows}
                exportName={`kommunen-${slug(period)}`}
                exportHref={figuresExportHref(period, 'municipality')}
                rowHref={(row) =>
                  typeof row.key === 'string' && mayDrill(me, row.key)
                    ? dashboardHref(period, { municipality: row.key })
                    : undefined
                }
              />
            </>
          );
        }}
      </Async>
      <HeatmapSection period={period} scope={{}} />
      <Async query={region}>{(data) => <RulesPanel rules={data.rules} />}</Async>
    </>
  );
}

const stationColumnsOf = (t: Messages['dashboard']) => [
  ...figureColumns(t, t.columns.station),
  { key: 'peakConcurrentBookings', label: t.columns.peakConcurrentBookings, numeric: true, format: whole },
  { key: 'unmetSearches', label: t.columns.unmetSearches, numeric: true, format: whole },
];

/** One municipality: its total and months for everyone; its stations only for those who may drill. */
export function MunicipalityLevel({
  period,
  me,
  names,
  municipalityId,
}: {
  period: Period;
  me: Me;
  names: Names;
  municipalityId: string;
}) {
  const messages = useMessages();
  const t = messages.dashboard;
  const drill = mayDrill(me, municipalityId);
  const total = useFigures(period, 'municipality', municipalityId);
  const stations = useFigures(period, 'station', municipalityId, drill);
  const name = names.municipality.get(municipalityId) ?? t.unknown;
  return (
    <>
      <Async query={total}>
        {(data) => (
          <Summary
            row={data.rows.find((row) => row.key === municipalityId)}
            rules={data.rules}
            level={t.levels.municipality(name)}
            exportName={`kommune-${slug(period)}`}
          />
        )}
      </Async>
      <h2>{t.tables.months}</h2>
      <Months period={period} municipalityId={municipalityId} />
      <h2>{t.tables.stations}</h2>
      {drill ? (
        <Async query={stations}>
          {(data) => (
            <ReportTable
              caption={t.tables.stations}
              columns={stationColumnsOf(t)}
              rows={withStationFigures(t, data.rows, data.stations, names)}
              exportName={`stationen-${slug(period)}`}
              exportHref={figuresExportHref(period, 'station', municipalityId)}
              rowHref={(row) =>
                typeof row.key === 'string'
                  ? dashboardHref(period, { municipality: municipalityId, station: row.key })
                  : undefined
              }
            />
          )}
        </Async>
      ) : (
        <p className="notice">{t.aggregateOnly}</p>
      )}
      <HeatmapSection period={period} scope={{ municipalityId }} />
      <Async query={total}>{(data) => <RulesPanel rules={data.rules} />}</Async>
    </>
  );
}

/** Station rows with their names, peak concurrency and searches that found no car. */
function withStationFigures(
  t: Messages['dashboard'],
  rows: FigureRow[],
  stations: StationFigure[],
  names: Names,
) {
  const extra = new Map(stations.map((s) => [s.stationId, s]));
  return rows.map((row) => ({
    ...row,
    name: names.station.get(row.key)?.name ?? t.unknown,
    peakConcurrentBookings: extra.get(row.key)?.peakConcurrentBookings ?? 0,
    unmetSearches: extra.get(row.key)?.unmetSearches ?? 0,
  }));
}

/** One station of the caller's municipality: its total, its cars (links to each) and its heatmap. */
export function StationLevel({
  period,
  names,
  municipalityId,
  stationId,
}: {
  period: Period;
  names: Names;
  municipalityId: string;
  stationId: string;
}) {
  const messages = useMessages();
  const t = messages.dashboard;
  const stations = useFigures(period, 'station', municipalityId);
  const vehicles = useFigures(period, 'vehicle', municipalityId);
  const name = names.station.get(stationId)?.name ?? t.unknown;
  return (
    <>
      <Async query={stations}>
        {(data) => (
          <Summary
            row={data.rows.find((row) => row.key === stationId)}
            rules={data.rules}
            level={t.levels.station(name)}
            exportName={`station-${slug(period)}`}
          />
        )}
      </Async>
      <h2>{t.tables.vehicles}</h2>
      <Async query={vehicles}>
        {(data) => {
          const rows = data.rows
            .filter((row) => names.vehicle.get(row.key)?.station.id === stationId)
            .map((row) => ({ ...row, name: names.vehicle.get(row.key)?.plate ?? t.unknown }));
          return rows.length === 0 ? (
            <p>{t.noVehicles}</p>
          ) : (
            // Client CSV: the server export has every car of the municipality, this table one station's.
            <ReportTable
              caption={t.tables.vehicles}
              columns={figureColumns(t, t.columns.vehicle)}
              rows={rows}
              exportName={`fahrzeuge-${slug(period)}`}
              rowHref={(row) =>
                typeof row.key === 'string'
                  ? dashboardHref(period, {
                      municipality: municipalityId,
                      station: stationId,
                      vehicle: row.key,
                    })
                  : undefined
              }
            />
          );
        }}
      </Async>
      <HeatmapSection period={period} scope={{ stationId }} />
      <Async query={stations}>{(data) => <RulesPanel rules={data.rules} />}</Async>
    </>
  );
}

/** One car: every figure beside its rule, and when in the week it is booked. */
export function VehicleLevel({
  period,
  names,
  municipalityId,
  vehicleId,
}: {
  period: Period;
  names: Names;
  municipalityId: string;
  vehicleId: string;
}) {
  const messages = useMessages();
  const t = messages.dashboard;
  const vehicles = useFigures(period, 'vehicle', municipalityId);
  const plate = names.vehicle.get(vehicleId)?.plate ?? t.unknown;
  return (
    <>
      <Async query={vehicles}>
        {(data) => (
          <Summary
            row={data.rows.find((row) => row.key === vehicleId)}
            rules={data.rules}
            level={t.levels.vehicle(plate)}
            exportName={`fahrzeug-${slug(period)}`}
          />
        )}
      </Async>
      <HeatmapSection period={period} scope={{ vehicleId }} />
    </>
  );
}
