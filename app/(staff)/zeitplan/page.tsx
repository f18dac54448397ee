import { pageTitle } from '../../lib/page-title';
import { TimelineTexts } from '../../lib/texts-timeline';
import { todayIn } from '../../lib/time';
import { getQueryClient, HydrateClient, prefetch, trpc } from '../../lib/trpc-server';
import { readParams, viewInput } from './params';
import { TimelinePage } from './timeline-page';

export const generateMetadata = () => pageTitle((t) => t.timeline.title);

/**
 * The timeline comes from the server with its view in it. Without a place in the address it shows
 * the person's own municipality (the operator, who has none: the first station).
 */
export default async function Page({
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
  const params = readParams(await searchParams, todayIn(settings.timeZone));
  if (!params.station && !params.kommune) {
    if (me?.municipalityId) params.kommune = me.municipalityId;
    else if (stations[0]) params.station = stations[0].id;
  }
  await prefetch(trpc.timeline.view.queryOptions(viewInput(params)));
  return (
    <HydrateClient>
      <TimelineTexts>
        <TimelinePage params={params} />
      </TimelineTexts>
    </HydrateClient>
  );
}
