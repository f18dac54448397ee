import { reportPeriodEn } from './dashboard.en';
import { logbookBookEn } from './logbook-book.en';
import { myTripsEn, tripLookupEn } from './privacy-sizing.en';
import { reportTableEn } from './report-table.en';
import type { TripsMessages } from './trips';

/** The English twins of trips.ts. */
export const tripsEn: TripsMessages = {
  myTrips: myTripsEn,
  tripLookup: tripLookupEn,
  logbookBook: logbookBookEn,
  reportTable: reportTableEn,
  period: reportPeriodEn,
};
