import { pageTitle } from '../../../lib/page-title';
import { HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { BookingView } from './booking-view';

export const generateMetadata = () => pageTitle((t) => t.bookings.pageTitle);

/** One booking, at the car or afterwards, with its damages, logbook and trip: it comes with the page, so the phone shows it at once. */
export default async function BookingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await prefetch(
    trpc.bookings.byId.queryOptions({ id }),
    trpc.damage.ofBooking.queryOptions({ bookingId: id }),
    trpc.logbook.get.queryOptions({ bookingId: id }),
    trpc.telematics.trips.queryOptions({ bookingId: id }),
  );
  return (
    <HydrateClient>
      <BookingView id={id} />
    </HydrateClient>
  );
}
