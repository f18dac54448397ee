import type { ReactNode } from 'react';
import { FleetPageMessages } from '../lib/i18n-manage';
import { managesOnServer, signedInOnServer } from '../lib/signed-in-server';
import { HydrateClient, prefetch, trpc } from '../lib/trpc-server';
import { ManageShell } from './manage-shell';

/**
 * The first view comes from the server with the signed-in person, the region's settings and the
 * municipalities' names in it; signed-out people are sent to sign-in, staff to the search, there.
 */
export default async function ManageLayout({ children }: { children: ReactNode }) {
  await Promise.all([
    signedInOnServer(managesOnServer),
    prefetch(trpc.region.settings.queryOptions(), trpc.stations.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <FleetPageMessages>
        <ManageShell>{children}</ManageShell>
      </FleetPageMessages>
    </HydrateClient>
  );
}
