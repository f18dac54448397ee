import type { Db } from '@/db/client';
import type { SessionUser } from '../../auth/queries';
import type { Table } from '../../files/tables';
import type { Grouping } from '../queries';
import { type LocalDate, monthOf } from '../rules';
import { figures, settlement } from '../service';
import { type FigureRow, figureTable, stationTable } from './figure-tables';
import type { Labels } from './labels';
import { labelsOf } from './labels';
import { settlementTables } from './settlement-tables';
import { type SettlementView, settlementView } from './settlement-view';

interface ReportRequest {
  from: LocalDate;
  to: LocalDate;
  /** Only this municipality's cars, stations and settlement pairs; the region row stays the region's. */
  municipalityId: string | null;
}

/** The calendar months `[from, to)` touches: settlement is monthly, by month of booking start. */
function monthsOf(from: LocalDate, to: LocalDate): LocalDate[] {
  const months: LocalDate[] = [];
  for (let month = monthOf(from).first; month < to; month = monthOf(month).next) months.push(month);
  return months;
}

const figuresOnly = ({ key: _key, ...row }: FigureRow) => row;

function onlyPairsOf(view: SettlementView, municipalityId: string | null): SettlementView {
  if (!municipalityId) return view;
  const involved = (x: { payer: { id: string }; payee: { id: string } }) =>
    x.payer.id === municipalityId || x.payee.id === municipalityId;
  return {
    ...view,
    lines: view.lines.filter(involved),
    matrix: view.matrix.filter(involved),
    net: view.net.filter(involved),
  };
}

/**
 * The page's figures of a period for the command line: per vehicle, station, municipality and for
 * the region, and the settlement of each month the period touches. `reader` is whose view it is.
 */
export async function periodReport(db: Db, reader: SessionUser, request: ReportRequest, zone: string) {
  const run = (groupBy: Grouping, municipalityId: string | null) =>
    figures(
      db,
      reader,
      { from: request.from, to: request.to, groupBy, municipalityId: municipalityId ?? undefined },
      zone,
    );
  const scoped = request.municipalityId;
  const [region, municipalityRows, stationRows, vehicleRows] = [
    await run('region', null),
    await run('municipality', scoped),
    await run('station', scoped),
    await run('vehicle', scoped),
  ];
  const views: SettlementView[] = [];
  for (const month of monthsOf(request.from, request.to))
    views.push(onlyPairsOf(await settlementView(db, await settlement(db, reader, month, zone)), scoped));
  return {
    request,
    labels: await labelsOf(db),
    region: region.rows,
    municipalities: municipalityRows.rows,
    stations: stationRows.rows,
    stationDemand: stationRows.stations,
    vehicles: vehicleRows.rows,
    settlement: views,
  };
}
type PeriodReport = Awaited<ReturnType<typeof periodReport>>;

const slugOf = (labels: Labels, id: string | undefined) =>
  (id && labels.municipalities.get(id)?.slug) || id || null;

/** The report as JSON: the fields README.md ("Reports on the command line") documents. */
export function reportJson(report: PeriodReport, zone: string) {
  const { labels } = report;
  const demand = new Map(report.stationDemand.map((s) => [s.stationId, s]));
  return {
    from: report.request.from,
    to: report.request.to,
    timeZone: zone,
    municipality: report.request.municipalityId ? slugOf(labels, report.request.municipalityId) : null,
    region: report.region[0] ? figuresOnly(report.region[0]) : null,
    municipalities: report.municipalities.map((row) => ({
      id: row.key,
      slug: slugOf(labels, row.key),
      name: labels.municipalities.get(row.key)?.name ?? null,
      ...figuresOnly(row),
    })),
    stations: report.stations.map((row) => {
      const station = labels.stations.get(row.key);
      return {
        id: row.key,
        name: station?.name ?? null,
        municipality: slugOf(labels, station?.municipalityId),
        ...figuresOnly(row),
        peakConcurrentBookings: demand.get(row.key)?.peakConcurrentBookings ?? 0,
        unmetSearches: demand.get(row.key)?.unmetSearches ?? 0,
      };
    }),
    vehicles: report.vehicles.map((row) => {
      const vehicle = labels.vehicles.get(row.key);
      return {
        id: row.key,
        plate: vehicle?.plate ?? null,
        station: vehicle ? (labels.stations.get(vehicle.stationId)?.name ?? null) : null,
        municipality: slugOf(labels, vehicle?.municipalityId),
        ...figuresOnly(row),
      };
    }),
    settlement: {
      lines: report.settlement.flatMap((v) =>
        v.lines.map((l) => ({
          month: v.month.slice(0, 7),
          frozen: v.frozen,
          bookingId: l.bookingId,
          start: l.start?.toISOString() ?? null,
          kind: l.kind,
          payer: l.payer.slug,
          payerCostCentre: l.payer.costCentre,
          payerAccount: l.payer.account,
          payee: l.payee.slug,
          payeeCostCentre: l.payee.costCentre,
          payeeAccount: l.payee.account,
          hours: l.hours,
          km: l.km,
          amount: l.amount,
        })),
      ),
      matrix: report.settlement.flatMap((v) =>
        v.matrix.map((c) => ({
          month: v.month.slice(0, 7),
          payer: c.payer.slug,
          payee: c.payee.slug,
          hours: c.hours,
          km: c.km,
          amount: c.amount,
        })),
      ),
      net: report.settlement.flatMap((v) =>
        v.net.map((n) => ({
          month: v.month.slice(0, 7),
          payer: n.payer.slug,
          payee: n.payee.slug,
          amount: n.amount,
        })),
      ),
    },
  };
}

/** The same report as tables: one CSV section or XLSX sheet each. */
export function reportTables(report: PeriodReport, zone: string): Table[] {
  const { labels } = report;
  return [
    figureTable('Region', 'region', report.region, labels),
    figureTable('Kommunen', 'municipality', report.municipalities, labels),
    figureTable('Stationen', 'station', report.stations, labels),
    stationTable('Nachfrage je Station', report.stationDemand, labels),
    figureTable('Fahrzeuge', 'vehicle', report.vehicles, labels),
    ...settlementTables(report.settlement, zone),
  ];
}
