'use client';
import type { ReactNode } from 'react';
import { TopBar, useSignedIn } from '../lib/signed-in';
import { de } from '../messages/de';

/** Pages for signed-in people: the top bar, and the way back to sign-in for everyone else. */
export function StaffShell({ children }: { children: ReactNode }) {
  const me = useSignedIn();
  if (!me) return <main>{de.errors.loading}</main>;
  return (
    <>
      <TopBar me={me} />
      <main>{children}</main>
    </>
  );
}
