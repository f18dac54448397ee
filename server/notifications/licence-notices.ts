import { and, eq, gte, inArray, isNotNull, lte, ne, notExists } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { licenceExpiryNotices, users } from '@/db/schema';
import type { Env } from '../env';
import { notify } from './outbox';

export type LicenceNoticeSettings = {
  /** How many days before the last valid day the notice goes out (env LICENCE_NOTICE_DAYS). */
  leadDays: number;
  /** The region's zone: "today" is the region's date, as the licence gate reckons it. */
  timeZone: string;
  /** Only these people (tests on a shared database); unset in the app. */
  scope?: { userIds: readonly string[] };
};

export const licenceNoticeSettings = (config: Pick<Env, 'LICENCE_NOTICE_DAYS' | 'TIME_ZONE'>) => ({
  leadDays: config.LICENCE_NOTICE_DAYS,
  timeZone: config.TIME_ZONE,
});

const regionDate = (now: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );

/** "YYYY-MM-DD" plus whole days, on the calendar (no clock, so no DST step). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Tells each person whose licence check runs out within the lead days, and their municipality's
 * fleet managers, that bookings after that day will be blocked: once per person and expiry date.
 * Safe on several instances at once, as the reminders are: the notice row is the conditional write
 * (its primary key lets one insert win), and the mails are queued in the same transaction.
 * Returns how many people were told.
 */
export function sendLicenceExpiryNotices(
  db: Db,
  now: Date,
  settings: LicenceNoticeSettings,
): Promise<number> {
  const today = regionDate(now, settings.timeZone);
  const last = addDays(today, settings.leadDays);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ userId: users.id, validUntil: users.licenceCheckValidUntil })
      .from(users)
      .where(
        and(
          isNotNull(users.licenceCheckValidUntil),
          gte(users.licenceCheckValidUntil, today),
          lte(users.licenceCheckValidUntil, last),
          settings.scope ? inArray(users.id, [...settings.scope.userIds]) : undefined,
          notExists(
            tx
              .select({ userId: licenceExpiryNotices.userId })
              .from(licenceExpiryNotices)
              .where(
                and(
                  eq(licenceExpiryNotices.userId, users.id),
                  eq(licenceExpiryNotices.validUntil, users.licenceCheckValidUntil),
                ),
              ),
          ),
        ),
      );
    const candidates = due.flatMap(({ userId, validUntil }) =>
      validUntil ? [{ userId, validUntil, noticedAt: now }] : [],
    );
    if (candidates.length === 0) return 0;
    const won = await tx
      .insert(licenceExpiryNotices)
      .values(candidates)
      .onConflictDoNothing()
      .returning({ userId: licenceExpiryNotices.userId, validUntil: licenceExpiryNotices.validUntil });
    for (const { userId, validUntil } of won) await tellPersonAndManagers(tx, userId, validUntil);
    return won.length;
  });
}

async function tellPersonAndManagers(db: Db, userId: string, validUntil: string) {
  const [person] = await db
    .select({ id: users.id, name: users.name, email: users.email, municipalityId: users.municipalityId })
    .from(users)
    .where(eq(users.id, userId));
  if (!person) return;
  const { municipalityId, ...named } = person;
  const managers = municipalityId
    ? await db
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.role, 'fleet_manager'),
            eq(users.municipalityId, municipalityId),
            ne(users.id, person.id),
          ),
        )
    : [];
  for (const recipientId of [person.id, ...managers.map((manager) => manager.id)])
    await notify(db, { kind: 'licence_expiring', recipientId, person: named, validUntil });
}
