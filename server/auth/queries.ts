import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';

export type Role = (typeof users.$inferSelect)['role'];
export type Language = (typeof users.$inferSelect)['language'];

/** Who is calling, as the domain needs it: never the password or session. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  municipalityId: string | null;
  licenceCheckValidUntil: string | null;
  language: Language;
}

export async function findSessionUser(db: Db, userId: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      municipalityId: users.municipalityId,
      licenceCheckValidUntil: users.licenceCheckValidUntil,
      language: users.language,
    })
    .from(users)
    // A deactivated person's sessions are ended with the deactivation; one still in flight counts for nobody.
    .where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
  return row ?? null;
}

export async function setLanguage(db: Db, userId: string, language: Language): Promise<void> {
  await db.update(users).set({ language }).where(eq(users.id, userId));
}
