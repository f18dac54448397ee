import { and, count, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, vehicles } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { assertMayManage } from '../auth/scope';
import { openBookingStatuses } from '../bookings/rules';
import { AppError, type FieldErrors, invalidInput, sqlState } from '../errors';
import { fleetFieldTexts } from '../messages/fields-fleet';
import { midnightOf, normalisePlate, vehicleProblems } from './admin-rules';
import type { VehicleInput, VehicleUpdateInput } from './admin-schema';
import { municipalityExists, stationExists } from './queries';

type VehicleRow = typeof vehicles.$inferSelect;

/** The car with every column, for the check of who may change it and for the audit's "before". */
export async function vehicleRow(db: Db, id: string): Promise<VehicleRow> {
  const [row] = await db.select().from(vehicles).where(eq(vehicles.id, id));
  if (!row) throw new AppError('VEHICLE_NOT_FOUND');
  return row;
}

/** The columns the form sets, checked: plate normalised, the CHECKs' rules as field errors. */
async function checkedValues(db: Db, input: VehicleInput, timeZone: string, retiredAt: Date | null) {
  const commissionedAt = midnightOf(input.commissionedOn, timeZone);
  const values = {
    plate: normalisePlate(input.plate),
    make: input.make,
    model: input.model,
    powertrain: input.powertrain,
    seats: input.seats,
    // A combustion car has no traction battery: what was typed for it is not kept.
    batteryKwh: input.powertrain === 'ice' ? null : input.batteryKwh,
    rangeKm: input.rangeKm,
    turnaroundBufferMinutes: input.turnaroundBufferMinutes,
    homeStationId: input.homeStationId,
    ownerMunicipalityId: input.ownerMunicipalityId,
    commissionedAt,
    equipment: [...new Set(input.equipment)],
  };
  const problems: FieldErrors = vehicleProblems({ ...values, commissionedAt, retiredAt });
  const t = fleetFieldTexts();
  if (problems.retiredOn) {
    problems.commissionedOn = problems.retiredOn;
    delete problems.retiredOn;
  }
  if (!(await stationExists(db, input.homeStationId))) problems.homeStationId = [t.stationNotFound];
  if (!(await municipalityExists(db, input.ownerMunicipalityId)))
    problems.ownerMunicipalityId = [t.municipalityNotFound];
  if (Object.keys(problems).length > 0) throw invalidInput(problems);
  return values;
}

/** The unique plate, as the database judges it when two managers type the same one at once. */
async function plateChecked<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (sqlState(error) === '23505') throw invalidInput({ plate: [fleetFieldTexts().plateTaken] });
    throw error;
  }
}

/** Adds a car to a municipality the caller manages; written with its audit entry or not at all. */
export async function createVehicle(db: Db, manager: SessionUser, input: VehicleInput, timeZone: string) {
  assertMayManage(manager, input.ownerMunicipalityId);
  const values = await checkedValues(db, input, timeZone, null);
  return plateChecked(() =>
    db.transaction(async (tx) => {
      const [row] = await tx.insert(vehicles).values(values).returning();
      if (!row) throw new Error('vehicle insert returned no row');
      await recordAudit(tx, manager, {
        action: 'vehicle.create',
        objectType: 'vehicle',
        objectId: row.id,
        municipalityId: row.ownerMunicipalityId,
        after: row,
      });
      return row;
    }),
  );
}

/**
 * Changes a car's facts. Its bookings keep the turnaround buffer they were made with (the schedule
 * constraint counts each booking's own), so a changed buffer holds for bookings made from now on.
 * A new home station would move the pick-up place of bookings already made: refused while any
 * are coming, with the number, so the manager moves them first (a block) or waits.
 */
export async function updateVehicle(
  db: Db,
  manager: SessionUser,
  input: VehicleUpdateInput,
  timeZone: string,
) {
  const before = await vehicleRow(db, input.id);
  assertMayManage(manager, before.ownerMunicipalityId);
  assertMayManage(manager, input.ownerMunicipalityId);
  const values = await checkedValues(db, input, timeZone, before.retiredAt);
  return plateChecked(() =>
    db.transaction(async (tx) => {
      if (values.homeStationId !== before.homeStationId) {
        const coming = await upcomingBookings(tx, before.id);
        if (coming > 0)
          throw invalidInput({ homeStationId: [fleetFieldTexts().stationChangeRefused(coming)] });
      }
      const [row] = await tx.update(vehicles).set(values).where(eq(vehicles.id, before.id)).returning();
      if (!row) throw new AppError('VEHICLE_NOT_FOUND');
      await recordAudit(tx, manager, {
        action: 'vehicle.update',
        objectType: 'vehicle',
        objectId: row.id,
        municipalityId: row.ownerMunicipalityId,
        before,
        after: row,
      });
      return row;
    }),
  );
}

async function upcomingBookings(db: Db, vehicleId: string, now = new Date()) {
  const [row] = await db
    .select({ n: count() })
    .from(bookings)
    .where(
      and(
        eq(bookings.vehicleId, vehicleId),
        inArray(bookings.status, [...openBookingStatuses]),
        gt(bookings.endsAt, now),
      ),
    );
  return row?.n ?? 0;
}
