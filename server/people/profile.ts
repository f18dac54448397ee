import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { municipalities } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { mailChoices, type OptionalMailKind, setMailChoice } from '../notifications/mail-choices';

/** What a person's own profile page shows: who they are, their licence check's due date, their mails. */
export async function myProfile(db: Db, me: SessionUser) {
  const [municipality] = me.municipalityId
    ? await db
        .select({ name: municipalities.name })
        .from(municipalities)
        .where(eq(municipalities.id, me.municipalityId))
    : [];
  return {
    name: me.name,
    email: me.email,
    role: me.role,
    municipalityName: municipality?.name ?? null,
    language: me.language,
    /** The last day the licence check is valid; booking stops after it (bookings/policy.ts). */
    licenceCheckValidUntil: me.licenceCheckValidUntil,
    mails: await mailChoices(db, me.id),
  };
}

/** Switches one of the person's own optional mails on or off: their choice, no one else's. */
export const chooseMail = (db: Db, me: SessionUser, kind: OptionalMailKind, wanted: boolean) =>
  setMailChoice(db, me.id, kind, wanted);
