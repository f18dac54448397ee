import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notifications, users } from '@/db/schema';
import { openTestDatabase, testDatabaseForFile } from '@/db/test-db';
import { calendarOptions } from '../calendar/test-support';
import { readEnv } from '../env';
import { makeMunicipality, makeUser } from '../test-support';
import { addDays, licenceNoticeSettings, sendLicenceExpiryNotices } from './licence-notices';
import type { MailContext } from './message';
import { recordingMailer } from './recording-mailer';
import { sendDueNotifications } from './worker';

const database = testDatabaseForFile();
const context: MailContext = calendarOptions;
const now = new Date('2026-12-01T22:30:00Z'); // 23:30 on 1 December in Berlin
const today = '2026-12-01';

async function setting(validUntil: string) {
  const { db } = database;
  const home = await makeMunicipality(db);
  const person = await makeUser(db, home);
  const manager = await makeUser(db, home, 'fleet_manager');
  const secondManager = await makeUser(db, home, 'fleet_manager');
  const elsewhere = await makeUser(db, await makeMunicipality(db), 'fleet_manager');
  await db.update(users).set({ licenceCheckValidUntil: validUntil }).where(eq(users.id, person.id));
  const everyone = [person.id, manager.id, secondManager.id, elsewhere.id];
  const settings = { leadDays: 14, timeZone: 'Europe/Berlin', scope: { userIds: everyone } };
  return { db, person, manager, secondManager, elsewhere, everyone, settings };
}

const settingsFrom = (variables: Record<string, string>): NodeJS.ProcessEnv => ({
  NODE_ENV: 'test',
  ...variables,
});

const queued = (recipientIds: string[]) =>
  database.db.select().from(notifications).where(inArray(notifications.recipientId, recipientIds));

async function sendAll(recipientIds: string[]) {
  const { mailer: recording, sent } = recordingMailer();
  await sendDueNotifications(database.db, recording, context, {
    now: new Date(Date.now() + 1000),
    scope: { recipientIds },
  });
  return sent;
}

describe('licence check expiry notice', () => {
  it('tells the person and their fleet managers, 14 days ahead, once per expiry date', async () => {
    const { db, person, manager, secondManager, elsewhere, everyone, settings } = await setting(
      addDays(today, 14),
    );
    expect(await sendLicenceExpiryNotices(db, now, settings)).toBe(1);
    expect(await sendLicenceExpiryNotices(db, now, settings)).toBe(0);
    expect(await sendLicenceExpiryNotices(db, new Date(now.getTime() + 86_400_000), settings)).toBe(0);
    const rows = await queued(everyone);
    expect(rows.map((row) => row.recipientId).sort()).toEqual(
      [person.id, manager.id, secondManager.id].sort(),
    );
    expect(rows.every((row) => row.kind === 'licence_expiring' && row.bookingId === null)).toBe(true);

    const sent = await sendAll(everyone);
    expect(sent).toHaveLength(3);
    const own = sent.find((mail) => mail.to.email === person.email);
    expect(own?.subject).toBe('Ihre Führerscheinkontrolle läuft am 15.12.2026 ab');
    expect(own?.text).toContain('Ihre Buchungen nach diesem Tag werden gesperrt');
    const toManager = sent.find((mail) => mail.to.email === manager.email);
    expect(toManager?.subject).toBe(`Führerscheinkontrolle von ${person.name} läuft am 15.12.2026 ab`);
    expect(toManager?.text).toContain(person.email);
    expect(toManager?.text).toContain(`/fuhrpark/fuehrerscheine?person=${person.id}`);
    expect(sent.some((mail) => mail.to.email === elsewhere.email)).toBe(false);

    // A renewed check that runs out later is told again, in its own time.
    await db.update(users).set({ licenceCheckValidUntil: '2027-06-30' }).where(eq(users.id, person.id));
    expect(await sendLicenceExpiryNotices(db, new Date('2027-06-15T08:00:00Z'), settings)).toBe(0);
    expect(await sendLicenceExpiryNotices(db, new Date('2027-06-16T08:00:00Z'), settings)).toBe(1);
  });

  it('waits until the lead time and skips checks already run out or not recorded', async () => {
    const early = await setting(addDays(today, 15));
    expect(await sendLicenceExpiryNotices(early.db, now, early.settings)).toBe(0);
    expect(await sendLicenceExpiryNotices(early.db, now, { ...early.settings, leadDays: 30 })).toBe(1);
    const expired = await setting(addDays(today, -1));
    expect(await sendLicenceExpiryNotices(expired.db, now, expired.settings)).toBe(0);
    const unknown = await setting(addDays(today, 3));
    await unknown.db
      .update(users)
      .set({ licenceCheckValidUntil: null })
      .where(eq(users.id, unknown.person.id));
    expect(await sendLicenceExpiryNotices(unknown.db, now, unknown.settings)).toBe(0);
    expect(await queued([...expired.everyone, ...unknown.everyone])).toEqual([]);
  });

  it('counts days from the region’s date, not the server’s', async () => {
    // 00:30 on 2 December in Berlin is still 1 December in UTC: the 16th is 14 days from the region's
    // today (in reach), 15 from the server's.
    const { db, settings } = await setting('2026-12-16');
    expect(await sendLicenceExpiryNotices(db, new Date('2026-12-01T23:30:00Z'), settings)).toBe(1);
  });

  it('sends once when several instances run the job at the same moment', async () => {
    const { db, everyone, settings } = await setting(addDays(today, 7));
    const second = database.engine === 'postgres' ? await openTestDatabase() : database;
    try {
      const runs = await Promise.all([
        sendLicenceExpiryNotices(db, now, settings),
        sendLicenceExpiryNotices(second.db, now, settings),
        sendLicenceExpiryNotices(db, now, settings),
      ]);
      expect(runs.reduce((sum, n) => sum + n, 0)).toBe(1);
    } finally {
      if (second !== database) await second.close();
    }
    expect(await queued(everyone)).toHaveLength(3);
  });

  it('takes its lead time from LICENCE_NOTICE_DAYS, 14 unless set', () => {
    expect(licenceNoticeSettings(readEnv(settingsFrom({})))).toEqual({
      leadDays: 14,
      timeZone: 'Europe/Berlin',
    });
    expect(licenceNoticeSettings(readEnv(settingsFrom({ LICENCE_NOTICE_DAYS: '30' }))).leadDays).toBe(30);
    expect(() => readEnv(settingsFrom({ LICENCE_NOTICE_DAYS: '0' }))).toThrow('LICENCE_NOTICE_DAYS');
  });
});
