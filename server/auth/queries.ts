import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';

export type Role = (typeof users.$inferSelect)['role'];

/** Who is calling, as the domain needs it: never the password or session. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  municipalityId: string | null;
  licenceCheckValidUntil: string | null;
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
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}
