'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { type ReactNode, useState } from 'react';
import superjson from 'superjson';
import type { AppRouter } from '@/server/root';
import { LanguageProvider } from './lib/i18n';
import type { Language } from './lib/language';
import { queryDefaults } from './lib/query-defaults';
import { TRPCProvider } from './lib/trpc';

export function Providers({ language, children }: { language: Language; children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: queryDefaults, hydrate: { deserializeData: superjson.deserialize } },
      }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      // The server refuses larger batches (server/http/request-guard.ts): split before that.
      links: [httpBatchLink({ url: '/api/trpc', transformer: superjson, maxItems: 16 })],
    }),
  );
  return (
    <LanguageProvider language={language}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    </LanguageProvider>
  );
}
