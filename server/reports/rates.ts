/**
 * Reading the cost model: a car's cost rates, a municipality's tariffs, the CO₂ factors and who
 * changed which of them when. Writing stays in service.ts (setTariff, setVehicleCosts, setCo2Factors).
 */
import { and, desc, eq, getTableColumns, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  co2Factors,
  municipalities,
  municipalityTariffs,
  rateChanges,
  users,
  vehicleCostRates,
  vehicles,
} from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { assertMayManage, assertMayManageOrNotFound } from '../auth/scope';
import { AppError } from '../errors';
import type { LocalDate } from './rules';

/**
 * Rows sorted newest first, each with the day its validity ends (exclusive): the next newer row's
 * start, or null while it is the current one.
 */
function withValidity<T extends { validFrom: LocalDate }>(newestFirst: readonly T[]) {
  return newestFirst.map((row, i) => ({ ...row, validUntil: newestFirst[i - 1]?.validFrom ?? null }));
}

/**
 * A car's cost rates, newest first. Its costs are its municipality's business: to anyone else the
 * car's rates do not exist, as for a car that does not exist.
 */
export async function vehicleCosts(db: Db, user: SessionUser, vehicleId: string) {
  const [vehicle] = await db
    .select({ owner: vehicles.ownerMunicipalityId })
    .from(vehicles)
    .where(eq(vehicles.id, vehicleId));
  assertMayManageOrNotFound(user, vehicle?.owner, 'VEHICLE_NOT_FOUND');
  const { id: _id, createdAt: _createdAt, ...columns } = getTableColumns(vehicleCostRates);
  const rows = await db
    .select(columns)
    .from(vehicleCostRates)
    .where(eq(vehicleCostRates.vehicleId, vehicleId))
    .orderBy(desc(vehicleCostRates.validFrom));
  return withValidity(rows);
}

/**
 * A municipality's tariffs, newest first. Every fleet manager may read every municipality's: a
 * tariff is the price another municipality pays for its staff's trips (product.md, Settlement),
 * so the payer must be able to check the rate it is charged at. Only the owner sets it.
 */
export async function tariffs(db: Db, municipalityId: string) {
  const [municipality] = await db
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  if (!municipality) throw new AppError('MUNICIPALITY_NOT_FOUND');
  const rows = await db
    .select({
      municipalityId: municipalityTariffs.municipalityId,
      validFrom: municipalityTariffs.validFrom,
      perHour: municipalityTariffs.perHour,
      perKm: municipalityTariffs.perKm,
    })
    .from(municipalityTariffs)
    .where(eq(municipalityTariffs.municipalityId, municipalityId))
    .orderBy(desc(municipalityTariffs.validFrom));
  return withValidity(rows);
}

/** The region's CO₂ factors, newest first: every manager's figures use them, so every manager reads them. */
export async function co2FactorRows(db: Db) {
  const rows = await db
    .select({
      validFrom: co2Factors.validFrom,
      referenceGPerKm: co2Factors.referenceGPerKm,
      electricityGPerKm: co2Factors.electricityGPerKm,
    })
    .from(co2Factors)
    .orderBy(desc(co2Factors.validFrom));
  return withValidity(rows);
}

/** Keys of a recorded rate that say which rate it is, not what it costs. */
const identity = new Set(['id', 'createdAt', 'vehicleId', 'municipalityId', 'validFrom']);

/** The values that changed from `before` to `after` (all of them when the rate was new), by field name. */
export function changesOf(before: unknown, after: unknown) {
  const was = (before ?? {}) as Record<string, unknown>;
  const is = (after ?? {}) as Record<string, unknown>;
  // jsonb keeps its own key order; by name, the same rate's fields come in the same order every time.
  return Object.keys(is)
    .sort()
    .filter((field) => !identity.has(field) && (before === null || was[field] !== is[field]))
    .map((field) => ({
      field,
      before: before === null ? null : (was[field] ?? null),
      after: is[field] ?? null,
    }));
}

/**
 * Who changed which rate when, newest first, with what changed from → to. A fleet manager reads
 * their own municipality's (the default); the operator any one, or all without one. The region's
 * CO₂ changes come with every municipality's history: they change every municipality's figures.
 */
export async function rateHistory(
  db: Db,
  user: SessionUser,
  input: { municipalityId?: string | undefined; limit: number },
) {
  const municipalityId = input.municipalityId ?? (user.role === 'operator' ? null : user.municipalityId);
  let scope: SQL | undefined;
  if (municipalityId) {
    assertMayManage(user, municipalityId);
    scope = or(eq(rateChanges.municipalityId, municipalityId), isNull(rateChanges.municipalityId));
  } else if (user.role !== 'operator') throw new AppError('OTHER_MUNICIPALITY');
  const rows = await db
    .select({
      id: rateChanges.id,
      entity: rateChanges.entity,
      municipalityId: rateChanges.municipalityId,
      changedAt: rateChanges.changedAt,
      changedById: rateChanges.changedBy,
      changedByName: users.name,
      vehicleId: vehicles.id,
      vehiclePlate: vehicles.plate,
      before: rateChanges.before,
      after: rateChanges.after,
    })
    .from(rateChanges)
    .leftJoin(users, eq(users.id, rateChanges.changedBy))
    .leftJoin(
      vehicles,
      and(
        eq(rateChanges.entity, 'vehicle_cost'),
        sql`${vehicles.id} = (${rateChanges.after}->>'vehicleId')::uuid`,
      ),
    )
    .where(scope)
    .orderBy(desc(rateChanges.changedAt), desc(rateChanges.id))
    .limit(input.limit);
  return rows.map(({ before, after, ...row }) => ({
    ...row,
    validFrom: String((after as { validFrom?: unknown }).validFrom ?? ''),
    changes: changesOf(before, after),
  }));
}
