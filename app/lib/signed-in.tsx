'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { AppRouter } from '@/server/root';
import { LanguageSwitch } from '../language-switch';
import { clearBookingCache } from './booking-cache';
import { useMessages } from './i18n';
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
  const t = useMessages();
  const router = useRouter();
  const queryClient = useQueryClient();
  async function signOut() {
    // The auth client is wanted only here: it loads on the click, not with every page.
    const { authClient } = await import('./auth-client');
    await authClient.signOut();
    await clearBookingCache();
    queryClient.clear();
    router.replace('/anmelden');
  }
  return (
    <nav className="topbar" aria-label={t.nav.label}>
      <Link className="brand" href="/">
        {t.app.name}
      </Link>
      <Link href="/">{t.nav.search}</Link>
      <Link href="/buchungen">{t.nav.bookings}</Link>
      <Link href="/fahrten">{t.nav.myTrips}</Link>
      <Link href="/kalender">{t.nav.calendar}</Link>
      <Link href="/zeitplan">{t.nav.timeline}</Link>
      {isManager(me) && (
        <Link href="/fuhrpark/freigaben" aria-current={current === 'manage' ? 'true' : undefined}>
          {t.manage.nav}
        </Link>
      )}
      {isManager(me) && (
        <Link href="/fuhrpark/berichte" aria-current={current === 'reports' ? 'true' : undefined}>
          {t.nav.reports}
        </Link>
      )}
      <Link className="who" href="/profil" title={t.nav.profile}>
        {me.name}
      </Link>
      <LanguageSwitch signedIn />
      <button type="button" className="link" onClick={signOut}>
        {t.nav.signOut}
      </button>
    </nav>
  );
}
