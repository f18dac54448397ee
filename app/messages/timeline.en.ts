/** The English twins of ./timeline.ts; imported into en.ts only, so German pages do not carry them. */
import type { TimelinePageMessages, timelineDe } from './timeline';

export const timelineEn: typeof timelineDe = {
  title: 'Timeline',
  intro:
    'Cars and hours at a glance. Drag across free hours on a car’s row, or choose the time in the form below.',
  place: 'Station or municipality',
  allOf: (municipality: string) => `All stations: ${municipality}`,
  day: 'Day',
  view: 'View',
  dayView: 'Day',
  weekView: 'Week',
  show: 'Show',
  earlier: 'Earlier',
  later: 'Later',
  caption: (place: string, range: string) => `${place}, ${range}`,
  legend: 'Legend',
  free: 'free',
  booked: 'booked',
  blocked: 'blocked',
  own: 'Your booking',
  outOfService: 'out of service',
  selected: 'Your selection',
  slot: (label: string, from: string, to: string) => `${label} ${from}–${to}`,
  vehicle: 'Car',
  noVehicles: 'There are no cars here that you may book.',
  hours: (n: number) => `${n} hours`,
  chooseTitle: 'Choose a time and book',
  chooseVehicle: 'Choose a car …',
  date: 'Date',
  from: 'From',
  to: 'To',
  purpose: 'Purpose of the trip (optional)',
  book: 'Book now',
  booking: 'Booking …',
  bookedResult: (plate: string, range: string) => `Booked: ${plate}, ${range}.`,
  pending: (plate: string, range: string) => `Requested: ${plate}, ${range} – awaiting approval.`,
  openBooking: 'Open booking',
  dragged: (plate: string, range: string) => `Selected: ${plate}, ${range}. Now confirm.`,
  missingFields: 'Please give car, date, start and end.',
};

export const timelinePageEn: TimelinePageMessages = { timeline: timelineEn };
