'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { type ReactNode, useEffect, useRef } from 'react';
import { useMessages } from '../lib/i18n';
import { isManager, TopBar, useSignedIn } from '../lib/signed-in';
import styles from './manage.module.css';

/** Pages for fleet managers and the operator: signed-out people go to sign-in, staff back to the search. */
export function ManageShell({ children }: { children: ReactNode }) {
  const de = useMessages();
  const pathname = usePathname();
  const me = useSignedIn(isManager);
  if (!me) return <main id="inhalt">{de.errors.loading}</main>;
  const sections = [
    { href: '/fuhrpark/freigaben', label: de.manage.sections.approvals },
    { href: '/fuhrpark/fahrzeuge', label: de.fleetAdmin.vehicles.section },
    { href: '/fuhrpark/stationen', label: de.fleetAdmin.stations.section },
    { href: '/fuhrpark/boxen', label: de.boxes.nav },
    { href: '/fuhrpark/gateways', label: de.boxes.gatewaysNav },
    { href: '/fuhrpark/kalender', label: de.fleetCalendar.nav },
    { href: '/fuhrpark/sperrzeiten', label: de.manage.sections.blocks },
    { href: '/fuhrpark/schaeden', label: de.fleetDamage.nav },
    { href: '/fuhrpark/regeln', label: de.manage.sections.rules },
    { href: '/fuhrpark/personen', label: de.people.nav },
    { href: '/fuhrpark/fuehrerscheine', label: de.compliance.nav.licences },
    { href: '/fuhrpark/uvv', label: de.compliance.nav.uvv },
    { href: '/fuhrpark/kosten', label: de.manage.sections.costs },
    { href: '/fuhrpark/verrechnung', label: de.manage.sections.settlement },
    { href: '/fuhrpark/berichte', label: de.nav.reports },
    { href: '/fuhrpark/berichte/bedarf', label: de.sizing.section },
    { href: '/fuhrpark/fahrten', label: de.tripLookup.section },
    { href: '/fuhrpark/fahrtenbuch', label: de.logbookBook.section },
    { href: '/fuhrpark/protokoll', label: de.manage.sections.audit },
    // The sign-in services hand out roles: the operator's alone.
    ...(me.role === 'operator' ? [{ href: '/fuhrpark/anmeldung', label: de.sso.nav }] : []),
  ];
  // The section a page belongs to: the longest address it lies under (a report's detail is its list's).
  const current = sections
    .filter((s) => pathname === s.href || pathname.startsWith(`${s.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <>
      <TopBar me={me} current={pathname.startsWith('/fuhrpark/berichte') ? 'reports' : 'manage'} />
      <main id="inhalt">
        <SectionsRow sections={sections} current={current} label={de.manage.sectionsLabel} />
        {children}
      </main>
    </>
  );
}

function SectionsRow({
  sections,
  current,
  label,
}: {
  sections: { href: string; label: string }[];
  current: string | undefined;
  label: string;
}) {
  const nav = useRef<HTMLElement>(null);
  // On a phone the sections are one row that scrolls sideways: the current one is brought into it
  // (by the row's own scroll, so the page itself does not move).
  useEffect(() => {
    const row = nav.current;
    const here = current ? row?.querySelector<HTMLElement>(`a[href="${current}"]`) : null;
    if (row && here && row.scrollWidth > row.clientWidth)
      row.scrollLeft = here.offsetLeft - row.offsetLeft - (row.clientWidth - here.offsetWidth) / 2;
  }, [current]);
  return (
    <nav ref={nav} className={styles.sections} aria-label={label}>
      {sections.map((section) => (
        <Link
          key={section.href}
          href={section.href}
          aria-current={section.href === current ? 'page' : undefined}
        >
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
