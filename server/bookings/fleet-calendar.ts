import { and, asc, eq, gt, inArray, isNull, lt, ne } from 'drizzle-orm';
import { startOfDay, timelineDays } from '@/app/lib/days';
import type { Db } from '@/db/client';
import { bookings, municipalities, stations, users, vehicleBlocks, vehicles } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { assertMayManage } from '../auth/scope';
import { AppError } from '../errors';
import { liveBookingStatuses } from './rules';

export interface FleetCalendarInput {
  municipalityId: string;
  /** The first day shown, in the region's zone. */
  from: string;
  days: number;
}

/**
 * All bookings of one municipality's cars over a day or a week, with who booked them: what its
 * fleet manager (or the operator) needs to change or cancel one. Laid out as the staff timeline
 * lays out a place (same `days`, `vehicles` and `slots`), so its grid draws this too.
 */
export async function fleetCalendar(
  db: Db,
  manager: SessionUser,
  input: FleetCalendarInput,
  timeZone: string,
) {
  assertMayManage(manager, input.municipalityId);
  const [place] = await db
    .select({ id: municipalities.id, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.id, input.municipalityId));
  if (!place) throw new AppError('MUNICIPALITY_NOT_FOUND');
  const days = timelineDays(input.from, input.days, timeZone);
  const start = days[0]?.start ?? startOfDay(input.from, timeZone);
  const end = days.at(-1)?.end ?? start;
  const cars = await db
    .select({
      id: vehicles.id,
      plate: vehicles.plate,
      make: vehicles.make,
      model: vehicles.model,
      status: vehicles.status,
      stationName: stations.name,
    })
    .from(vehicles)
    .innerJoin(stations, eq(stations.id, vehicles.homeStationId))
    .where(and(eq(vehicles.ownerMunicipalityId, place.id), ne(vehicles.status, 'retired')))
    .orderBy(asc(stations.name), asc(vehicles.plate));
  const carIds = cars.map((car) => car.id);
  const [booked, blocks] =
    carIds.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .select({
              id: bookings.id,
              vehicleId: bookings.vehicleId,
              startsAt: bookings.startsAt,
              endsAt: bookings.endsAt,
              status: bookings.status,
              purpose: bookings.purpose,
              booker: users.name,
            })
            .from(bookings)
            .leftJoin(users, eq(users.id, bookings.userId))
            .where(
              and(
                inArray(bookings.vehicleId, carIds),
                inArray(bookings.status, [...liveBookingStatuses]),
                lt(bookings.startsAt, end),
                gt(bookings.endsAt, start),
              ),
            )
            .orderBy(asc(bookings.startsAt)),
          db
            .select({
              vehicleId: vehicleBlocks.vehicleId,
              from: vehicleBlocks.startsAt,
              to: vehicleBlocks.endsAt,
            })
            .from(vehicleBlocks)
            .where(
              and(
                inArray(vehicleBlocks.vehicleId, carIds),
                isNull(vehicleBlocks.cancelledAt),
                lt(vehicleBlocks.startsAt, end),
                gt(vehicleBlocks.endsAt, start),
              ),
            ),
        ]);
  const vehiclesOut = cars.map((car) => ({
    id: car.id,
    plate: car.plate,
    make: car.make,
    model: car.model,
    inService: car.status === 'in_service',
    stationName: car.stationName,
    slots: [
      ...booked
        .filter((b) => b.vehicleId === car.id)
        .map((b) => ({
          kind: 'booked' as const,
          from: b.startsAt,
          to: b.endsAt,
          bookingId: b.id as string | null,
        })),
      ...blocks
        .filter((k) => k.vehicleId === car.id)
        .map((k) => ({ kind: 'blocked' as const, from: k.from, to: k.to, bookingId: null })),
    ].sort((a, b) => +a.from - +b.from),
  }));
  const plates = new Map(cars.map((car) => [car.id, car.plate]));
  return {
    place: { kind: 'municipality' as const, id: place.id, name: place.name },
    timeZone,
    start,
    end,
    days,
    vehicles: vehiclesOut,
    bookings: booked.map((b) => ({ ...b, plate: plates.get(b.vehicleId) ?? '' })),
  };
}
