import 'server-only';
import { todayIn } from './time';
import { getQueryClient, trpc } from './trpc-server';

/** Today's date in the region, on the server, from the settings the client is handed too. */
export async function regionToday(): Promise<string> {
  const settings = await getQueryClient()
    .fetchQuery(trpc.region.settings.queryOptions())
    .catch(() => undefined);
  return todayIn(settings?.timeZone ?? 'Europe/Berlin');
}
