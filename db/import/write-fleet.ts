import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  municipalities,
  municipalityTariffs,
  rateChanges,
  stations,
  users,
  vehicleCostRates,
  vehicles,
} from '../schema';
import { attempt, compare, type ImportContext, markBroken, problem, vehicleAt } from './context';
import type { costRecord, Parsed, personRecord, tariffRecord, vehicleRecord } from './parse';

async function municipalityIds(ctx: ImportContext) {
  const rows = await ctx.tx.select({ id: municipalities.id, slug: municipalities.slug }).from(municipalities);
  return new Map(rows.map((m) => [m.slug, m.id]));
}

const unknownMunicipality = (slug: string) =>
  `Die Kommune „${slug}“ gibt es nicht (erwartet wird ihr Kürzel, z. B. aus der Regionsdatei).`;

/** Vehicles by plate, at municipalities and stations that exist (by slug and station name). */
export async function writeVehicles(ctx: ImportContext, records: Parsed<typeof vehicleRecord>[]) {
  const file = 'vehicles.csv';
  const towns = await municipalityIds(ctx);
  const stationRows = await ctx.tx
    .select({ id: stations.id, municipalityId: stations.municipalityId, name: stations.name })
    .from(stations);
  const stored = new Map(
    records.length === 0
      ? []
      : (
          await ctx.tx
            .select()
            .from(vehicles)
            .where(
              inArray(
                vehicles.plate,
                records.map((r) => r.plate),
              ),
            )
        ).map((v) => [v.plate, v]),
  );
  for (const r of records) {
    const owner = towns.get(r.municipality);
    if (!owner) {
      problem(ctx, file, r.line, 'municipality', unknownMunicipality(r.municipality));
      markBroken(ctx, 'plates', r.plate);
      continue;
    }
    const station = stationRows.find((s) => s.municipalityId === owner && s.name === r.station);
    if (!station) {
      problem(
        ctx,
        file,
        r.line,
        'station',
        `Die Kommune „${r.municipality}“ hat keinen Standort „${r.station}“.`,
      );
      markBroken(ctx, 'plates', r.plate);
      continue;
    }
    const values = {
      ownerMunicipalityId: owner,
      homeStationId: station.id,
      plate: r.plate,
      make: r.make,
      model: r.model,
      powertrain: r.powertrain,
      seats: r.seats,
      batteryKwh: r.batteryKwh,
      rangeKm: r.rangeKm,
      turnaroundBufferMinutes: r.turnaroundBufferMinutes,
      status: r.status,
    };
    const existing = stored.get(r.plate);
    if (existing) compare(ctx, { file, line: r.line }, vehicleColumns(existing), vehicleColumns(values));
    const id =
      existing?.id ??
      (
        await attempt(ctx, { file, line: r.line }, (db) =>
          db.insert(vehicles).values(values).returning({ id: vehicles.id }),
        )
      )?.[0]?.id;
    if (id) ctx.vehicles.set(r.plate, { id, ...values });
    else markBroken(ctx, 'plates', r.plate);
  }
}

const vehicleColumns = (
  v: Omit<
    typeof vehicles.$inferSelect,
    'id' | 'createdAt' | 'updatedAt' | 'commissionedAt' | 'retiredAt' | 'equipment' | 'photoKey'
  >,
) => ({
  municipality: v.ownerMunicipalityId,
  station: v.homeStationId,
  make: v.make,
  model: v.model,
  powertrain: v.powertrain,
  seats: v.seats,
  battery_kwh: v.batteryKwh,
  range_km: v.rangeKm,
  buffer_minutes: v.turnaroundBufferMinutes,
  status: v.status,
});

/** Cars the later files name that are not in vehicles.csv but already in the database. */
export async function knownVehicles(ctx: ImportContext, plates: readonly string[]) {
  const missing = [...new Set(plates)].filter((p) => !ctx.vehicles.has(p));
  if (missing.length === 0) return;
  const rows = await ctx.tx.select().from(vehicles).where(inArray(vehicles.plate, missing));
  for (const v of rows) ctx.vehicles.set(v.plate, v);
}

const rateColumns = (r: Omit<typeof vehicleCostRates.$inferInsert, 'vehicleId' | 'validFrom'>) => ({
  commissioned_on: r.commissionedOn,
  retired_on: r.retiredOn ?? null,
  leasing_monthly: r.leasingMonthly,
  insurance_monthly: r.insuranceMonthly,
  tax_monthly: r.taxMonthly,
  box_fee_monthly: r.boxFeeMonthly,
  other_monthly: r.otherMonthly,
  per_km: r.perKm,
  per_kwh: r.perKwh,
  per_litre: r.perLitre,
});

