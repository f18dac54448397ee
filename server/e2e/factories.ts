import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import {
  accounts,
  bookings,
  boxes,
  boxRecords,
  damageReports,
  gatewayJobs,
  gateways,
  keyCertificates,
  municipalities,
  ssoMappingRules,
  ssoProviders,
  stations,
  users,
  vehicles,
} from '@/db/schema';
import { purgeBookingRecords } from '../damage/purge';
import type { Env } from '../env';

/** On only when Playwright asks (E2E_FACTORIES=on), and never on PostgreSQL, where production data lives. */
export const factoriesServed = (config: Pick<Env, 'E2E_FACTORIES' | 'DATABASE_URL'>) =>
  config.E2E_FACTORIES === 'on' && !config.DATABASE_URL;

/**
 * What an end-to-end test asks for: its cars (one small EV if none) and people (staff and a
 * manager). An operator is filed under the world's municipality (operators may have one), so the
 * world's removal takes them too.
 */
export const worldSpec = z.object({
  cars: z
    .array(
      z.object({
        seats: z.number().int().min(1).max(9).default(5),
        powertrain: z.enum(['ev', 'phev', 'ice']).default('ev'),
      }),
    )
    .min(1)
    .max(10)
    .default([{ seats: 5, powertrain: 'ev' }]),
  people: z
    .array(z.enum(['staff', 'fleet_manager', 'operator']))
    .min(1)
    .max(10)
    .default(['staff', 'fleet_manager']),
  /** Whether the world's municipality keeps a logbook (the booking page's logbook fields). */
  logbookRequired: z.boolean().default(false),
  /** The people's licence gate: far ahead unless a spec needs someone overdue (or never checked: null). */
  licenceCheckValidUntil: z.iso.date().nullable().default('2099-12-31'),
});

export type WorldSpec = z.input<typeof worldSpec>;

const titles = {
  staff: 'Testperson',
  fleet_manager: 'Fuhrparkleitung',
  operator: 'Plattformbetrieb',
} as const;

/**
 * A municipality of its own with one station, its cars and its people (each with a password made
 * for this world), so an end-to-end test depends on neither the demo region nor the day it runs.
 */
export async function createWorld(db: Db, spec: WorldSpec = {}) {
  const { cars, people, logbookRequired, licenceCheckValidUntil } = worldSpec.parse(spec);
  const tag = randomUUID().slice(0, 8);
  const [municipality] = await db
    .insert(municipalities)
    .values({
      slug: `e2e-${tag}`,
      name: `Testgemeinde ${tag}`,
      nameGenitive: `der Testgemeinde ${tag}`,
      nameDative: `der Testgemeinde ${tag}`,
      costCentre: `E2E-${tag}`,
      logbookRequired,
    })
    .returning({ id: municipalities.id, slug: municipalities.slug, name: municipalities.name });
  if (!municipality) throw new Error('e2e: no municipality');
  const [station] = await db
    .insert(stations)
    .values({
      municipalityId: municipality.id,
      name: `Rathaus ${tag}`,
      address: `Markt 1, Testgemeinde ${tag}`,
      latitude: 51.3,
      longitude: 12.6,
      chargePoints: cars.length,
    })
    .returning({ id: stations.id, name: stations.name });
  if (!station) throw new Error('e2e: no station');
  const madeCars = await db
    .insert(vehicles)
    .values(
      cars.map((car, i) => ({
        ownerMunicipalityId: municipality.id,
        homeStationId: station.id,
        plate: `E2E-${tag}-${i + 1}`.toUpperCase(),
        make: 'VW',
        model: car.seats > 5 ? 'ID. Buzz' : 'ID.3',
        powertrain: car.powertrain,
        seats: car.seats,
        ...(car.powertrain === 'ice' ? {} : { batteryKwh: 58, rangeKm: 420 }),
      })),
    )
    .returning({ id: vehicles.id, plate: vehicles.plate, seats: vehicles.seats });
  const password = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  const madePeople = [];
  for (const [i, role] of people.entries()) {
    const name = `${titles[role]} ${tag}-${i + 1}`;
    const [person] = await db
      .insert(users)
      .values({
        name,
        email: `${role.replace('_', '-')}-${i + 1}-${tag}@e2e.example`,
        emailVerified: true,
        role,
        municipalityId: municipality.id,
        licenceCheckValidUntil,
      })
      .returning({ id: users.id, name: users.name, email: users.email, role: users.role });
    if (!person) throw new Error('e2e: no person');
    // better-auth's e-mail/password accounts: provider "credential", account id = user id.
    await db
      .insert(accounts)
      .values({ userId: person.id, accountId: person.id, providerId: 'credential', password: passwordHash });
    madePeople.push({ ...person, password });
  }
  return { municipality, station, cars: madeCars, people: madePeople };
}

export type World = Awaited<ReturnType<typeof createWorld>>;

/** Removes a world and everything its people and cars made (bookings, blocks, sessions, notices). */
export async function removeWorld(db: Db, municipalityId: string) {
  await db.transaction(async (tx) => {
    const [municipality] = await tx
      .select({ slug: municipalities.slug })
      .from(municipalities)
      .where(eq(municipalities.id, municipalityId));
    // Only what createWorld made: never a real municipality, whatever id a test sends.
    if (!municipality?.slug.startsWith('e2e-')) throw new Error('e2e: not a test world');
    const people = tx.select({ id: users.id }).from(users).where(eq(users.municipalityId, municipalityId));
    const cars = tx
      .select({ id: vehicles.id })
      .from(vehicles)
      .where(eq(vehicles.ownerMunicipalityId, municipalityId));
    // Bookings hold on to their car and person (restrict); their events and notices go with them,
    // and series, blocks, sessions and accounts go with the people and cars.
    const worldBookings = or(inArray(bookings.userId, people), inArray(bookings.vehicleId, cars));
    await purgeBookingRecords(tx, worldBookings);
    await tx.delete(bookings).where(worldBookings);
    // The fleet's own damage records have no booking: they go with their car.
    await tx.delete(damageReports).where(inArray(damageReports.vehicleId, cars));
    await tx.delete(users).where(eq(users.municipalityId, municipalityId));
    // Boxes and gateways a spec provisioned or registered (the boxes spec), with what hangs on them.
    const places = tx
      .select({ id: stations.id })
      .from(stations)
      .where(eq(stations.municipalityId, municipalityId));
    const worldBoxes = tx.select({ id: boxes.id }).from(boxes).where(inArray(boxes.vehicleId, cars));
    await tx
      .delete(gatewayJobs)
      .where(or(inArray(gatewayJobs.stationId, places), inArray(gatewayJobs.boxId, worldBoxes)));
    await tx.delete(keyCertificates).where(inArray(keyCertificates.boxId, worldBoxes));
    await tx.delete(boxRecords).where(inArray(boxRecords.boxId, worldBoxes));
    await tx.delete(boxes).where(inArray(boxes.vehicleId, cars));
    await tx.delete(gateways).where(inArray(gateways.stationId, places));
    await tx.delete(vehicles).where(eq(vehicles.ownerMunicipalityId, municipalityId));
    await tx.delete(stations).where(eq(stations.municipalityId, municipalityId));
    // Its sign-in services (their rules go with them) and any rule elsewhere that names it.
    await tx.delete(ssoMappingRules).where(eq(ssoMappingRules.municipalityId, municipalityId));
    await tx.delete(ssoProviders).where(eq(ssoProviders.municipalityId, municipalityId));
    await tx.delete(municipalities).where(eq(municipalities.id, municipalityId));
  });
}
