import { pageTitle } from '../../../lib/page-title';
import { todayIn } from '../../../lib/time';
import { getQueryClient, HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { CalendarView } from './calendar-view';
import { calendarInput, readCalendarParams } from './params';

export const generateMetadata = () => pageTitle((t) => t.fleetCalendar.title);

/**
 * The manager's municipality's bookings by day or week, from the server with the view in it. The
 * operator, who has none, sees the municipality the address names, or the first one.
 */
export default async function FleetCalendarPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const client = getQueryClient();
  const [settings, me, stations] = await Promise.all([
    client.fetchQuery(trpc.region.settings.queryOptions()),
    client.fetchQuery(trpc.auth.me.queryOptions()).catch(() => null),
    client.fetchQuery(trpc.stations.list.queryOptions()).catch(() => []),
  ]);
  const fallback = me?.municipalityId ?? stations[0]?.municipalityId ?? '';
  const params = readCalendarParams(await searchParams, todayIn(settings.timeZone), fallback);
  await prefetch(trpc.fleetCalendar.view.queryOptions(calendarInput(params)));
  return (
    <HydrateClient>
      <CalendarView params={params} />
    </HydrateClient>
  );
}
