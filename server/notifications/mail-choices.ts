import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { mailOptOuts } from '@/db/schema';

/**
 * The mails a person may switch off: news only to them (they made the booking, or asked). Every
 * other mail must go, because it tells of something someone else did to their booking or account
 * (a cancellation or change by the fleet manager, a refusal, a no-show, a late return, a licence
 * check running out, a sign-in lock, a link that sets a password).
 */
export const optionalMailKinds = ['confirmation', 'reminder', 'approval_pending'] as const;
export type OptionalMailKind = (typeof optionalMailKinds)[number];

const isOptional = (kind: string): kind is OptionalMailKind =>
  (optionalMailKinds as readonly string[]).includes(kind);

/** Whether the person switched this kind of mail off; a mandatory kind never is. */
export async function hasOptedOut(db: Db, userId: string, kind: string): Promise<boolean> {
  if (!isOptional(kind)) return false;
  const [row] = await db
    .select({ kind: mailOptOuts.kind })
    .from(mailOptOuts)
    .where(and(eq(mailOptOuts.userId, userId), eq(mailOptOuts.kind, kind)));
  return row !== undefined;
}

/** Each optional mail with whether the person receives it. */
export async function mailChoices(db: Db, userId: string): Promise<Record<OptionalMailKind, boolean>> {
  const off = await db
    .select({ kind: mailOptOuts.kind })
    .from(mailOptOuts)
    .where(eq(mailOptOuts.userId, userId));
  const offKinds = new Set(off.map((row) => row.kind));
  return Object.fromEntries(optionalMailKinds.map((kind) => [kind, !offKinds.has(kind)])) as Record<
    OptionalMailKind,
    boolean
  >;
}

/** Switches one optional mail on or off for the person. */
export async function setMailChoice(db: Db, userId: string, kind: OptionalMailKind, wanted: boolean) {
  if (wanted)
    await db.delete(mailOptOuts).where(and(eq(mailOptOuts.userId, userId), eq(mailOptOuts.kind, kind)));
  else await db.insert(mailOptOuts).values({ userId, kind }).onConflictDoNothing();
  return mailChoices(db, userId);
}
