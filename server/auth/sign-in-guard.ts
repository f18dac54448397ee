import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { logger } from '../logger';
import { isSsoAuthPath } from '../sso/plugin';
import { clientAddressOf } from './client-address';
import { admitSignInAttempt, type SignInAttempt, settleSignInAttempt } from './throttle';

/** Where better-auth's endpoints are mounted (app/api/auth/[...all]/route.ts). */
export const AUTH_BASE_PATH = '/api/auth';

/**
 * The only better-auth endpoints reachable over HTTP. Everything else — /update-user,
 * /change-email, /delete-user, /update-session, password resets, account linking, and whatever a
 * later better-auth version adds — answers 404: names and addresses of people come from the
 * administration, and an endpoint nobody reviewed is closed until someone does.
 */
const OPEN_AUTH_PATHS: ReadonlySet<string> = new Set(['/sign-in/email', '/sign-out', '/get-session']);

export function onlyOpenPaths(): BetterAuthPlugin {
  return {
    id: 'pm-open-paths',
    async onRequest(request) {
      const { pathname } = new URL(request.url);
      const path = pathname.startsWith(AUTH_BASE_PATH) ? pathname.slice(AUTH_BASE_PATH.length) : pathname;
      // A sign-in through a municipality's provider: its start and callbacks (server/sso/plugin.ts).
      if (!OPEN_AUTH_PATHS.has(path) && !isSsoAuthPath(path))
        return { response: new Response('Not Found', { status: 404 }) };
    },
  };
}

const SIGN_IN_PATH = '/sign-in/email';

type HookContext = { path?: string; body?: unknown; headers?: Headers };

function attemptOf(ctx: HookContext): SignInAttempt {
  const body = ctx.body;
  const email = body && typeof body === 'object' && 'email' in body ? body.email : undefined;
  return {
    address: clientAddressOf(ctx.headers ?? new Headers()),
    email: typeof email === 'string' ? email : '',
  };
}

/** An address that can name an account: no control characters, at most 254 characters (RFC 5321). */
const signInEmail = z.email().max(254);

function invalidEmail(): APIError {
  return new APIError('BAD_REQUEST', {
    code: 'INVALID_EMAIL',
    message: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
  });
}

function tooManyAttempts(retryAfterSeconds: number): APIError {
  return new APIError(
    'TOO_MANY_REQUESTS',
    {
      code: 'TOO_MANY_ATTEMPTS',
      message: `Zu viele Versuche – bitte in ${retryAfterSeconds} Sekunden erneut versuchen`,
      retryAfter: retryAfterSeconds,
    },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

/**
 * Our sign-in limiter, in place of better-auth's built-in one (switched off in auth.ts): that one
 * keys on X-Forwarded-For, which any client writes; counts requests rather than failures, so one
 * town hall behind one address would lock out its own staff; knows no per-account back-off; and
 * runs only in the HTTP handler, not for auth.api calls. These hooks run on both paths, take the
 * address from clientAddressOf alone, and count in the database (server/auth/throttle.ts).
 */
export function signInGuard(db: Db): BetterAuthPlugin {
  const isSignIn = (ctx: HookContext) => ctx.path === SIGN_IN_PATH;
  return {
    id: 'pm-sign-in-guard',
    hooks: {
      before: [
        {
          matcher: isSignIn,
          handler: createAuthMiddleware(async (ctx) => {
            const attempt = attemptOf(ctx);
            // Checked before anything is counted: a NUL byte reached the database as a 500.
            if (!signInEmail.safeParse(attempt.email).success) throw invalidEmail();
            const admission = await admitSignInAttempt(db, attempt, new Date());
            if (!admission.allowed) {
              logger.warn(
                { event: 'sign_in_throttled', address: attempt.address },
                'sign-in refused: too many attempts',
              );
              throw tooManyAttempts(admission.retryAfterSeconds);
            }
          }),
        },
      ],
      after: [
        {
          matcher: isSignIn,
          handler: createAuthMiddleware(async (ctx) => {
            const succeeded = !isAPIError(ctx.context.returned) && ctx.context.newSession !== null;
            await settleSignInAttempt(db, attemptOf(ctx), succeeded, new Date());
          }),
        },
      ],
    },
  };
}
