import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  co2Factors,
  municipalities,
  municipalityTariffs,
  rateChanges,
  vehicleCostRates,
  vehicles,
} from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { assertMayManage, mayManage } from '../auth/scope';
import { AppError, invalidInput } from '../errors';
import {
  bookingsAmong,
  bookingsStartingIn,
  findPeriod,
  type Grouping,
  insertFrozen,
  lastFrozenPeriod,
  liveCharges,
  type SettlementLine,
  settledSoFar,
  stationFigures,
  storedLines,
} from './queries';
import { vehicleFigures } from './rollups';
import { figureRules, type LocalDate, monthOf, periodBounds } from './rules';

/** Groupings that show single cars or stations: a fleet manager sees them for their own municipality only. */
const detailed: readonly Grouping[] = ['station', 'vehicle'];

export async function figures(
  db: Db,
  user: SessionUser,
  input: { from: LocalDate; to: LocalDate; groupBy: Grouping; municipalityId?: string | undefined },
  zone: string,
) {
  const municipalityId =
    input.municipalityId ?? (detailed.includes(input.groupBy) ? user.municipalityId : null);
  if (detailed.includes(input.groupBy) && user.role !== 'operator') {
    if (!municipalityId) throw new AppError('OTHER_MUNICIPALITY');
    assertMayManage(user, municipalityId);
  }
  const { start, end } = periodBounds(input.from, input.to, zone);
  const query = { start, end, from: input.from, to: input.to, zone, groupBy: input.groupBy, municipalityId };
  const stationScope = user.role === 'operator' ? municipalityId : user.municipalityId;
  return {
    start,
    end,
    rules: figureRules,
    rows: await vehicleFigures(db, query),
    stations: await stationFigures(db, { start, end, municipalityId: stationScope }),
  };
}

/**
 * A month's settlement: a frozen month as stored; the next open month live, with the corrections
 * of bookings of frozen months whose worth changed since. Months are frozen in order, so the next
 * open month is the one after the last frozen.
 */
export async function settlementLinesOf(db: Db, month: LocalDate, zone: string): Promise<SettlementLine[]> {
  const first = monthOf(month).first;
  const frozen = await findPeriod(db, first);
  if (frozen) return storedLines(db, frozen.id);
  const { start, end } = periodBounds(first, monthOf(first).next, zone);
  const charges = await liveCharges(db, zone, bookingsStartingIn(start, end));
  const last = await lastFrozenPeriod(db);
  if (!last || monthOf(last.month).next !== first) return charges;
  const settled = await settledSoFar(db);
  const now = new Map(
    (await liveCharges(db, zone, bookingsAmong(settled.map((s) => s.bookingId)))).map((line) => [
      line.bookingId,
      line,
    ]),
  );
  const corrections = settled.flatMap((was): SettlementLine[] => {
    const is = now.get(was.bookingId);
    const delta = {
      hours: (is?.hours ?? 0) - was.hours,
      km: Math.round(((is?.km ?? 0) - was.km) * 10) / 10,
      amount: Math.round(((is?.amount ?? 0) - was.amount) * 100) / 100,
    };
    if (delta.amount === 0 && delta.km === 0 && Math.abs(delta.hours) < 1e-9) return [];
    const pair = is ?? was;
    return [
      {
        bookingId: was.bookingId,
        kind: 'correction',
        driverMunicipalityId: pair.driverMunicipalityId,
        ownerMunicipalityId: pair.ownerMunicipalityId,
        ...delta,
        ...(is?.tariffMissing ? { tariffMissing: true as const } : {}),
      },
    ];
  });
  return [...charges, ...corrections];
}

