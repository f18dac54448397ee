import 'server-only';
import type { Db } from '@/db/client';
import { type Auth, authSecret, createAuth } from './auth/auth';
import { clientAddressOf } from './auth/client-address';
import { findSessionUser } from './auth/queries';
import { database } from './database';
import { env } from './env';
import { logger, requestIdFrom } from './logger';
import { languageOf } from './messages/language';
import { settings } from './settings';
import { processSingleton } from './singleton';
import type { Context } from './trpc';

/** The process's auth instance, bound to the process's database. */
export function auth(): Promise<Auth> {
  return processSingleton('auth', async () => {
    const config = env();
    const { db } = await database();
    return createAuth(db, { secret: await authSecret(config), baseURL: config.APP_URL });
  });
}

/** Whoever the request's session cookie belongs to, or null. */
export async function sessionUser(db: Db, authInstance: Auth, headers: Headers) {
  const session = await authInstance.api.getSession({ headers });
  return session ? findSessionUser(db, session.user.id) : null;
}

/** A request's context: the database, the signed-in person, their language, a request-tagged logger, the settings. */
export async function createContext({ headers }: { headers: Headers }): Promise<Context> {
  const { db } = await database();
  const user = await sessionUser(db, await auth(), headers);
  return {
    db,
    user,
    language: languageOf(headers, user),
    authorization: headers.get('authorization'),
    clientAddress: clientAddressOf(headers),
    log: logger.child({ requestId: requestIdFrom(headers.get('x-request-id')) }),
    settings: await settings(),
  };
}
