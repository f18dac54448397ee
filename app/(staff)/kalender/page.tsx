import { pageTitle } from '../../lib/page-title';
import { CalendarTexts } from '../../lib/texts-calendar';
import { HydrateClient, prefetch, trpc } from '../../lib/trpc-server';
import { CalendarView } from './calendar-view';

export const generateMetadata = () => pageTitle((t) => t.calendar.title);

/** Whether a calendar link exists, in the first answer already. */
export default async function CalendarPage() {
  await prefetch(trpc.calendar.feed.queryOptions());
  return (
    <HydrateClient>
      <CalendarTexts>
        <CalendarView />
      </CalendarTexts>
    </HydrateClient>
  );
}