/** The matrix driver × owner (hours, km, amount) and the net between each pair. */
export function matrixOf(lines: readonly SettlementLine[]) {
  const cells = new Map<
    string,
    {
      driverMunicipalityId: string;
      ownerMunicipalityId: string;
      hours: number;
      km: number;
      amount: number;
      /** Present only when some of the cell's lines were charged nothing for want of a tariff. */
      linesWithoutTariff?: number;
    }
  >();
  for (const line of lines) {
    const key = `${line.driverMunicipalityId}>${line.ownerMunicipalityId}`;
    const cell = cells.get(key) ?? {
      driverMunicipalityId: line.driverMunicipalityId,
      ownerMunicipalityId: line.ownerMunicipalityId,
      hours: 0,
      km: 0,
      amount: 0,
    };
    cell.hours += line.hours;
    if (line.tariffMissing) cell.linesWithoutTariff = (cell.linesWithoutTariff ?? 0) + 1;
    cell.km = Math.round((cell.km + line.km) * 10) / 10;
    cell.amount = Math.round((cell.amount + line.amount) * 100) / 100;
    cells.set(key, cell);
  }
  const matrix = [...cells.values()];
  const net = new Map<string, { a: string; b: string; aOwesB: number }>();
  for (const cell of matrix) {
    const [a, b] = [cell.driverMunicipalityId, cell.ownerMunicipalityId].sort() as [string, string];
    const pair = net.get(`${a}|${b}`) ?? { a, b, aOwesB: 0 };
    pair.aOwesB =
      Math.round((pair.aOwesB + (cell.driverMunicipalityId === a ? cell.amount : -cell.amount)) * 100) / 100;
    net.set(`${a}|${b}`, pair);
  }
  return { matrix, net: [...net.values()] };
}

/** The matrix for every manager (municipality totals); the lines behind it only of pairs the caller manages. */
export async function settlement(db: Db, user: SessionUser, month: LocalDate, zone: string) {
  const lines = await settlementLinesOf(db, month, zone);
  const frozen = await findPeriod(db, monthOf(month).first);
  return {
    month: monthOf(month).first,
    frozen: frozen !== null,
    ...matrixOf(lines),
    lines: lines.filter(
      (l) => mayManage(user, l.driverMunicipalityId) || mayManage(user, l.ownerMunicipalityId),
    ),
  };
}

export async function freezeMonth(
  db: Db,
  user: SessionUser,
  month: LocalDate,
  zone: string,
  now = new Date(),
) {
  const { first, next } = monthOf(month);
  if (await findPeriod(db, first)) throw new AppError('SETTLEMENT_FROZEN');
  if (periodBounds(first, next, zone).end > now) throw new AppError('SETTLEMENT_MONTH_OPEN');
  const lines = await settlementLinesOf(db, first, zone);
  // A line without a tariff would be frozen at 0 €; the month waits until the tariff is there.
  if (lines.some((line) => line.tariffMissing)) throw new AppError('SETTLEMENT_TARIFF_MISSING');
  const last = await lastFrozenPeriod(db);
  if (last && monthOf(last.month).next !== first) throw new AppError('SETTLEMENT_OUT_OF_ORDER');
  return db.transaction(async (tx) => {
    const period = await insertFrozen(tx, first, user.id, lines);
    const amount = Math.round(lines.reduce((sum, line) => sum + line.amount, 0) * 100) / 100;
    await recordAudit(tx, user, {
      ...rateEntry('settlement.freeze', 'settlement', period.id, null),
      after: { month: period.month, lines: lines.length, amount },
    });
    return { month: period.month, lines: lines.length };
  });
}

type Money = number;
export interface TariffInput {
  municipalityId: string;
  validFrom: LocalDate;
  perHour: Money;
  perKm: Money;
}

