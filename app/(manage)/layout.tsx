'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { type ReactNode, useEffect } from 'react';
import { authClient } from '../lib/auth-client';
import { useTRPC } from '../lib/trpc';
import { de } from '../messages/de';
import styles from './manage.module.css';

const managerRoles = new Set(['fleet_manager', 'operator']);

/** Pages for fleet managers and the operator: signed-out people go to sign-in, staff back to the search. */
export default function ManageLayout({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const allowed = me.data ? managerRoles.has(me.data.role) : false;

  useEffect(() => {
    if (!me.isSuccess || me.isFetching) return;
    if (!me.data) router.replace(`/anmelden?weiter=${encodeURIComponent(pathname)}`);
    else if (!managerRoles.has(me.data.role)) router.replace('/');
  }, [me.isSuccess, me.isFetching, me.data, pathname, router]);

  async function signOut() {
    await authClient.signOut();
    queryClient.clear();
    router.replace('/anmelden');
  }

  if (!me.data) return <main>{de.errors.loading}</main>;
  if (!allowed) return <main className="hint">{de.manage.forbidden}</main>;
  const sections = [
    { href: '/fuhrpark/freigaben', label: de.manage.sections.approvals },
    { href: '/fuhrpark/sperrzeiten', label: de.manage.sections.blocks },
    { href: '/fuhrpark/regeln', label: de.manage.sections.rules },
  ];
  return (
    <>
      <nav className="topbar">
        <Link className="brand" href="/">
          {de.app.name}
        </Link>
        <Link href="/">{de.nav.search}</Link>
        <Link href="/buchungen">{de.nav.bookings}</Link>
        <Link href="/fuhrpark/freigaben" aria-current="true">
          {de.manage.nav}
        </Link>
        <span className="who">{me.data.name}</span>
        <button type="button" className="link" onClick={signOut}>
          {de.nav.signOut}
        </button>
      </nav>
      <main>
        <nav className={styles.sections} aria-label={de.manage.sectionsLabel}>
          {sections.map((section) => (
            <Link
              key={section.href}
              href={section.href}
              aria-current={pathname === section.href ? 'page' : undefined}
            >
              {section.label}
            </Link>
          ))}
        </nav>
        {children}
      </main>
    </>
  );
}
