import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { vehicleBlocks, vehicleInspections, vehicles } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { assertMayManage, managedBy } from '../auth/scope';
import { endBlockNow } from '../bookings/block-end';
import { createBlock } from '../bookings/blocks';
import { AppError, invalidInput } from '../errors';
import { type Day, dueState, germanDay, regionToday } from './due';
import {
  firstInspectionDue,
  type InspectionResult,
  inspectionBlockWindow,
  inspectionDue,
} from './inspection-rules';

export interface InspectionRequest {
  vehicleId: string;
  inspectedOn: Day;
  inspector: string;
  result: InspectionResult;
  defects: string;
}

const resultText: Record<InspectionResult, string> = {
  passed: 'bestanden',
  passed_with_defects: 'bestanden mit Mängeln',
  failed: 'nicht bestanden',
};

async function managedCar(db: Db, manager: SessionUser, vehicleId: string) {
  const [car] = await db
    .select({ id: vehicles.id, plate: vehicles.plate, owner: vehicles.ownerMunicipalityId })
    .from(vehicles)
    .where(eq(vehicles.id, vehicleId));
  if (!car) throw invalidInput({ vehicleId: ['Dieses Fahrzeug gibt es nicht.'] });
  assertMayManage(manager, car.owner);
  return car;
}

/** When a car entered service: its commissioning, or else when it joined the fleet. */
export const inService = sql<Date>`coalesce(${vehicles.commissionedAt}, ${vehicles.createdAt})`.mapWith(
  vehicles.createdAt,
);

/** The car's latest inspection by its date (a late record of an older one does not count over it). */
async function latestInspection(db: Db, vehicleId: string) {
  const [latest] = await db
    .select()
    .from(vehicleInspections)
    .where(eq(vehicleInspections.vehicleId, vehicleId))
    .orderBy(desc(vehicleInspections.inspectedOn), desc(vehicleInspections.createdAt))
    .limit(1);
  return latest ?? null;
}

/**
 * Records a UVV inspection (DGUV Vorschrift 70 § 57). The newest inspection decides the car's
 * service: the blocks earlier inspections placed end now, and a new one is placed through the
 * block machinery — from the day after the next due date, or at once when the car failed — so
 * bookings in its way are moved to an equal car or cancelled and their bookers told, now rather
 * than on the due date. The record, its block and its audit entry are written together.
 */
export async function recordInspection(
  db: Db,
  manager: SessionUser,
  request: InspectionRequest,
  timeZone: string,
  now = new Date(),
) {
  const car = await managedCar(db, manager, request.vehicleId);
  const problems: Record<string, string[]> = {};
  if (request.inspectedOn > regionToday(now, timeZone))
    problems.inspectedOn = ['Das Datum der Prüfung darf nicht in der Zukunft liegen.'];
  const defects = request.defects.trim();
  if (request.result !== 'passed' && defects === '')
    problems.defects = ['Bitte die festgestellten Mängel beschreiben.'];
  if (Object.keys(problems).length > 0) throw invalidInput(problems);

  const nextDue = inspectionDue(request.inspectedOn);
  const latest = await latestInspection(db, car.id);
  const decides = latest === null || request.inspectedOn >= latest.inspectedOn;
  return db.transaction(async (tx) => {
    let placed: Awaited<ReturnType<typeof createBlock>> | null = null;
    if (decides) {
      for (const block of await openInspectionBlocks(tx, car.id, now)) await endBlockNow(tx, block, now);
      const window = inspectionBlockWindow(request.result, nextDue, now, timeZone);
      const reason =
        request.result === 'failed'
          ? `UVV-Prüfung am ${germanDay(request.inspectedOn)} nicht bestanden: ${defects}`
          : `UVV-Prüfung fällig seit ${germanDay(nextDue)}`;
      placed = await blockFor(tx, manager, { vehicleId: car.id, ...window, reason }, timeZone, now);
    }
    const [inspection] = await tx
      .insert(vehicleInspections)
      .values({
        vehicleId: car.id,
        inspectedOn: request.inspectedOn,
        inspector: request.inspector.trim(),
        result: request.result,
        defects: defects === '' ? null : defects,
        nextDue,
        blockId: placed?.block.id ?? null,
        recordedBy: manager.id,
      })
      .returning();
    if (!inspection) throw new Error('inspection insert returned no row');
    await recordAudit(tx, manager, {
      action: 'inspection.record',
      objectType: 'vehicle_inspection',
      objectId: inspection.id,
      municipalityId: car.owner,
      before: latest ? { plate: car.plate, result: latest.result, nextDue: latest.nextDue } : null,
      after: {
        plate: car.plate,
        inspectedOn: inspection.inspectedOn,
        inspector: inspection.inspector,
        result: resultText[inspection.result],
        defects: inspection.defects,
        nextDue,
        blockedFrom: placed?.block.startsAt ?? null,
        moved: placed?.moved ?? [],
        cancelled: placed?.cancelled ?? [],
      },
    });
    return {
      inspection,
      block: placed?.block ?? null,
      moved: placed?.moved ?? [],
      cancelled: placed?.cancelled ?? [],
    };
  });
}

