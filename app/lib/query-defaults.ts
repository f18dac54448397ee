/** Shared by the server's per-request query client and the browser's, so a prefetched query is fresh on arrival. */
export const queryDefaults = { staleTime: 30_000, retry: false } as const;
