import type { APIRequestContext, Page } from '@playwright/test';
import superjson from 'superjson';
import { expect } from './fixtures';

/** Whose session calls: a page's, or a request context's (`page.request`, `context.request`). */
type Caller = Page | APIRequestContext;
const apiOf = (caller: Caller): APIRequestContext => ('request' in caller ? caller.request : caller);

/** Calls a tRPC query as the signed-in owner of `caller`, in the app's own wire format, and returns its answer. */
export async function query<T = unknown>(caller: Caller, procedure: string, input?: unknown): Promise<T> {
  const search =
    input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
  const response = await apiOf(caller).get(`/api/trpc/${procedure}${search}`);
  expect(response.ok(), await response.text()).toBe(true);
  return superjson.deserialize<T>((await response.json()).result.data);
}

/** Calls a tRPC mutation as the signed-in owner of `caller` and returns its answer. */
export async function mutate<T = unknown>(caller: Caller, procedure: string, input?: unknown): Promise<T> {
  const response = await apiOf(caller).post(`/api/trpc/${procedure}`, {
    data: input === undefined ? {} : superjson.serialize(input),
  });
  expect(response.ok(), await response.text()).toBe(true);
  return superjson.deserialize<T>((await response.json()).result.data);
}
