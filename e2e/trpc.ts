import type { APIRequestContext } from '@playwright/test';
import superjson from 'superjson';
import { expect } from './fixtures';

/** Calls a tRPC mutation as the signed-in owner of `api` (a page's or a context's request) and returns its answer. */
export async function mutate<T = unknown>(
  api: APIRequestContext,
  procedure: string,
  input?: unknown,
): Promise<T> {
  const response = await api.post(`/api/trpc/${procedure}`, {
    data: input === undefined ? {} : superjson.serialize(input),
  });
  expect(response.ok(), await response.text()).toBe(true);
  return superjson.deserialize<T>((await response.json()).result.data);
}
