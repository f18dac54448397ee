import type { Db } from '@/db/client';
import type { SessionUser } from '../auth/queries';
import { AppError } from '../errors';
import { findKeyBooking } from '../telematics/queries';
import { certificateWindow } from '../telematics/rules';
import type { DemoCar, DemoRuntime } from './current';
import { CHARGE_KW, CHARGE_MINUTES, type DemoAction, DRIVE_KM, DRIVE_KMH, simulatorRefusal } from './rules';

/** The simulated car of the person's own booking; refused when the demo does not run. */
async function carOfBooking(db: Db, user: SessionUser, demo: DemoRuntime | null, bookingId: string) {
  if (!demo) throw new AppError('DEMO_NOT_RUNNING');
  const booking = await findKeyBooking(db, bookingId);
  // Someone else's booking is, to this caller, one that does not exist.
  if (!booking || booking.userId !== user.id) throw new AppError('BOOKING_NOT_FOUND');
  const car = demo.car(booking.vehicleId);
  if (!car) throw new AppError('DEMO_CAR_NOT_SIMULATED');
  return { booking, car };
}

function view(car: DemoCar) {
  car.catchUp();
  car.box.tick(); // a due auto-lock shows as locked
  const state = car.box.car;
  return {
    locked: state.locked,
    doorOpen: state.doorOpen,
    ignitionOn: state.ignitionOn,
    charging: state.charging,
    odometerKm: Math.round(car.simulator.odometerKm * 10) / 10,
    socPercent: car.simulator.socPercent,
    /** The car's clock: ahead of the wall clock after a simulated drive. */
    carTime: new Date(Math.floor(car.clock.now()) * 1000),
  };
}

/** What the car of the booking shows on its dashboard right now. */
export async function demoCarState(db: Db, user: SessionUser, demo: DemoRuntime | null, bookingId: string) {
  const { car } = await carOfBooking(db, user, demo, bookingId);
  return view(car);
}

/**
 * Does something with the car of the person's booking, as they would in the car: the box sees
 * door, ignition and readings on its vehicle bus and logs what it logs. „10 km fahren“ gets in
 * (door open and shut), switches on, drives and switches off again unless the ignition was on.
 */
export async function actOnDemoCar(
  db: Db,
  user: SessionUser,
  demo: DemoRuntime | null,
  input: { bookingId: string; action: DemoAction },
) {
  const { booking, car } = await carOfBooking(db, user, demo, input.bookingId);
  if (booking.status !== 'reserved' && booking.status !== 'active') throw new AppError('BOOKING_NOT_OPEN');
  car.catchUp();
  car.box.tick();
  const { simulator, box } = car;
  const refusal = simulatorRefusal(
    {
      locked: box.car.locked,
      ignitionOn: box.car.ignitionOn,
      socPercent: simulator.socPercent,
      now: car.clock.now(),
    },
    input.action,
    certificateWindow(booking).notAfter,
  );
  if (refusal) throw new AppError(refusal);
  switch (input.action) {
    case 'openDoor':
      simulator.openDoor();
      break;
    case 'closeDoor':
      simulator.closeDoor();
      break;
    case 'ignitionOn':
      simulator.ignitionOn();
      break;
    case 'ignitionOff':
      simulator.ignitionOff();
      break;
    case 'drive': {
      const wasOn = box.car.ignitionOn;
      if (!wasOn) {
        if (box.car.charging) simulator.stopCharging();
        simulator.openDoor();
        simulator.closeDoor();
        simulator.ignitionOn();
      }
      simulator.drive(DRIVE_KM, DRIVE_KMH);
      if (!wasOn) simulator.ignitionOff();
      break;
    }
    case 'charge':
      simulator.startCharging();
      simulator.charge(CHARGE_MINUTES, CHARGE_KW);
      simulator.stopCharging();
      break;
  }
  // What the box just logged goes to the server in the background, as a station gateway would.
  demo?.syncCar(booking.vehicleId).catch(() => undefined);
  return view(car);
}
