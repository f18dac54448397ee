import { pageTitle } from '../../../lib/page-title';
import { getQueryClient, HydrateClient, prefetch, trpc } from '../../../lib/trpc-server';
import { BookingView } from './booking-view';

export const generateMetadata = () => pageTitle((t) => t.bookings.pageTitle);

/**
 * One booking, at the car or afterwards, with its damages, the car's open damages, logbook and
 * trip: it comes with the page, so the phone shows it at once.
 */
export default async function BookingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const booking = await getQueryClient()
    .fetchQuery(trpc.bookings.byId.queryOptions({ id }))
    .catch(() => null);
  await prefetch(
    trpc.bookings.byId.queryOptions({ id }),
    ...(booking ? [trpc.damage.openOfCars.queryOptions({ vehicleIds: [booking.vehicle.id] })] : []),
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
