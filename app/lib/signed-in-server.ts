import 'server-only';
import type { inferRouterOutputs } from '@trpc/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { AppRouter } from '@/server/root';
import { pagePathHeader } from './page-path';
import { getQueryClient, trpc } from './trpc-server';

type Me = NonNullable<inferRouterOutputs<AppRouter>['auth']['me']>;

/**
 * The signed-in person for a server layout or page (one call per request, shared with the
 * client's cache). Signed-out people go to sign-in and back to this page afterwards; those whom
 * `allowed` refuses go to the search. If the session cannot be read, null: the client decides.
 */
export async function signedInOnServer(allowed: (me: Me) => boolean = () => true): Promise<Me | null> {
  const me = await getQueryClient()
    .fetchQuery(trpc.auth.me.queryOptions())
    .catch(() => undefined);
  if (me === undefined) return null;
  if (me === null) {
    const path = (await headers()).get(pagePathHeader) ?? '/';
    redirect(`/anmelden?weiter=${encodeURIComponent(path)}`);
  }
  if (!allowed(me)) redirect('/');
  return me;
}

export const managesOnServer = (me: Me) => me.role === 'fleet_manager' || me.role === 'operator';
