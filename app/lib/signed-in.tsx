'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { AppRouter } from '@/server/root';
import { de } from '../messages/de';
import { authClient } from './auth-client';
import { useTRPC } from './trpc';

export type Me = NonNullable<inferRouterOutputs<AppRouter>['auth']['me']>;
export const isManager = (me: Me) => me.role === 'fleet_manager' || me.role === 'operator';

/**
 * The signed-in person, or null while that is being found out. Signed-out people are sent to
 * sign-in (and back here afterwards); those whom `allowed` refuses go to the search.
 */
export function useSignedIn(allowed: (me: Me) => boolean = () => true): Me | null {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const me = useQuery(trpc.auth.me.queryOptions());
  const settled = me.isSuccess && !me.isFetching;
  const permitted = me.data ? allowed(me.data) : false;
  useEffect(() => {
    if (!settled) return;
    if (!me.data) router.replace(`/anmelden?weiter=${encodeURIComponent(pathname)}`);
    else if (!permitted) router.replace('/');
  }, [settled, me.data, permitted, pathname, router]);
  return me.data && permitted ? me.data : null;
}

/** The bar on every signed-in page: where to go, who is signed in, and the way out. */
export function TopBar({ me, current }: { me: Me; current?: 'manage' | 'reports' }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  async function signOut() {
    await authClient.signOut();
    queryClient.clear();
    router.replace('/anmelden');
  }
  return (
    <nav className="topbar">
      <Link className="brand" href="/">
        {de.app.name}
      </Link>
      <Link href="/">{de.nav.search}</Link>
      <Link href="/buchungen">{de.nav.bookings}</Link>
      <Link href="/fahrten">{de.myTrips.nav}</Link>
      <Link href="/kalender">{de.calendar.nav}</Link>
      {isManager(me) && (
        <Link href="/fuhrpark/freigaben" aria-current={current === 'manage' ? 'true' : undefined}>
          {de.manage.nav}
        </Link>
      )}
      {isManager(me) && (
        <Link href="/fuhrpark/berichte" aria-current={current === 'reports' ? 'true' : undefined}>
          {de.dashboard.nav}
        </Link>
      )}
      <span className="who">{me.name}</span>
      <button type="button" className="link" onClick={signOut}>
        {de.nav.signOut}
      </button>
    </nav>
  );
}
