'use client';
import type { ReactNode } from 'react';
import { useMessages } from '../lib/i18n';
import { TopBar, useSignedIn } from '../lib/signed-in';

/** Pages for signed-in people: the top bar, and the way back to sign-in for everyone else. */
export function StaffShell({ children }: { children: ReactNode }) {
  const t = useMessages();
  const me = useSignedIn();
  if (!me) return <main id="inhalt">{t.errors.loading}</main>;
  return (
    <>
      <TopBar me={me} />
      <main id="inhalt">{children}</main>
    </>
  );
}
