import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import type { Db } from '@/db/client';
import { logger } from '../logger';
import { admitSsoPerson } from './admission';
import { discoveryUrl } from './mapping';
import { providerForSignIn } from './providers';

/** Where the sign-in page sits; refusals of a sign-in through a provider come back to it. */
export const SIGN_IN_PAGE = '/anmelden';

const SOCIAL_SIGN_IN = '/sign-in/social';
const CALLBACK = '/callback/:id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * better-auth's endpoints a sign-in through a provider uses (server/auth/sign-in-guard.ts opens
 * them beside the password sign-in): the start, and the provider's return to one of our rows.
 */
export function isSsoAuthPath(path: string): boolean {
  if (path === SOCIAL_SIGN_IN) return true;
  const id = path.startsWith('/callback/') ? path.slice('/callback/'.length) : '';
  return UUID.test(id);
}

/** What the sign-in page sends to start; the rest of /sign-in/social (ID tokens, scopes, extra data) stays closed. */
const ALLOWED_START_FIELDS = new Set(['provider', 'callbackURL', 'errorCallbackURL', 'disableRedirect']);

/** A provider's discovery and keys that do not answer within this time make its sign-in fail, not hang. */
const BUILD_TIMEOUT_MS = 10_000;

type AuthContext = Parameters<NonNullable<ReturnType<typeof genericOAuth>['init']>>[0];
type BuiltProvider = Awaited<
  ReturnType<ReturnType<typeof genericOAuth>['init']>
>['context']['socialProviders'][number];

/** A refusal as better-auth answers a callback: a redirect, here to the sign-in page with the reason. */
function backToSignIn(query: string): APIError {
  return new APIError('FOUND', undefined, { Location: `${SIGN_IN_PAGE}?${query}` });
}

/**
 * The municipalities' OpenID Connect providers, read from the database at each sign-in rather
 * than given to better-auth at start: its genericOAuth plugin builds providers only once, in
 * `init`, so an operator's new or changed provider would need a restart. Here each start and
 * callback looks up its row and builds the provider with genericOAuth itself (discovery, PKCE,
 * state and nonce bound in better-auth's state, ID token checked against the provider's keys),
 * for this request only. A build is kept until the row changes (its updatedAt).
 */
export function ssoSignIn(db: Db): BetterAuthPlugin {
  const built = new Map<string, { stamp: number; provider: BuiltProvider }>();

  async function build(context: AuthContext, id: string): Promise<BuiltProvider | null> {
    if (!UUID.test(id)) return null;
    const row = await providerForSignIn(db, id);
    if (!row) return null;
    const cached = built.get(row.id);
    if (cached && cached.stamp === row.updatedAt.getTime()) return cached.provider;
    const plugin = genericOAuth({
      config: [
        {
          providerId: row.id,
          name: row.name,
          discoveryUrl: discoveryUrl(row.issuer),
          clientId: row.clientId,
          clientSecret: row.clientSecret,
          scopes: row.scopes.split(' '),
          pkce: true,
          requireIdTokenVerification: true,
          // People come from the administration or from admitSsoPerson, never from better-auth.
          disableSignUp: true,
          async mapProfileToUser(profile) {
            const admission = await admitSsoPerson(db, row, profile);
            if (!admission.admitted) throw backToSignIn(`sso=${admission.refusal}`);
            return {};
          },
        },
      ],
    });
    const timeout = new Promise<null>((resolve) => setTimeout(resolve, BUILD_TIMEOUT_MS, null).unref());
    const result = await Promise.race([plugin.init({ ...context, socialProviders: [] }), timeout]);
    const provider = result?.context.socialProviders[0];
    if (!provider) {
      logger.error(
        { event: 'sso_provider_unavailable', providerId: row.id },
        'sso provider discovery failed',
      );
      return null;
    }
    built.set(row.id, { stamp: row.updatedAt.getTime(), provider });
    return provider;
  }

  return {
    id: 'pm-sso',
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === SOCIAL_SIGN_IN,
          handler: createAuthMiddleware(async (ctx) => {
            // better-auth checks the Origin of this start only when cookies come with it; the
            // password sign-in's check is stricter, and a start from another site has no purpose.
            const origin = ctx.headers?.get('origin');
            if (ctx.request && !(origin && ctx.context.isTrustedOrigin(origin)))
              throw new APIError('FORBIDDEN', {
                code: 'INVALID_ORIGIN',
                message: 'Diese Anfrage kam nicht von dieser Anwendung selbst und wurde abgewiesen.',
              });
            const body = (ctx.body ?? {}) as Record<string, unknown>;
            const provider =
              Object.keys(body).every((key) => ALLOWED_START_FIELDS.has(key)) &&
              typeof body.provider === 'string'
                ? await build(ctx.context, body.provider)
                : null;
            if (!provider)
              throw new APIError('NOT_FOUND', {
                code: 'PROVIDER_NOT_FOUND',
                message: 'Dieser Anmeldedienst ist nicht verfügbar.',
              });
            // The request's own copy of better-auth's context: no other request sees this provider list.
            ctx.context.socialProviders = [provider];
          }),
        },
        {
          matcher: (ctx) => ctx.path === CALLBACK,
          handler: createAuthMiddleware(async (ctx) => {
            const id = ctx.params?.id;
            const provider = typeof id === 'string' ? await build(ctx.context, id) : null;
            // No provider (unknown, disabled, unreachable): better-auth checks the state and then
            // sends the person back to the sign-in page with `error=`, as for any failed callback.
            ctx.context.socialProviders = provider ? [provider] : [];
          }),
        },
      ],
    },
  };
}
