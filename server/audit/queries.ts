import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { assertMayManage, managedBy } from '../auth/scope';

export const AUDIT_PAGE = 50;

export interface AuditFilter {
  municipalityId?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  /** Entries written before this one (the page after the one the reader has). */
  beforeSeq?: number | undefined;
  /** Entries written in `[since, until)`. */
  since?: Date | undefined;
  until?: Date | undefined;
  limit?: number | undefined;
}

/**
 * The log as the reader may see it, newest first: the operator all of it, a fleet manager the
 * entries of their municipality (region-wide entries, such as the fleet CA, are the operator's).
 */
export async function readAudit(db: Db, reader: SessionUser, filter: AuditFilter = {}) {
  if (filter.municipalityId) assertMayManage(reader, filter.municipalityId);
  const conditions: (SQL | undefined)[] = [
    managedBy(reader, auditLog.municipalityId),
    filter.municipalityId ? eq(auditLog.municipalityId, filter.municipalityId) : undefined,
    filter.objectType ? eq(auditLog.objectType, filter.objectType) : undefined,
    filter.objectId ? eq(auditLog.objectId, filter.objectId) : undefined,
    filter.beforeSeq ? lt(auditLog.seq, filter.beforeSeq) : undefined,
    filter.since ? gte(auditLog.at, filter.since) : undefined,
    filter.until ? lt(auditLog.at, filter.until) : undefined,
  ];
  const limit = filter.limit ?? AUDIT_PAGE;
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.seq))
    .limit(limit + 1);
  return { entries: rows.slice(0, limit), more: rows.length > limit };
}
