import { aliasedTable, and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, damagePhotos, damageReports, damageStateChanges, users, vehicles } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { assertMayManageOrNotFound, managedBy } from '../auth/scope';
import { endDamageBlocks } from '../bookings/damage-block';
import { lockVehicleSchedule, writeSchedule } from '../bookings/schedule';
import { AppError, invalidInput } from '../errors';
import { blocksHeldByOpenReports, blocksOfDamage } from './queries';
import { type DamageState, damageStep, isOpenDamage, statesAfter } from './states';

/** The most reports one list shows; the filters narrow it down. */
const LIST_LIMIT = 500;

const vehicleColumns = { id: vehicles.id, plate: vehicles.plate, make: vehicles.make, model: vehicles.model };

/** The damage reports of the manager's cars (the operator: all), newest first, by state and car. */
export function listDamages(
  db: Db,
  manager: SessionUser,
  filter: { state?: DamageState | undefined; vehicleId?: string | undefined },
) {
  return db
    .select({
      id: damageReports.id,
      description: damageReports.description,
      drivable: damageReports.drivable,
      state: damageReports.state,
      createdAt: damageReports.createdAt,
      reporter: users.name,
      vehicle: vehicleColumns,
    })
    .from(damageReports)
    .innerJoin(vehicles, eq(vehicles.id, damageReports.vehicleId))
    .leftJoin(users, eq(users.id, damageReports.reporterId))
    .where(
      and(
        managedBy(manager, vehicles.ownerMunicipalityId),
        filter.state ? eq(damageReports.state, filter.state) : undefined,
        filter.vehicleId ? eq(damageReports.vehicleId, filter.vehicleId) : undefined,
      ),
    )
    .orderBy(desc(damageReports.createdAt))
    .limit(LIST_LIMIT);
}

/** The report's car and owner; another municipality's report is, to this manager, one that does not exist. */
async function managedDamage(db: Db, manager: SessionUser, damageId: string) {
  const [row] = await db
    .select({
      id: damageReports.id,
      state: damageReports.state,
      vehicleId: damageReports.vehicleId,
      owner: vehicles.ownerMunicipalityId,
    })
    .from(damageReports)
    .innerJoin(vehicles, eq(vehicles.id, damageReports.vehicleId))
    .where(eq(damageReports.id, damageId));
  assertMayManageOrNotFound(manager, row?.owner, 'DAMAGE_NOT_FOUND');
  if (!row) throw new AppError('DAMAGE_NOT_FOUND');
  return row;
}

const reporters = aliasedTable(users, 'reporter');
const bookers = aliasedTable(users, 'booker');

/** One report with its car, booking, reporter, photos, block and history, and the steps it may take. */
export async function damageDetail(db: Db, manager: SessionUser, damageId: string) {
  await managedDamage(db, manager, damageId);
  const [report] = await db
    .select({
      id: damageReports.id,
      description: damageReports.description,
      drivable: damageReports.drivable,
      state: damageReports.state,
      createdAt: damageReports.createdAt,
      vehicle: vehicleColumns,
      booking: {
        id: bookings.id,
        startsAt: bookings.startsAt,
        endsAt: bookings.endsAt,
        status: bookings.status,
      },
      booker: bookers.name,
      reporter: { name: reporters.name, email: reporters.email },
    })
    .from(damageReports)
    .innerJoin(vehicles, eq(vehicles.id, damageReports.vehicleId))
    .leftJoin(bookings, eq(bookings.id, damageReports.bookingId))
    .leftJoin(bookers, eq(bookers.id, bookings.userId))
    .leftJoin(reporters, eq(reporters.id, damageReports.reporterId))
    .where(eq(damageReports.id, damageId));
  if (!report) throw new AppError('DAMAGE_NOT_FOUND');
  const [photos, history, blocks] = await Promise.all([
    db
      .select({ id: damagePhotos.id, width: damagePhotos.width, height: damagePhotos.height })
      .from(damagePhotos)
      .where(eq(damagePhotos.damageId, damageId))
      .orderBy(asc(damagePhotos.createdAt)),
    db
      .select({
        id: damageStateChanges.id,
        fromState: damageStateChanges.fromState,
        toState: damageStateChanges.toState,
        note: damageStateChanges.note,
        at: damageStateChanges.at,
        actor: users.name,
      })
      .from(damageStateChanges)
      .leftJoin(users, eq(users.id, damageStateChanges.actorId))
      .where(eq(damageStateChanges.damageId, damageId))
      .orderBy(asc(damageStateChanges.at), asc(damageStateChanges.id)),
    blocksOfDamage(db, damageId),
  ]);
  return { ...report, photos, history, blocks, nextStates: statesAfter(report.state) };
}

/**
 * One step of a report, with the manager's note, kept in its history and the audit log. Closing a
 * report (repaired, rejected) ends the damage block it placed, so the car is bookable again. The
 * car's lock first, as every schedule write; a refused step writes nothing.
 */
export async function changeDamageState(
  db: Db,
  manager: SessionUser,
  input: { id: string; state: DamageState; note?: string | undefined },
  now = new Date(),
) {
  const damage = await managedDamage(db, manager, input.id);
  return writeSchedule(db, async (tx) => {
    await lockVehicleSchedule(tx, damage.vehicleId);
    const [current] = await tx
      .select({ state: damageReports.state })
      .from(damageReports)
      .where(eq(damageReports.id, damage.id))
      .for('update');
    if (!current) throw new AppError('DAMAGE_NOT_FOUND');
    const step = damageStep(current.state, input.state);
    if (!step.ok) throw invalidInput({ state: [step.reason] });
    const note = input.note?.trim() || null;
    await tx.update(damageReports).set({ state: input.state }).where(eq(damageReports.id, damage.id));
    await tx.insert(damageStateChanges).values({
      damageId: damage.id,
      fromState: current.state,
      toState: input.state,
      actorId: manager.id,
      note,
      at: now,
    });
    // Closed: the blocks no other open report holds end, and the car is bookable again.
    let ended: string[] = [];
    if (!isOpenDamage(input.state)) {
      const held = (await blocksOfDamage(tx, damage.id)).map((block) => block.id);
      const kept = new Set(await blocksHeldByOpenReports(tx, held, damage.id));
      ended = held.filter((id) => !kept.has(id));
      await endDamageBlocks(tx, ended, now);
    }
    await recordAudit(tx, manager, {
      action: 'damage.state',
      objectType: 'damage_report',
      objectId: damage.id,
      municipalityId: damage.owner,
      before: { state: current.state },
      after: { state: input.state, note, ...(ended.length > 0 ? { blocksEnded: ended } : {}) },
    });
    return { id: damage.id, state: input.state };
  });
}
