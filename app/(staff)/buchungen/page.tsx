import { pageTitle } from '../../lib/page-title';
import { HydrateClient, prefetch, trpc } from '../../lib/trpc-server';
import { MyBookings } from './my-bookings';
import { shownSections } from './section-order';

export const generateMetadata = () => pageTitle((t) => t.bookings.title);

/** „Meine Buchungen“: the first page of each section comes with the page. */
export default async function MyBookingsPage() {
  await prefetch(
    ...shownSections.map((section) => trpc.bookings.mineSection.queryOptions({ section, page: 0 })),
  );
  return (
    <HydrateClient>
      <MyBookings />
    </HydrateClient>
  );
}
