import 'server-only';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { createTRPCOptionsProxy, type TRPCQueryOptions } from '@trpc/tanstack-react-query';
import { headers } from 'next/headers';
import { cache, type ReactNode } from 'react';
import superjson from 'superjson';
import { createContext } from '@/server/context';
import { appRouter } from '@/server/root';
import { queryDefaults } from './query-defaults';

/** One query client per request: what the page prefetches is handed to the browser's cache. */
export const getQueryClient = cache(
  () =>
    new QueryClient({
      defaultOptions: { queries: queryDefaults, dehydrate: { serializeData: superjson.serialize } },
    }),
);

/**
 * The API called in-process for a page's first view, with the request's own session:
 * `await prefetch(trpc.bookings.mine.queryOptions())` in a page, then `<HydrateClient>`.
 */
export const trpc = createTRPCOptionsProxy({
  ctx: async () => createContext({ headers: await headers() }),
  router: appRouter,
  queryClient: getQueryClient,
});

// biome-ignore lint/suspicious/noExplicitAny: any query of the router
export async function prefetch(...queries: ReturnType<TRPCQueryOptions<any>>[]): Promise<void> {
  const client = getQueryClient();
  // A failed prefetch is not the page's error: the client asks again and shows the typed error there.
  await Promise.all(queries.map((query) => client.prefetchQuery(query)));
}

/** Hands the prefetched queries to the client components below it. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
