/** What the wiring tests ask of the log: the entries of one object, or of one actor. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';

export const entriesOf = (db: Db, objectId: string) =>
  db.select().from(auditLog).where(eq(auditLog.objectId, objectId)).orderBy(asc(auditLog.seq));

/** Every test's actor is a person of its own, so their entries are theirs alone on a shared database. */
export const entriesBy = (db: Db, actorId: string) =>
  db.select().from(auditLog).where(eq(auditLog.actorId, actorId)).orderBy(asc(auditLog.seq));

/** The only entry of an object; fails when there are none or several. */
export async function onlyEntryOf(db: Db, objectId: string) {
  const entries = await entriesOf(db, objectId);
  if (entries.length !== 1) throw new Error(`expected one audit entry of ${objectId}, got ${entries.length}`);
  return entries[0] as (typeof entries)[number];
}
