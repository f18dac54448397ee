import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { SessionUser } from '../auth/queries';

/** Who did it: a person signed in, or the system itself (the scheduler, a migration of data). */
export type Actor = Pick<SessionUser, 'id' | 'name'> | { id: null; name: string };

/** The server acting on its own (a relay key for a command a gateway carries); the page names it in the reader's language. */
export const systemActor: Actor = { id: null, name: 'System' };

/** A plain picture of the object: what the reader of the log should see changed. */
export type Snapshot = Record<string, unknown>;

export interface AuditEntry {
  /** `area.verb`, e.g. `vehicle.retire`. */
  action: string;
  objectType: string;
  objectId: string;
  /** Whose part of the log it is; null for what belongs to the whole region (the fleet CA). */
  municipalityId: string | null;
  before?: Snapshot | null;
  after?: Snapshot | null;
}

/**
 * Writes one entry. Call it with the transaction that makes the change, so the change and its entry
 * are written together or not at all. Secrets (tokens, seeds) are never part of a snapshot.
 */
export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: actor.id,
    actorName: actor.name,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    municipalityId: entry.municipalityId,
    before: entry.before ? plain(entry.before) : null,
    after: entry.after ? plain(entry.after) : null,
  });
}

/** Dates as ISO text, byte arrays as hex: what JSON can hold and a reader can compare. */
function plain(snapshot: Snapshot): Snapshot {
  return JSON.parse(
    JSON.stringify(snapshot, (_key, value: unknown) =>
      value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value,
    ),
  );
}
