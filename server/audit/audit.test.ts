import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor, makeMunicipality, makeUser } from '../test-support';
import { recordAudit } from './record';

const database = testDatabaseForFile();
let a: Awaited<ReturnType<typeof makeMunicipality>>;
let b: Awaited<ReturnType<typeof makeMunicipality>>;
let managerA: Awaited<ReturnType<typeof makeUser>>;
let operator: Awaited<ReturnType<typeof makeUser>>;
const objectId = randomUUID();

beforeAll(async () => {
  a = await makeMunicipality(database.db);
  b = await makeMunicipality(database.db);
  managerA = await makeUser(database.db, a, 'fleet_manager');
  operator = await makeUser(database.db, null, 'operator');
  const entry = { action: 'vehicle.update', objectType: 'vehicle', objectId } as const;
  await recordAudit(database.db, managerA, {
    ...entry,
    municipalityId: a.id,
    before: { seats: 5, seen: new Date('2026-01-02T03:04:05Z') },
    after: { seats: 7, key: new Uint8Array([0xab, 0x01]) },
  });
  await recordAudit(database.db, operator, { ...entry, municipalityId: b.id, after: { seats: 2 } });
  await recordAudit(database.db, { id: null, name: 'System' }, { ...entry, municipalityId: null });
});

describe('the audit log', () => {
  it('keeps who, what, when, before and after as plain JSON', async () => {
    const [row] = await database.db.select().from(auditLog).where(eq(auditLog.municipalityId, a.id));
    expect(row).toMatchObject({
      actorId: managerA.id,
      actorName: managerA.name,
      action: 'vehicle.update',
      before: { seats: 5, seen: '2026-01-02T03:04:05.000Z' },
      after: { seats: 7, key: 'ab01' },
    });
    expect(row?.at).toBeInstanceOf(Date);
  });

  it('refuses UPDATE, DELETE and TRUNCATE to everyone, the application included', async () => {
    const refused = (statement: Promise<unknown>) =>
      statement.then(
        () => 'done',
        (error: unknown) => String((error as { cause?: Error }).cause?.message ?? error),
      );
    expect(await refused(database.db.update(auditLog).set({ actorName: 'Niemand' }))).toMatch(/append-only/);
    expect(await refused(database.db.delete(auditLog))).toMatch(/append-only/);
    expect(await refused(database.db.execute(sql`truncate audit_log`))).toMatch(/append-only/);
    const names = await database.db.select({ name: auditLog.actorName }).from(auditLog);
    expect(names.map((n) => n.name)).not.toContain('Niemand');
    expect(names.length).toBeGreaterThanOrEqual(3);
  });

  it('shows a fleet manager their municipality’s part and the operator all of it', async () => {
    const mine = await callerFor(database.db, managerA).audit.list({});
    expect(new Set(mine.entries.map((e) => e.municipalityId))).toEqual(new Set([a.id]));
    await expect(callerFor(database.db, managerA).audit.list({ municipalityId: b.id })).rejects.toMatchObject(
      {
        cause: { code: 'OTHER_MUNICIPALITY' },
      },
    );
    const all = await callerFor(database.db, operator).audit.list({ objectId });
    expect(all.entries.map((e) => e.municipalityId)).toEqual([null, b.id, a.id]);
  });

  it('pages newest first', async () => {
    const first = await callerFor(database.db, operator).audit.list({ objectId });
    const [newest, , oldest] = first.entries;
    const after = await callerFor(database.db, operator).audit.list({ objectId, beforeSeq: newest?.seq });
    expect(after.entries.map((e) => e.seq)).toEqual(first.entries.slice(1).map((e) => e.seq));
    expect(after.entries.at(-1)?.seq).toBe(oldest?.seq);
  });
});
