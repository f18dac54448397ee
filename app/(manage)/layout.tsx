import type { ReactNode } from 'react';
import { HydrateClient, prefetch, trpc } from '../lib/trpc-server';
import { ManageShell } from './manage-shell';

/** The first view comes from the server with the signed-in person and the region's settings in it. */
export default async function ManageLayout({ children }: { children: ReactNode }) {
  await prefetch(trpc.auth.me.queryOptions(), trpc.region.settings.queryOptions());
  return (
    <HydrateClient>
      <ManageShell>{children}</ManageShell>
    </HydrateClient>
  );
}
