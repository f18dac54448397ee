/** The authorization matrix's rows of the fleet administration: cars and stations (one table: authorization-rows.ts). */
import { randomUUID } from 'node:crypto';
import { stations } from '@/db/schema';
import type { World } from './authorization-fixtures';
import { ids, managedList, managersOfA, none, type Row } from './authorization-presets';

const today = () => new Date().toISOString().slice(0, 10);
const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600_000).toISOString().slice(0, 10);

/** A valid car of A at A's station, with a plate of its own per call. */
const carOfA = (w: World) => ({
  plate: `M-${randomUUID().slice(0, 6).toUpperCase()}`,
  make: 'Renault',
  model: 'Zoe',
  powertrain: 'ev' as const,
  seats: 5,
  batteryKwh: 52,
  rangeKm: 390,
  turnaroundBufferMinutes: 15,
  homeStationId: w.stationId,
  ownerMunicipalityId: w.municipalityId,
  commissionedOn: '2026-01-01',
  equipment: ['winter_tyres' as const],
});

const stationOfA = (w: World) => ({
  name: `Bahnhof ${randomUUID().slice(0, 8)}`,
  municipalityId: w.municipalityId,
  address: 'Bahnhofstraße 1',
  latitude: 51.29,
  longitude: 12.51,
  chargePoints: 2,
  openingNotes: 'Rund um die Uhr zugänglich.',
});

async function freshStation(w: World) {
  const [row] = await w.db.insert(stations).values(stationOfA(w)).returning();
  if (!row) throw new Error('no station');
  return row;
}

export const fleetRows: Record<string, Row> = {
  'vehicles.create': { input: (w) => carOfA(w), expect: managersOfA },
  'vehicles.update': {
    input: async (w) => ({ id: (await w.freshCar()).id, ...carOfA(w) }),
    expect: managersOfA,
  },
  'vehicles.retirePreview': { input: (w) => ({ id: w.car.id, from: inAWeek() }), expect: managersOfA },
  'vehicles.retire': {
    input: async (w) => ({ id: (await w.freshCar()).id, from: today(), confirm: true }),
    expect: managersOfA,
  },
  'stations.managed': {
    input: none,
    shows: (answer, w) => ids(answer).includes(w.stationId),
    expect: managedList,
  },
  'stations.municipalities': {
    input: none,
    shows: (answer, w) => ids(answer).includes(w.municipalityId),
    expect: managedList,
  },
  'stations.create': { input: (w) => stationOfA(w), expect: managersOfA },
  'stations.update': {
    input: async (w) => ({ id: (await freshStation(w)).id, ...stationOfA(w) }),
    expect: managersOfA,
  },
};
