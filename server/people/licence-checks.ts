import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { licenceChecks, municipalities, users } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { assertMayManageOrNotFound, managedBy } from '../auth/scope';
import { policyOf } from '../bookings/policy-queries';
import { type Day, dueState, regionToday } from '../compliance/due';
import { AppError, invalidInput } from '../errors';
import { type LicenceClass, licenceValidUntil, parseRestrictions } from './licence-rules';

export interface LicenceCheckRequest {
  userId: string;
  checkedOn: Day;
  /** Who looked at the card; empty: the recording manager. */
  checkedByName: string;
  classes: LicenceClass[];
  cardExpiresOn: Day | null;
  /** Field 12, as typed: codes separated by commas. */
  restrictions: string;
}

/** People whose licence a check is about: staff and fleet managers of a municipality. */
async function managedPerson(db: Db, manager: SessionUser, userId: string) {
  const [person] = await db
    .select({
      id: users.id,
      name: users.name,
      municipalityId: users.municipalityId,
      validUntil: users.licenceCheckValidUntil,
    })
    .from(users)
    .where(and(eq(users.id, userId), inArray(users.role, ['staff', 'fleet_manager'])));
  const municipalityId = person?.municipalityId;
  assertMayManageOrNotFound(manager, municipalityId, 'PERSON_NOT_FOUND');
  if (!person) throw new AppError('PERSON_NOT_FOUND');
  return { ...person, municipalityId };
}

/**
 * Records a Führerscheinkontrolle and sets the person's licence gate to the next due date of
 * their latest check, in one transaction with its audit entry: a person refused a booking for
 * an expired check can book again at once. A check recorded late (older than the latest) is kept
 * in the history and leaves the gate as the latest check set it.
 */
export async function recordLicenceCheck(
  db: Db,
  manager: SessionUser,
  request: LicenceCheckRequest,
  timeZone: string,
  now = new Date(),
) {
  const person = await managedPerson(db, manager, request.userId);
  const problems: Record<string, string[]> = {};
  if (request.checkedOn > regionToday(now, timeZone))
    problems.checkedOn = ['Das Datum der Kontrolle darf nicht in der Zukunft liegen.'];
  if (request.cardExpiresOn !== null && request.cardExpiresOn < request.checkedOn)
    problems.cardExpiresOn = [
      'Der Führerschein war am Tag der Kontrolle abgelaufen; bitte die neue Karte prüfen.',
    ];
  const restrictions = parseRestrictions(request.restrictions);
  if ('invalid' in restrictions)
    problems.restrictions = [
      `Keine Schlüsselzahl: ${restrictions.invalid.map((code) => `„${code}“`).join(', ')}. Bitte Schlüsselzahlen aus Feld 12 wie 01.06, 78, 96 oder B96 durch Kommas getrennt angeben.`,
    ];
  if (Object.keys(problems).length > 0 || 'invalid' in restrictions) throw invalidInput(problems);

  const { licenceCheckIntervalMonths } = await policyOf(db, person.municipalityId);
  const validUntil = licenceValidUntil(request.checkedOn, licenceCheckIntervalMonths, request.cardExpiresOn);
  const byName = request.checkedByName.trim();
  return db.transaction(async (tx) => {
    const [check] = await tx
      .insert(licenceChecks)
      .values({
        userId: person.id,
        checkedOn: request.checkedOn,
        checkedById: byName === '' ? manager.id : null,
        checkedByName: byName === '' ? manager.name : byName,
        classes: [...new Set(request.classes)],
        cardExpiresOn: request.cardExpiresOn,
        restrictions: restrictions.codes,
        validUntil,
        recordedBy: manager.id,
      })
      .returning();
    if (!check) throw new Error('licence check insert returned no row');
    const [latest] = await tx
      .select({ validUntil: licenceChecks.validUntil })
      .from(licenceChecks)
      .where(eq(licenceChecks.userId, person.id))
      .orderBy(desc(licenceChecks.checkedOn), desc(licenceChecks.createdAt), desc(licenceChecks.id))
      .limit(1);
    const gate = latest?.validUntil ?? validUntil;
    await tx.update(users).set({ licenceCheckValidUntil: gate }).where(eq(users.id, person.id));
    await recordAudit(tx, manager, {
      action: 'licence.record',
      objectType: 'licence_check',
      objectId: check.id,
      municipalityId: person.municipalityId,
      before: { person: person.name, licenceCheckValidUntil: person.validUntil },
      after: {
        person: person.name,
        checkedOn: check.checkedOn,
        checkedBy: check.checkedByName,
        classes: check.classes,
        cardExpiresOn: check.cardExpiresOn,
        restrictions: check.restrictions,
        licenceCheckValidUntil: gate,
      },
    });
    return { check, validUntil: gate };
  });
}

/**
 * Everyone the caller manages with their licence gate and where it stands today (never checked,
 * overdue, due within a month, valid), the most urgent first.
 */
export async function licenceOverview(db: Db, manager: SessionUser, timeZone: string, now = new Date()) {
  const today = regionToday(now, timeZone);
  const lastChecks = db
    .select({
      userId: licenceChecks.userId,
      lastCheckedOn: max(licenceChecks.checkedOn).as('last_checked_on'),
    })
    .from(licenceChecks)
    .groupBy(licenceChecks.userId)
    .as('last_checks');
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      municipality: municipalities.name,
      validUntil: users.licenceCheckValidUntil,
      lastCheckedOn: lastChecks.lastCheckedOn,
    })
    .from(users)
    .innerJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .leftJoin(lastChecks, eq(lastChecks.userId, users.id))
    .where(and(inArray(users.role, ['staff', 'fleet_manager']), managedBy(manager, users.municipalityId)))
    .orderBy(asc(users.licenceCheckValidUntil), asc(users.name));
  const urgency = { missing: 0, overdue: 1, due: 2, valid: 3 } as const;
  return rows
    .map((row) => ({ ...row, state: dueState(row.validUntil, today) }))
    .sort((a, b) => urgency[a.state] - urgency[b.state]);
}

/** A person's checks, newest first, with their current gate: what the history page shows. */
export async function licenceHistory(db: Db, manager: SessionUser, userId: string) {
  const person = await managedPerson(db, manager, userId);
  const checks = await db
    .select()
    .from(licenceChecks)
    .where(eq(licenceChecks.userId, person.id))
    .orderBy(desc(licenceChecks.checkedOn), desc(licenceChecks.createdAt));
  return { person, checks };
}
