import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { vehicles } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { assertMayManage } from '../auth/scope';
import type { TimeRange } from '../bookings/rules';
import { lockVehicleSchedule, writeSchedule } from '../bookings/schedule';
import { bookingsCount, previewVacating, type VacateCause, vacateVehicle } from '../bookings/vacate';
import { AppError, invalidInput } from '../errors';
import { fleetFieldTexts } from '../messages/fields-fleet';
import { retirementStart } from './admin-rules';
import type { RetireInput } from './admin-schema';
import { vehicleRow } from './admin-vehicles';

/** A retirement has no end: its window runs past any booking's. */
const END_OF_SERVICE = new Date(Date.UTC(9999, 11, 31));

const cause: VacateCause = {
  event: 'Fahrzeug außer Dienst gestellt',
  notice: 'Das ursprüngliche Fahrzeug wird außer Dienst gestellt.',
  cancelled: 'Das Fahrzeug wird außer Dienst gestellt.',
  affects: (count) => ({
    de: `Die Außerdienststellung betrifft ${bookingsCount(count)}. Bitte bestätigen: Sie werden auf ein gleichwertiges Fahrzeug umgebucht oder, wenn keines frei ist, storniert.`,
    en: `The retirement affects ${count === 1 ? 'one booking' : `${count} bookings`}. Please confirm: they are moved to an equivalent car or, where none is free, cancelled.`,
  }),
  onTrip: {
    de: 'Das Fahrzeug ist ab diesem Tag unterwegs oder war es; bitte einen Tag nach dem Ende der Fahrt wählen.',
    en: 'The car is or was on a trip from this day on; please choose a day after the trip has ended.',
  },
};

/** The car, the caller's right to retire it, and the window from the retirement on. */
async function retirement(db: Db, manager: SessionUser, input: RetireInput, timeZone: string, now: Date) {
  const car = await vehicleRow(db, input.id);
  assertMayManage(manager, car.ownerMunicipalityId);
  if (car.status === 'retired') throw new AppError('VEHICLE_ALREADY_RETIRED');
  const start = retirementStart(input.from, timeZone, now);
  if (!start) throw invalidInput({ from: [fleetFieldTexts().retireFromToday] });
  if (car.commissionedAt && start <= car.commissionedAt)
    throw invalidInput({ from: [fleetFieldTexts().retireAfterCommissioned] });
  const window: TimeRange = { start, end: END_OF_SERVICE };
  const vehicle = {
    id: car.id,
    stationId: car.homeStationId,
    seats: car.seats,
    powertrain: car.powertrain,
    owner: car.ownerMunicipalityId,
  };
  return { car, vehicle, window };
}

/** What retiring the car from that day would do: its bookings from then on and a stand-in for each, or none. */
export async function previewRetirement(
  db: Db,
  manager: SessionUser,
  input: RetireInput,
  timeZone: string,
  now = new Date(),
) {
  const { vehicle, window } = await retirement(db, manager, input, timeZone, now);
  return { retiredAt: window.start, bookings: await previewVacating(db, vehicle, window, timeZone, now) };
}

/**
 * Retires a car from a day on, as a block without end would take it: its bookings from then on are
 * moved to an equivalent free car or cancelled, their bookers told (after a preview and a
 * confirmation). The car stays with its past bookings, trips and reports; it is only no longer
 * offered for any time past the retirement, which the database holds too (bookings_refuse_retired).
 */
export async function retireVehicle(
  db: Db,
  manager: SessionUser,
  input: RetireInput & { confirm: boolean },
  timeZone: string,
  now = new Date(),
) {
  const { car, vehicle, window } = await retirement(db, manager, input, timeZone, now);
  return writeSchedule(db, async (tx) => {
    await lockVehicleSchedule(tx, car.id);
    const { moved, cancelled } = await vacateVehicle(
      tx,
      manager,
      vehicle,
      window,
      { confirm: input.confirm, cause },
      timeZone,
      now,
    );
    const [row] = await tx
      .update(vehicles)
      .set({ status: 'retired', retiredAt: window.start })
      .where(eq(vehicles.id, car.id))
      .returning();
    if (!row) throw new AppError('VEHICLE_NOT_FOUND');
    await recordAudit(tx, manager, {
      action: 'vehicle.retire',
      objectType: 'vehicle',
      objectId: row.id,
      municipalityId: row.ownerMunicipalityId,
      before: car,
      after: { ...row, movedBookings: moved, cancelledBookings: cancelled },
    });
    return { vehicle: row, moved, cancelled };
  });
}
