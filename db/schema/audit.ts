import { sql } from 'drizzle-orm';
import { bigserial, check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns';

/**
 * The audit log: every administrative change and every key issued, who did it, when, the object
 * before and after. Append-only in the database (migration audit_log): no UPDATE, DELETE or
 * TRUNCATE succeeds, whoever asks. No foreign keys on purpose: an entry outlives its actor and its
 * object, and a cascade could not touch it anyway; the actor's name is kept as it was then.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    /** The order of writing, gapless enough to page by. */
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: instant('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    /** What was done, as `area.verb`: `policy.update`, `block.create`, `key.issue`. */
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    /** Whose part of the log it is: the fleet manager of this municipality sees it. Null: region-wide. */
    municipalityId: uuid('municipality_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_log_municipality_idx').on(t.municipalityId, t.seq),
    index('audit_log_object_idx').on(t.objectType, t.objectId),
    check('audit_log_action_form', sql`${t.action} ~ '^[a-z]+(\\.[a-z]+)+$'`),
  ],
);
