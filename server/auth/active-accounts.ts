import type { BetterAuthPlugin } from 'better-auth';
import { APIError } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';

/** The code the sign-in page reads (app/(auth)/anmelden/failure-message.ts). */
const ACCOUNT_DEACTIVATED = 'ACCOUNT_DEACTIVATED';

/**
 * No session for a deactivated person (server/people/deactivate.ts), however they sign in
 * (password now, single sign-on later). It is asked when the session is about to be made, after
 * the password was checked: only someone who knows it learns that the account is deactivated.
 */
export function activeAccountsOnly(db: Db): BetterAuthPlugin {
  return {
    id: 'pm-active-accounts',
    init() {
      return {
        options: {
          databaseHooks: {
            session: {
              create: {
                async before(session) {
                  const [person] = await db
                    .select({ deactivatedAt: users.deactivatedAt })
                    .from(users)
                    .where(eq(users.id, session.userId));
                  if (person?.deactivatedAt)
                    throw new APIError('FORBIDDEN', {
                      code: ACCOUNT_DEACTIVATED,
                      message:
                        'Ihr Konto ist deaktiviert. Bitte wenden Sie sich an die Fuhrparkverwaltung Ihrer Kommune.',
                    });
                },
              },
            },
          },
        },
      };
    },
  };
}
