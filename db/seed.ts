import { hashPassword } from 'better-auth/crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './client';
import type { Region } from './region';
import {
  accounts,
  bookings,
  co2Factors,
  municipalities,
  municipalityAccounting,
  municipalityTariffs,
  stations,
  users,
  vehicleCostRates,
  vehicles,
} from './schema';
import { demoHistory, writeHistory } from './seed-history';

/**
 * Fills the database from a region file. Idempotent: what exists (by slug, station name, plate,
 * e-mail) is kept; rates, tariffs and CO₂ factors are written by their valid-from day (a second
 * run updates them in place); the demo history is made only while the demo people have no bookings.
 */
export async function seedRegion(db: Db, region: Region, options: { now: Date; timeZone: string }) {
  const municipalityIds = new Map<string, string>();
  let newVehicles = 0;
  for (const m of region.municipalities) {
    const fields = {
      name: m.name,
      nameGenitive: m.nameWithArticle.genitive,
      nameDative: m.nameWithArticle.dative,
      costCentre: m.costCentre,
      logbookRequired: m.logbookRequired,
    };
    const [row] = await db
      .insert(municipalities)
      .values({ slug: m.slug, ...fields })
      .onConflictDoUpdate({ target: municipalities.slug, set: fields })
      .returning({ id: municipalities.id });
    if (!row) throw new Error(`seed: municipality ${m.slug} not written`);
    municipalityIds.set(m.slug, row.id);
    if (m.accounting) {
      const values = { vatId: null, taxNumber: null, bic: null, ...m.accounting };
      await db
        .insert(municipalityAccounting)
        .values({ municipalityId: row.id, ...values })
        .onConflictDoUpdate({ target: municipalityAccounting.municipalityId, set: values });
    }
    for (const t of m.tariffs) {
      const rate = { perHour: t.perHour, perKm: t.perKm };
      await db
        .insert(municipalityTariffs)
        .values({ municipalityId: row.id, validFrom: t.validFrom, ...rate })
        .onConflictDoUpdate({
          target: [municipalityTariffs.municipalityId, municipalityTariffs.validFrom],
          set: rate,
        });
    }
    for (const s of m.stations) {
      const [stationRow] = await db
        .insert(stations)
        .values({
          municipalityId: row.id,
          name: s.name,
          address: s.address,
          latitude: s.lat,
          longitude: s.lng,
          chargePoints: s.chargePoints,
        })
        .onConflictDoUpdate({
          target: [stations.municipalityId, stations.name],
          set: { address: s.address, latitude: s.lat, longitude: s.lng, chargePoints: s.chargePoints },
        })
        .returning({ id: stations.id });
      if (!stationRow) throw new Error(`seed: station ${s.name} not written`);
      for (const v of s.vehicles) {
        const model = region.models[v.model];
        if (!model) throw new Error(`seed: unknown model ${v.model}`);
        const [vehicleRow] = await db
          .insert(vehicles)
          .values({
            ownerMunicipalityId: row.id,
            homeStationId: stationRow.id,
            plate: v.plate,
            ...model,
          })
          .onConflictDoNothing({ target: vehicles.plate })
          .returning({ id: vehicles.id });
        if (vehicleRow) newVehicles++;
      }
    }
  }

  for (const f of region.co2Factors) {
    const factor = { referenceGPerKm: f.referenceGPerKm, electricityGPerKm: f.electricityGPerKm };
    await db
      .insert(co2Factors)
      .values({ validFrom: f.validFrom, ...factor })
      .onConflictDoUpdate({ target: co2Factors.validFrom, set: factor });
  }
  const cars = await seedVehicleCosts(db, region);

  const people = await seedDemoUsers(db, region, municipalityIds, options.now);
  const userIds = people.map((p) => p.id);
  const haveBookings = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(bookings)
    .where(inArray(bookings.userId, userIds));
  if ((haveBookings[0]?.n ?? 0) === 0 && region.demoHistory) {
    const staff = people.flatMap((p) =>
      p.municipalityId ? [{ id: p.id, municipalityId: p.municipalityId }] : [],
    );
    await writeHistory(db, demoHistory(region.demoHistory, cars, staff, options));
  }
  return { municipalities: municipalityIds.size, newVehicles, users: userIds.length };
}

/** Each car's cost rates from its commissioning day; returns the region's cars for the history. */
async function seedVehicleCosts(db: Db, region: Region) {
  const fleet = region.municipalities.flatMap((m) => m.stations.flatMap((s) => s.vehicles));
  const rows = await db
    .select({ id: vehicles.id, plate: vehicles.plate, municipalityId: vehicles.ownerMunicipalityId })
    .from(vehicles)
    .where(
      inArray(
        vehicles.plate,
        fleet.map((v) => v.plate),
      ),
    );
  const byPlate = new Map(rows.map((r) => [r.plate, r]));
  const cars = [];
  for (const v of fleet) {
    const car = byPlate.get(v.plate);
    const model = region.models[v.model];
    if (!car || !model) throw new Error(`seed: vehicle ${v.plate} not written`);
    cars.push({ ...car, model });
    if (!v.commissionedOn || !v.costs) continue;
    await db
      .insert(vehicleCostRates)
      .values({
        vehicleId: car.id,
        validFrom: v.commissionedOn,
        commissionedOn: v.commissionedOn,
        ...v.costs,
      })
      .onConflictDoUpdate({
        target: [vehicleCostRates.vehicleId, vehicleCostRates.validFrom],
        set: { commissionedOn: v.commissionedOn, ...v.costs },
      });
  }
  return cars;
}

async function seedDemoUsers(db: Db, region: Region, municipalityIds: Map<string, string>, now: Date) {
  const passwordHash = await hashPassword(region.demoPassword);
  const ids: { id: string; municipalityId: string | null }[] = [];
  for (const person of region.demoUsers) {
    const existing = await db
      .select({ id: users.id, municipalityId: users.municipalityId })
      .from(users)
      .where(eq(sql`lower(${users.email})`, person.email.toLowerCase()));
    if (existing[0]) {
      ids.push(existing[0]);
      continue;
    }
    const validUntil = new Date(now.getTime() + person.licenceCheckValidForDays * 86_400_000);
    const [row] = await db
      .insert(users)
      .values({
        name: person.name,
        email: person.email.toLowerCase(),
        emailVerified: true,
        role: person.role,
        municipalityId: person.municipality ? municipalityIds.get(person.municipality) : null,
        licenceCheckValidUntil: validUntil.toISOString().slice(0, 10),
      })
      .returning({ id: users.id, municipalityId: users.municipalityId });
    if (!row) throw new Error(`seed: user ${person.email} not written`);
    // better-auth's e-mail/password accounts: provider "credential", account id = user id.
    await db
      .insert(accounts)
      .values({ userId: row.id, accountId: row.id, providerId: 'credential', password: passwordHash })
      .onConflictDoNothing();
    ids.push(row);
  }
  return ids;
}
