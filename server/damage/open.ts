import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, damageReports, vehicles } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { mayManage } from '../auth/scope';
import { defaultPolicy } from '../bookings/policy';
import { allPolicies } from '../bookings/policy-queries';
import { openDamageStates } from './states';

/** The most cars one ask may name: a page of search results. */
export const MAX_CARS_ASKED = 50;

/**
 * What the next booker should know before taking a car: its open damage reports (description and
 * date, not who reported them). Only of cars the person has a booking for or may search — their own
 * municipality's, those whose owner lets others book, those they manage; of any other car, nothing.
 */
export async function openDamagesOfCars(db: Db, user: SessionUser, vehicleIds: string[]) {
  if (vehicleIds.length === 0) return [];
  const [cars, booked, policies] = await Promise.all([
    db
      .select({ id: vehicles.id, owner: vehicles.ownerMunicipalityId })
      .from(vehicles)
      .where(inArray(vehicles.id, vehicleIds)),
    db
      .selectDistinct({ vehicleId: bookings.vehicleId })
      .from(bookings)
      .where(and(eq(bookings.userId, user.id), inArray(bookings.vehicleId, vehicleIds))),
    allPolicies(db),
  ]);
  const hasBooked = new Set(booked.map((b) => b.vehicleId));
  const visible = cars
    .filter(
      (car) =>
        hasBooked.has(car.id) ||
        car.owner === user.municipalityId ||
        mayManage(user, car.owner) ||
        (policies.get(car.owner) ?? defaultPolicy).othersMayBook,
    )
    .map((car) => car.id);
  if (visible.length === 0) return [];
  return db
    .select({
      id: damageReports.id,
      vehicleId: damageReports.vehicleId,
      description: damageReports.description,
      createdAt: damageReports.createdAt,
    })
    .from(damageReports)
    .where(and(inArray(damageReports.vehicleId, visible), inArray(damageReports.state, openDamageStates)))
    .orderBy(desc(damageReports.createdAt));
}
