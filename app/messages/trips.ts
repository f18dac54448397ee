import { reportPeriodDe } from './dashboard';
import { logbookBookDe } from './logbook-book';
import { myTripsDe, tripLookupDe } from './privacy-sizing';
import { reportTableDe } from './report-table';

/** The trips' and the Fahrtenbuch's German texts: only those pages and the fleet's bring them (app/lib/texts-trips.tsx). */
export const tripsDe = {
  myTrips: myTripsDe,
  tripLookup: tripLookupDe,
  logbookBook: logbookBookDe,
  reportTable: reportTableDe,
  period: reportPeriodDe,
};

export type TripsMessages = typeof tripsDe;
