import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, driverInstructions } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { addMonths, regionToday } from '../compliance/due';
import { callerFor, makeMunicipality, makeUser } from '../test-support';

const database = testDatabaseForFile();
const today = () => regionToday(new Date(), 'Europe/Berlin');

describe('driver instruction (DGUV Vorschrift 70 § 35)', () => {
  it('is due a year later; the never instructed and the overdue lead the list; a foreign manager is refused', async () => {
    const { db } = database;
    const home = await makeMunicipality(db);
    const admin = callerFor(db, await makeUser(db, home, 'fleet_manager'));
    const instructed = await makeUser(db, home);
    const lapsed = await makeUser(db, home);
    const never = await makeUser(db, home);
    const record = (userId: string, instructedOn: string) =>
      admin.instructions.record({
        userId,
        instructedOn,
        instructedBy: 'Herr Vogt',
        topic: 'Unterweisung Dienstwagen',
      });
    const fresh = await record(instructed.id, today());
    expect(fresh.nextDue).toBe(addMonths(today(), 12));
    await record(lapsed.id, addMonths(today(), -13));
    const rows = await admin.instructions.overview();
    const stateOf = (id: string) => rows.find((row) => row.id === id)?.state;
    expect([stateOf(never.id), stateOf(lapsed.id), stateOf(instructed.id)]).toEqual([
      'missing',
      'overdue',
      'valid',
    ]);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.objectId, fresh.id));
    expect(entry).toMatchObject({ action: 'instruction.record', municipalityId: home.id });

    const foreign = callerFor(db, await makeUser(db, await makeMunicipality(db), 'fleet_manager'));
    await expect(
      foreign.instructions.record({
        userId: never.id,
        instructedOn: today(),
        instructedBy: 'Herr Vogt',
        topic: 'Unterweisung Dienstwagen',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.select().from(driverInstructions).where(eq(driverInstructions.userId, never.id))).toEqual(
      [],
    );
  });
});
