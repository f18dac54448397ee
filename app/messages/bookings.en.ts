/** The English twins of ./bookings.ts; imported into en.ts only, so German pages do not carry them. */
import type { bookingsDe } from './bookings';

function spanEn(ms: number) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days} ${days === 1 ? 'day' : 'days'} ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  return `${minutes} min ${seconds} s`;
}

export const bookingsEn: typeof bookingsDe = {
  sections: { now: 'Now', upcoming: 'Upcoming', past: 'Past', closed: 'Cancelled' },
  sectionHint: {
    now: 'Running bookings and those starting within the next two hours.',
    upcoming: '',
    past: '',
    closed: 'Cancelled, declined and not collected bookings.',
  },
  sectionEmpty: {
    now: 'No booking is running right now.',
    upcoming: 'No upcoming bookings.',
    past: 'No past bookings yet.',
    closed: 'No cancelled bookings.',
  },
  pages: (section: string) => `${section}: pages`,
  pageOf: (page: number, count: number, total: number) =>
    `Page ${page} of ${count} (${total} ${total === 1 ? 'booking' : 'bookings'})`,
  previousPage: 'Previous page',
  nextPage: 'Next page',
  movedTo: (section: string) => `It is now listed under “${section}”.`,
  open: 'Open booking',
  pageTitle: 'Booking',
  startsIn: (ms: number) => `Starts in ${spanEn(ms)}`,
  endsIn: (ms: number) => `Ends in ${spanEn(ms)}`,
  overdue: (ms: number) => `Return overdue by ${spanEn(ms)}`,
  readOnly: 'This booking is over. You can only view it.',
  directionsTitle: 'Getting to the car',
  directionsApp: 'Open the route in the maps app',
  directionsWeb: 'Show the location on OpenStreetMap',
  offline: (time: string) => `Offline – as of ${time}`,
  offlineNoData: 'Offline – this booking has not been opened on this device yet.',
  appName: 'ParthelandMobil – municipal pool cars',
  appShortName: 'ParthelandMobil',
};
