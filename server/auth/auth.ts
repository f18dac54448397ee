import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import type { Db } from '@/db/client';
import { accounts, sessions, users, verifications } from '@/db/schema';
import type { Env } from '../env';
import { logger } from '../logger';
import { SIGN_IN_PAGE, ssoSignIn } from '../sso/plugin';
import { activeAccountsOnly } from './active-accounts';
import { clientAddressOf } from './client-address';
import { AUTH_BASE_PATH, onlyOpenPaths, signInGuard } from './sign-in-guard';

export function createAuth(db: Db, config: { secret: string; baseURL: string }) {
  return betterAuth({
    secret: config.secret,
    baseURL: config.baseURL,
    basePath: AUTH_BASE_PATH,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    // Accounts come from the seed and, later, invitations: nobody signs themselves up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    advanced: {
      database: { generateId: 'uuid' },
      useSecureCookies: config.baseURL.startsWith('https:'),
      // better-auth would read the address from X-Forwarded-For, which any client writes; the
      // app's one source is clientAddressOf (see databaseHooks below and sign-in-guard.ts).
      ipAddress: { disableIpTracking: true },
    },
    // Replaced by signInGuard (counted in the database, per address and per account; why there).
    rateLimit: { enabled: false },
    databaseHooks: {
      session: {
        create: {
          before: async (session, ctx) => ({
            data: { ...session, ipAddress: ctx?.headers ? clientAddressOf(ctx.headers) : null },
          }),
        },
      },
    },
    telemetry: { enabled: false },
    // better-auth's own messages go to the server's one logger (JSON, silent in tests).
    logger: {
      log: (level, message, ...args) =>
        logger[level]({ component: 'better-auth', ...(args.length > 0 ? { args } : {}) }, message),
    },
    // A failed sign-in through a provider (state, code) returns to the sign-in page, which says so.
    onAPIError: { errorURL: SIGN_IN_PAGE },
    plugins: [onlyOpenPaths(), signInGuard(db), activeAccountsOnly(db), ssoSignIn(db), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * The configured secret, or for a machine without one (the embedded demo) a random one kept in
 * the data folder, so sessions survive a restart and no secret is ever committed.
 */
export async function authSecret(config: Env): Promise<string> {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  const file = path.join(config.DATA_DIR, 'auth-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    await mkdir(config.DATA_DIR, { recursive: true });
    await writeFile(file, secret, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
    return (await readFile(file, 'utf8')).trim();
  }
}