/** Cost rates by (vehicle, valid_from); each new one recorded in rate_changes as the setters do (by: the import). */
export async function writeCosts(ctx: ImportContext, records: Parsed<typeof costRecord>[]) {
  const file = 'vehicle-costs.csv';
  for (const { line, plate, ...rates } of records) {
    const vehicle = vehicleAt(ctx, file, line, plate);
    if (!vehicle) continue;
    const input = { vehicleId: vehicle.id, ...rates };
    const [existing] = await ctx.tx
      .select()
      .from(vehicleCostRates)
      .where(
        and(eq(vehicleCostRates.vehicleId, vehicle.id), eq(vehicleCostRates.validFrom, rates.validFrom)),
      );
    if (existing) {
      compare(ctx, { file, line }, rateColumns(existing), rateColumns(input));
      continue;
    }
    await attempt(ctx, { file, line }, async (db) => {
      await db.insert(vehicleCostRates).values(input);
      await db.insert(rateChanges).values({
        entity: 'vehicle_cost',
        municipalityId: vehicle.ownerMunicipalityId,
        changedBy: null,
        before: null,
        after: input,
      });
    });
  }
}

/** Tariffs by (municipality, valid_from), recorded in rate_changes like the cost rates. */
export async function writeTariffs(ctx: ImportContext, records: Parsed<typeof tariffRecord>[]) {
  const file = 'tariffs.csv';
  const towns = await municipalityIds(ctx);
  for (const r of records) {
    const municipalityId = towns.get(r.municipality);
    if (!municipalityId) {
      problem(ctx, file, r.line, 'municipality', unknownMunicipality(r.municipality));
      continue;
    }
    const input = { municipalityId, validFrom: r.validFrom, perHour: r.perHour, perKm: r.perKm };
    const [existing] = await ctx.tx
      .select()
      .from(municipalityTariffs)
      .where(
        and(
          eq(municipalityTariffs.municipalityId, municipalityId),
          eq(municipalityTariffs.validFrom, r.validFrom),
        ),
      );
    if (existing) {
      compare(
        ctx,
        { file, line: r.line },
        { per_hour: existing.perHour, per_km: existing.perKm },
        { per_hour: r.perHour, per_km: r.perKm },
      );
      continue;
    }
    await attempt(ctx, { file, line: r.line }, async (db) => {
      await db.insert(municipalityTariffs).values(input);
      await db
        .insert(rateChanges)
        .values({ entity: 'tariff', municipalityId, changedBy: null, before: null, after: input });
    });
  }
}

/**
 * People by e-mail (case-insensitive). They are written without a password: an imported person
 * signs in once invited or after "Passwort vergessen", like anyone the operator adds.
 */
export async function writePeople(ctx: ImportContext, records: Parsed<typeof personRecord>[]) {
  const file = 'people.csv';
  const towns = await municipalityIds(ctx);
  for (const r of records) {
    const municipalityId = r.municipality === null ? null : towns.get(r.municipality);
    if (municipalityId === undefined) {
      problem(ctx, file, r.line, 'municipality', unknownMunicipality(r.municipality ?? ''));
      markBroken(ctx, 'emails', r.email);
      continue;
    }
    const wanted = { name: r.name, municipality: municipalityId, role: r.role };
    const [existing] = await ctx.tx
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, r.email));
    if (existing) {
      compare(
        ctx,
        { file, line: r.line },
        { name: existing.name, municipality: existing.municipalityId, role: existing.role },
        wanted,
      );
      ctx.users.set(r.email, existing.id);
      continue;
    }
    const [row] =
      (await attempt(ctx, { file, line: r.line }, (db) =>
        db
          .insert(users)
          .values({ email: r.email, name: r.name, municipalityId, role: r.role })
          .returning({ id: users.id }),
      )) ?? [];
    if (row) ctx.users.set(r.email, row.id);
    else markBroken(ctx, 'emails', r.email);
  }
}

/** People the bookings name that are already in the database. */
export async function knownUsers(ctx: ImportContext, emails: readonly string[]) {
  const missing = [...new Set(emails)].filter((e) => !ctx.users.has(e));
  if (missing.length === 0) return;
  const rows = await ctx.tx
    .select({ id: users.id, email: sql<string>`lower(${users.email})` })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, missing));
  for (const u of rows) ctx.users.set(u.email, u.id);
}
