/** The authorization matrix's rows for the fleet side of damage reports and the fleet calendar. */
import { randomUUID } from 'node:crypto';
import type { World } from './authorization-fixtures';
import { ids, managedList, managersOfA, type Row, reason, signedIn } from './authorization-presets';

/** A damage report of staffOwn's on A's car: fresh for a call that changes it. */
const freshDamage = (w: World) =>
  w.a.api.damage.report({ bookingId: w.booking.id, description: 'Kratzer an der Tür', drivable: true });

/** One report per world for the calls that only read; its id kept for the list's check. */
const shared = new WeakMap<World, Promise<{ id: string }>>();
const sharedId = new WeakMap<World, string>();
const damageOf = (w: World) => {
  const known =
    shared.get(w) ??
    freshDamage(w).then((report) => {
      sharedId.set(w, report.id);
      return report;
    });
  shared.set(w, known);
  return known;
};

/** Another municipality's manager hears of A's report or booking what they would of none. */
const managersHiding = (notFound: 'DAMAGE_NOT_FOUND' | 'BOOKING_NOT_FOUND' | 'VEHICLE_NOT_FOUND') =>
  ({ ...managersOfA, fleetOther: notFound }) as const;

export const damageRows: Record<string, Row> = {
  // What the next booker sees: each person of cars they booked or may search; nothing else asked.
  'damage.openOfCars': { input: (w) => ({ vehicleIds: [w.car.id] }), expect: signedIn },
  'damage.list': {
    input: async (w) => {
      await damageOf(w);
      return {};
    },
    shows: (answer, w) => ids(answer).includes(sharedId.get(w) ?? ''),
    expect: managedList,
  },
  'damage.detail': {
    input: async (w) => ({ id: (await damageOf(w)).id }),
    missing: () => ({ id: randomUUID() }),
    expect: managersHiding('DAMAGE_NOT_FOUND'),
  },
  'damage.record': {
    input: (w) => ({ vehicleId: w.car.id, description: 'Delle in der Heckklappe', drivable: true }),
    missing: () => ({ vehicleId: randomUUID(), description: 'Delle', drivable: true }),
    expect: managersHiding('VEHICLE_NOT_FOUND'),
  },
  'damage.setState': {
    input: async (w) => ({ id: (await freshDamage(w)).id, state: 'seen', note: 'Angesehen' }),
    missing: () => ({ id: randomUUID(), state: 'seen' }),
    expect: managersHiding('DAMAGE_NOT_FOUND'),
  },

  'fleetCalendar.view': {
    input: (w) => ({
      municipalityId: w.municipalityId,
      from: new Date().toISOString().slice(0, 10),
      days: 7,
    }),
    expect: managersOfA,
  },
  'fleetCalendar.changeEnd': {
    input: async (w) => {
      const booking = await w.freshBooking();
      return { id: booking.id, endsAt: new Date(+booking.endsAt + 3_600_000), reason };
    },
    missing: () => ({ id: randomUUID(), endsAt: new Date(Date.now() + 30 * 3_600_000), reason }),
    expect: managersHiding('BOOKING_NOT_FOUND'),
  },
  'fleetCalendar.move': {
    input: async (w) => ({ id: (await w.freshBooking()).id, vehicleId: (await w.freshCar()).id, reason }),
    missing: async (w) => ({ id: randomUUID(), vehicleId: (await w.freshCar()).id, reason }),
    expect: managersHiding('BOOKING_NOT_FOUND'),
  },
};
