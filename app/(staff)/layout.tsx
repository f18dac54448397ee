'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { type ReactNode, useEffect } from 'react';
import { authClient } from '../lib/auth-client';
import { useTRPC } from '../lib/trpc';
import { de } from '../messages/de';

/** Pages for signed-in people: the top bar, and the way back to sign-in for everyone else. */
export default function StaffLayout({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());

  useEffect(() => {
    if (me.isSuccess && !me.isFetching && !me.data)
      router.replace(`/anmelden?weiter=${encodeURIComponent(pathname)}`);
  }, [me.isSuccess, me.isFetching, me.data, pathname, router]);

  async function signOut() {
    await authClient.signOut();
    queryClient.clear();
    router.replace('/anmelden');
  }

  if (!me.data) return <main>{de.errors.loading}</main>;
  return (
    <>
      <nav className="topbar">
        <Link className="brand" href="/">
          {de.app.name}
        </Link>
        <Link href="/">{de.nav.search}</Link>
        <Link href="/buchungen">{de.nav.bookings}</Link>
        <Link href="/kalender">{de.calendar.nav}</Link>
        {(me.data.role === 'fleet_manager' || me.data.role === 'operator') && (
          <Link href="/fuhrpark/freigaben">{de.manage.nav}</Link>
        )}
        <span className="who">{me.data.name}</span>
        <button type="button" className="link" onClick={signOut}>
          {de.nav.signOut}
        </button>
      </nav>
      <main>{children}</main>
    </>
  );
}
