/** The authorization matrix's rows of boxes, gateways and the fleet CA rotation (one table: authorization-rows.ts). */
import type { World } from './authorization-fixtures';
import { managedList, none, noSession, noStaff, type Row } from './authorization-presets';

const operatorOnly = {
  ...noSession,
  ...noStaff,
  fleetOwn: 'FORBIDDEN_ROLE',
  fleetOther: 'FORBIDDEN_ROLE',
} as const;
const listed = (key: 'vehicleId' | 'id') => (answer: unknown, w: World) =>
  (answer as Record<string, unknown>[]).some((row) =>
    key === 'vehicleId' ? row.vehicleId === w.car.id : row.stationId === w.stationId,
  );

export const boxRows: Record<string, Row> = {
  'telematics.boxes': { input: none, shows: listed('vehicleId'), expect: managedList },
  'telematics.gateways': { input: none, shows: listed('id'), expect: managedList },
  'telematics.caRotation': { input: none, expect: { ...operatorOnly, operator: 'ok' } },
  // A generation no page showed: the operator reaches the rule without rotating the shared
  // database's CA (which every other test file's boxes trust).
  'telematics.startCaRotation': {
    input: () => ({ activeGeneration: 999 }),
    expect: { ...operatorOnly, operator: 'CA_GENERATION_CHANGED' },
  },
  'telematics.finishCaRotation': {
    input: () => ({ nextGeneration: 999 }),
    expect: { ...operatorOnly, operator: 'CA_ROTATION_NOT_RUNNING' },
  },
};
