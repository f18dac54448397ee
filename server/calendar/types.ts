/**
 * What a calendar file needs to know about one booking, as plain data: the caller maps database
 * rows to it, so nothing here depends on the schema.
 */
import type { Language } from '../messages/language';

export type CalendarBookingStatus =
  | 'pending' // awaiting a fleet manager's approval
  | 'reserved'
  | 'active'
  | 'completed'
  | 'cancelled'
  | 'no_show';

export type Person = { name: string; email: string };

export type CalendarBooking = {
  id: string;
  /** Rises with every change the booker should see (time, car, status); clients keep the highest. */
  sequence: number;
  status: CalendarBookingStatus;
  startsAt: Date;
  endsAt: Date;
  purpose: string | null;
  updatedAt: Date;
  vehicle: { plate: string; make: string; model: string };
  station: { name: string; address: string; latitude: number; longitude: number };
  booker: Person;
};

export type CalendarOptions = {
  /** IANA zone of the region's wall clocks (env TIME_ZONE, Europe/Berlin). */
  timeZone: string;
  /** Public base URL of the app (env APP_URL); its host names the UIDs. */
  appUrl: string;
  organizer: Person;
  /** The product's and the operator's names, from the region file (PRODID, the feed's title). */
  productName: string;
  operatorName: string;
  /** When the file is made (DTSTAMP); defaults to the present moment. */
  now?: Date;
  /** The language of the texts: the recipient's, or the person's whose bookings these are. */
  language: Language;
};

/** What a whole process knows of its calendar files: each file adds the language of its reader. */
export type CalendarSettings = Omit<CalendarOptions, 'language' | 'now'>;
