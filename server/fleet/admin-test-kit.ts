/** What the fleet administration's tests share: a municipality with its managers, a valid car, a reader of field errors. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { AppError } from '../errors';
import { callerFor, makeMunicipality, makeUser } from '../test-support';

export async function fleetOf(db: Db) {
  const home = await makeMunicipality(db);
  const managerUser = await makeUser(db, home, 'fleet_manager');
  return {
    home,
    managerUser,
    manager: callerFor(db, managerUser),
    staff: callerFor(db, await makeUser(db, home)),
  };
}

export const carInput = (home: { id: string; station: { id: string } }, overrides = {}) => ({
  plate: `l-pm  ${randomUUID().slice(0, 5)}`,
  make: 'Renault',
  model: 'Zoe',
  powertrain: 'ev' as const,
  seats: 5,
  batteryKwh: 52 as number | null,
  rangeKm: 390 as number | null,
  turnaroundBufferMinutes: 15,
  homeStationId: home.station.id,
  ownerMunicipalityId: home.id,
  commissionedOn: '2026-01-01',
  equipment: ['child_seat' as const, 'winter_tyres' as const],
  ...overrides,
});

/** The field errors a refused call carried, whether zod or a domain rule found them. */
export async function fieldErrorsOf(call: Promise<unknown>): Promise<Record<string, string[] | undefined>> {
  const error = await call.then(
    () => {
      throw new Error('the call was not refused');
    },
    (e: unknown) => e,
  );
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof AppError) return cause.fieldErrors ?? {};
  if (cause instanceof z.ZodError) return z.flattenError(cause).fieldErrors as Record<string, string[]>;
  throw error;
}
