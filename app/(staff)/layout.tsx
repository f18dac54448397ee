import type { ReactNode } from 'react';
import { HydrateClient, prefetch, trpc } from '../lib/trpc-server';
import { StaffShell } from './staff-shell';

/** The first view comes from the server with the signed-in person and the region's settings in it. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  await prefetch(trpc.auth.me.queryOptions(), trpc.region.settings.queryOptions());
  return (
    <HydrateClient>
      <StaffShell>{children}</StaffShell>
    </HydrateClient>
  );
}
