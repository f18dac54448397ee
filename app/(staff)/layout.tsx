import type { ReactNode } from 'react';
import { signedInOnServer } from '../lib/signed-in-server';
import { HydrateClient, prefetch, trpc } from '../lib/trpc-server';
import { StaffShell } from './staff-shell';

/**
 * The first view comes from the server with the signed-in person and the region's settings in it;
 * signed-out people are sent to sign-in there.
 */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  await Promise.all([signedInOnServer(), prefetch(trpc.region.settings.queryOptions())]);
  return (
    <HydrateClient>
      <StaffShell>{children}</StaffShell>
    </HydrateClient>
  );
}
