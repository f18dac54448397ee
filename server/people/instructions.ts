import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { driverInstructions, municipalities, users } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { assertMayManageOrNotFound, managedBy } from '../auth/scope';
import { addMonths, type Day, dueState, regionToday } from '../compliance/due';
import { AppError, invalidInput } from '../errors';

/** DGUV Vorschrift 70 § 35: drivers are instructed at least once a year. */
export const INSTRUCTION_INTERVAL_MONTHS = 12;

export interface InstructionRequest {
  userId: string;
  instructedOn: Day;
  instructedBy: string;
  topic: string;
}

/** Records a driver's instruction and designation (Unterweisung), with its audit entry. */
export async function recordInstruction(
  db: Db,
  manager: SessionUser,
  request: InstructionRequest,
  timeZone: string,
  now = new Date(),
) {
  const [person] = await db
    .select({ id: users.id, name: users.name, municipalityId: users.municipalityId })
    .from(users)
    .where(and(eq(users.id, request.userId), inArray(users.role, ['staff', 'fleet_manager'])));
  const municipalityId = person?.municipalityId;
  assertMayManageOrNotFound(manager, municipalityId, 'PERSON_NOT_FOUND');
  if (!person) throw new AppError('PERSON_NOT_FOUND');
  if (request.instructedOn > regionToday(now, timeZone))
    throw invalidInput({ instructedOn: ['Das Datum der Unterweisung darf nicht in der Zukunft liegen.'] });
  const nextDue = addMonths(request.instructedOn, INSTRUCTION_INTERVAL_MONTHS);
  return db.transaction(async (tx) => {
    const [instruction] = await tx
      .insert(driverInstructions)
      .values({
        userId: person.id,
        instructedOn: request.instructedOn,
        instructedBy: request.instructedBy.trim(),
        topic: request.topic.trim(),
        nextDue,
        recordedBy: manager.id,
      })
      .returning();
    if (!instruction) throw new Error('instruction insert returned no row');
    await recordAudit(tx, manager, {
      action: 'instruction.record',
      objectType: 'driver_instruction',
      objectId: instruction.id,
      municipalityId,
      after: {
        person: person.name,
        instructedOn: instruction.instructedOn,
        instructedBy: instruction.instructedBy,
        topic: instruction.topic,
        nextDue,
      },
    });
    return instruction;
  });
}

/**
 * Everyone the caller manages with their latest instruction and its next due date, the most
 * urgent first (never instructed, overdue, due within a month).
 */
export async function instructionOverview(db: Db, manager: SessionUser, timeZone: string, now = new Date()) {
  const today = regionToday(now, timeZone);
  const latest = db
    .selectDistinctOn([driverInstructions.userId], {
      userId: driverInstructions.userId,
      instructedOn: driverInstructions.instructedOn,
      instructedBy: driverInstructions.instructedBy,
      topic: driverInstructions.topic,
      nextDue: driverInstructions.nextDue,
    })
    .from(driverInstructions)
    .orderBy(
      driverInstructions.userId,
      desc(driverInstructions.instructedOn),
      desc(driverInstructions.createdAt),
    )
    .as('latest');
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      municipality: municipalities.name,
      instructedOn: latest.instructedOn,
      instructedBy: latest.instructedBy,
      topic: latest.topic,
      nextDue: latest.nextDue,
    })
    .from(users)
    .innerJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .leftJoin(latest, eq(latest.userId, users.id))
    .where(and(inArray(users.role, ['staff', 'fleet_manager']), managedBy(manager, users.municipalityId)))
    .orderBy(asc(latest.nextDue), asc(users.name));
  const urgency = { missing: 0, overdue: 1, due: 2, valid: 3 } as const;
  return rows
    .map((row) => ({ ...row, state: dueState(row.nextDue, today) }))
    .sort((a, b) => urgency[a.state] - urgency[b.state]);
}
