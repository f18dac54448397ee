import type { Cell, Column, ColumnKind, Table } from '../../files/tables';
import type { Grouping } from '../queries';
import type { figures } from '../service';
import type { Labels } from './labels';

type Figures = Awaited<ReturnType<typeof figures>>;
export type FigureRow = Figures['rows'][number];

/** The figures of a row in the order of the page, with their German headers. */
const figureColumns = [
  ['heldHours', 'Gebuchte Stunden', 'decimal'],
  ['availableHours', 'Verfügbare Stunden', 'decimal'],
  ['timeUtilisation', 'Zeitauslastung (%)', 'percent'],
  ['ignitionHours', 'Zündungsstunden', 'decimal'],
  ['drivingUtilisation', 'Fahrauslastung (%)', 'percent'],
  ['km', 'Kilometer', 'decimal'],
  ['energyKwh', 'Energie (kWh)', 'decimal'],
  ['chargedKwh', 'Während der Fahrt geladen (kWh)', 'decimal'],
  ['bookings', 'Buchungen', 'integer'],
  ['trips', 'Fahrten', 'integer'],
  ['noShows', 'Nicht angetreten', 'integer'],
  ['cancellations', 'Stornierungen', 'integer'],
  ['noShowRate', 'Quote nicht angetreten (%)', 'percent'],
  ['cancellationRate', 'Stornoquote (%)', 'percent'],
  ['fixedCost', 'Fixkosten (€)', 'money'],
  ['variableCost', 'Variable Kosten (€)', 'money'],
  ['costs', 'Kosten (€)', 'money'],
  ['costPerKm', 'Kosten je km (€)', 'money'],
  ['costPerHeldHour', 'Kosten je gebuchte Stunde (€)', 'money'],
  ['co2SavedKg', 'CO₂-Einsparung (kg)', 'decimal'],
] as const satisfies readonly (readonly [keyof FigureRow, string, ColumnKind])[];

const groupHeader: Record<Grouping, string> = {
  region: 'Region',
  municipality: 'Kommune',
  station: 'Station',
  vehicle: 'Fahrzeug',
  powertrain: 'Antrieb',
  month: 'Monat',
};

const powertrains: Record<string, string> = { ev: 'Elektro', phev: 'Plug-in-Hybrid', ice: 'Verbrenner' };

/** What a row's key means to a person: a municipality's or station's name, a plate, a month. */
function rowLabel(groupBy: Grouping, key: string, labels: Labels): string {
  switch (groupBy) {
    case 'region':
      return 'Gesamt';
    case 'municipality':
      return labels.municipalities.get(key)?.name ?? key;
    case 'station':
      return labels.stations.get(key)?.name ?? key;
    case 'vehicle':
      return labels.vehicles.get(key)?.plate ?? key;
    case 'powertrain':
      return powertrains[key] ?? key;
    case 'month':
      return key.slice(0, 7);
  }
}

/** The figures as a table named `name`: the label, the id, then every figure. */
export function figureTable(
  name: string,
  groupBy: Grouping,
  rows: readonly FigureRow[],
  labels: Labels,
): Table {
  const columns: Column[] = [
    { header: groupHeader[groupBy], kind: 'text' },
    { header: 'Schlüssel', kind: 'text' },
    ...figureColumns.map(([, header, kind]) => ({ header, kind })),
  ];
  return {
    name,
    columns,
    rows: rows.map((row): Cell[] => [
      rowLabel(groupBy, row.key, labels),
      row.key,
      ...figureColumns.map(([key]) => row[key]),
    ]),
  };
}

/** Per station: the peak of bookings held at once, and the searches that found no free car. */
export function stationTable(name: string, stations: Figures['stations'], labels: Labels): Table {
  return {
    name,
    columns: [
      { header: 'Station', kind: 'text' },
      { header: 'Kommune', kind: 'text' },
      { header: 'Höchstens gleichzeitig gebucht', kind: 'integer' },
      { header: 'Suchen ohne freies Fahrzeug', kind: 'integer' },
    ],
    rows: stations.map((s) => [
      labels.stations.get(s.stationId)?.name ?? s.stationId,
      labels.municipalities.get(s.municipalityId)?.name ?? s.municipalityId,
      s.peakConcurrentBookings,
      s.unmetSearches,
    ]),
  };
}