/** Set (or replace) a tariff from a date; the change is recorded with who and when. */
export async function setTariff(db: Db, user: SessionUser, input: TariffInput) {
  assertMayManage(user, input.municipalityId);
  const [municipality] = await db
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(eq(municipalities.id, input.municipalityId));
  if (!municipality) throw invalidInput({ municipalityId: ['Diese Kommune gibt es nicht.'] });
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(municipalityTariffs)
      .where(
        and(
          eq(municipalityTariffs.municipalityId, input.municipalityId),
          eq(municipalityTariffs.validFrom, input.validFrom),
        ),
      );
    const [after] = await tx
      .insert(municipalityTariffs)
      .values(input)
      .onConflictDoUpdate({
        target: [municipalityTariffs.municipalityId, municipalityTariffs.validFrom],
        set: { perHour: input.perHour, perKm: input.perKm },
      })
      .returning();
    await tx.insert(rateChanges).values({
      entity: 'tariff',
      municipalityId: input.municipalityId,
      changedBy: user.id,
      before: before ?? null,
      after: input,
    });
    if (!after) throw new Error('tariff not recorded');
    await recordAudit(tx, user, {
      ...rateEntry('tariff.set', 'tariff', after.id, input.municipalityId),
      before: before ? rateSnapshot(before) : null,
      after: rateSnapshot(after),
    });
    return after;
  });
}

export type VehicleCostInput = Omit<typeof vehicleCostRates.$inferInsert, 'id' | 'createdAt'>;

export async function setVehicleCosts(db: Db, user: SessionUser, input: VehicleCostInput) {
  const [vehicle] = await db
    .select({ owner: vehicles.ownerMunicipalityId })
    .from(vehicles)
    .where(eq(vehicles.id, input.vehicleId));
  if (!vehicle) throw new AppError('VEHICLE_NOT_FOUND');
  assertMayManage(user, vehicle.owner);
  const { vehicleId, validFrom, ...rates } = input;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(vehicleCostRates)
      .where(and(eq(vehicleCostRates.vehicleId, vehicleId), eq(vehicleCostRates.validFrom, validFrom)));
    const [after] = await tx
      .insert(vehicleCostRates)
      .values(input)
      .onConflictDoUpdate({ target: [vehicleCostRates.vehicleId, vehicleCostRates.validFrom], set: rates })
      .returning();
    await tx.insert(rateChanges).values({
      entity: 'vehicle_cost',
      municipalityId: vehicle.owner,
      changedBy: user.id,
      before: before ?? null,
      after: input,
    });
    if (!after) throw new Error('vehicle costs not recorded');
    await recordAudit(tx, user, {
      ...rateEntry('vehiclecost.set', 'vehicle_cost', after.id, vehicle.owner),
      before: before ? rateSnapshot(before) : null,
      after: rateSnapshot(after),
    });
    return after;
  });
}

export async function setCo2Factors(
  db: Db,
  user: SessionUser,
  input: { validFrom: LocalDate; referenceGPerKm: number; electricityGPerKm: number },
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(co2Factors).where(eq(co2Factors.validFrom, input.validFrom));
    const [after] = await tx
      .insert(co2Factors)
      .values(input)
      .onConflictDoUpdate({
        target: co2Factors.validFrom,
        set: { referenceGPerKm: input.referenceGPerKm, electricityGPerKm: input.electricityGPerKm },
      })
      .returning();
    await tx
      .insert(rateChanges)
      .values({ entity: 'co2', changedBy: user.id, before: before ?? null, after: input });
    if (!after) throw new Error('CO2 factors not recorded');
    // Region-wide: the operator's part of the log.
    await recordAudit(tx, user, {
      ...rateEntry('emission.set', 'co2_factors', after.id, null),
      before: before ? rateSnapshot(before) : null,
      after: rateSnapshot(after),
    });
    return after;
  });
}

const rateEntry = (action: string, objectType: string, objectId: string, municipalityId: string | null) => ({
  action,
  objectType,
  objectId,
  municipalityId,
});

/** A rate row as the audit log shows it: its values, without the row's own bookkeeping. */
function rateSnapshot<T extends { id: string; createdAt?: Date }>(row: T) {
  const { id: _id, createdAt: _createdAt, ...values } = row;
  return values;
}