/**
 * A block awaiting the car's next inspection that has not ended: one a record placed, or the first
 * of a car never inspected (server/compliance/first-inspection.ts). A block of kind inspection
 * placed by hand is an ordinary one: it ends by its time, not with a record.
 */
export const awaitsInspection = (now: Date) =>
  and(
    eq(vehicleBlocks.kind, 'inspection'),
    eq(vehicleBlocks.untilCleared, true),
    isNull(vehicleBlocks.cancelledAt),
    sql`${vehicleBlocks.endsAt} > ${now.toISOString()}::timestamptz`,
  );

/** The car's blocks awaiting its next inspection. */
export function openInspectionBlocks(db: Db, vehicleId: string, now: Date) {
  return db
    .select({ id: vehicleBlocks.id, vehicleId: vehicleBlocks.vehicleId, startsAt: vehicleBlocks.startsAt })
    .from(vehicleBlocks)
    .where(and(eq(vehicleBlocks.vehicleId, vehicleId), awaitsInspection(now)));
}

/** The inspection's block; another block already in that time is the manager's to settle first. */
async function blockFor(
  db: Db,
  manager: SessionUser,
  window: { vehicleId: string; from: Date; to: Date; reason: string },
  timeZone: string,
  now: Date,
) {
  try {
    return await createBlock(
      db,
      manager,
      { ...window, kind: 'inspection', confirm: true, untilCleared: true },
      timeZone,
      now,
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'BOOKING_CONFLICT')
      throw new AppError('INSPECTION_BLOCK_OVERLAPS', { cause: error });
    throw error;
  }
}

/** The caller's cars with their latest inspection and where it stands today, the most urgent first. */
export async function inspectionOverview(db: Db, manager: SessionUser, timeZone: string, now = new Date()) {
  const today = regionToday(now, timeZone);
  const latest = db
    .selectDistinctOn([vehicleInspections.vehicleId], {
      vehicleId: vehicleInspections.vehicleId,
      inspectedOn: vehicleInspections.inspectedOn,
      inspector: vehicleInspections.inspector,
      result: vehicleInspections.result,
      defects: vehicleInspections.defects,
      nextDue: vehicleInspections.nextDue,
    })
    .from(vehicleInspections)
    .orderBy(
      vehicleInspections.vehicleId,
      desc(vehicleInspections.inspectedOn),
      desc(vehicleInspections.createdAt),
    )
    .as('latest');
  const rows = await db
    .select({
      id: vehicles.id,
      plate: vehicles.plate,
      make: vehicles.make,
      model: vehicles.model,
      inspectedOn: latest.inspectedOn,
      inspector: latest.inspector,
      result: latest.result,
      defects: latest.defects,
      nextDue: latest.nextDue,
      inService,
    })
    .from(vehicles)
    .leftJoin(latest, eq(latest.vehicleId, vehicles.id))
    .where(and(ne(vehicles.status, 'retired'), managedBy(manager, vehicles.ownerMunicipalityId)))
    .orderBy(asc(latest.nextDue), asc(vehicles.plate));
  const urgency = { failed: 0, missing: 1, overdue: 2, due: 3, valid: 4 } as const;
  return rows
    .map(({ inService: enteredService, ...row }) => ({
      ...row,
      // Never inspected, it is due a year after it entered service and blocked from the day after.
      nextDue: row.nextDue ?? firstInspectionDue(enteredService, timeZone),
      state: row.result === 'failed' ? ('failed' as const) : dueState(row.nextDue, today),
    }))
    .sort((a, b) => urgency[a.state] - urgency[b.state]);
}

/** A car's inspections, newest first. */
export async function inspectionHistory(db: Db, manager: SessionUser, vehicleId: string) {
  const car = await managedCar(db, manager, vehicleId);
  const inspections = await db
    .select()
    .from(vehicleInspections)
    .where(eq(vehicleInspections.vehicleId, car.id))
    .orderBy(desc(vehicleInspections.inspectedOn), desc(vehicleInspections.createdAt));
  return { vehicle: { id: car.id, plate: car.plate }, inspections };
}
