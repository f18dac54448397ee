/** The English twins of ./search.ts; imported into en.ts only, so German pages do not carry them. */
import type { searchDe } from './search';

const englishDate = (day: string) =>
  new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${day}T12:00:00Z`));

export const searchEn: typeof searchDe = {
  title: 'Find a free car',
  when: 'When',
  fromDate: 'From (date)',
  fromTime: 'From (time)',
  toDate: 'Until (date)',
  toTime: 'Until (time)',
  quick: 'Quick choice',
  quickTwoHours: '2 hours from now',
  quickAfternoon: 'This afternoon',
  quickTomorrow: 'Tomorrow',
  problem: {
    missing: 'Please enter a date and a time.',
    order: 'The end must be after the start.',
    gap: (day: string, time: string) =>
      `${time} does not exist on ${englishDate(day)}: the clocks go forward to summer time that night. Please choose a time before or after.`,
  },
  place: 'Place',
  anywhere: 'All stations',
  allOf: (municipality: string) => `All stations: ${municipality}`,
  minSeats: 'Seats at least',
  anySeats: 'any',
  powertrain: 'Powertrain',
  anyPowertrain: 'any',
  submit: 'Search',
  busy: 'Searching …',
  none: 'No car is free here at this time. Try another time or station.',
  found: (n: number) => (n === 1 ? '1 car free' : `${n} cars free`),
  hidden: (n: number) =>
    n === 1 ? '1 more free car cannot be booked by you:' : `${n} more free cars cannot be booked by you:`,
  hiddenCount: (n: number) => (n === 1 ? '1 car' : `${n} cars`),
  book: 'Book',
  bookThis: (car: string) => `Book ${car}`,
  purpose: 'Purpose of the trip (optional)',
  confirm: 'Confirm booking',
  cancel: 'Cancel',
  booking: 'Booking …',
  booked: (car: string, span: string) => `Booked: ${car}, ${span}.`,
  openBooking: 'Open booking',
  seats: (n: number) => `${n} seats`,
  range: (km: number) => `Range up to ${km} km`,
  charge: (soc: number, km: number) => `Battery ${soc} % · approx. ${km} km`,
  rangeWarning: 'The range will probably not be enough for the planned distance.',
  distance: (km: number) => `${km.toLocaleString('en-GB')} km away`,
  plannedKm: 'Planned distance (km)',
  nearMe: 'Sort by distance from me',
  nearActive: 'Sorted by distance ✓',
  nearFailed: 'Your location is not available; sorting without distance.',
  otherTimes: 'Free here at another time',
  otherStations: 'Free at other stations at the same time',
  shift: (hours: number) =>
    `${Math.abs(hours)} ${Math.abs(hours) === 1 ? 'hour' : 'hours'} ${hours < 0 ? 'earlier' : 'later'}`,
  takeTime: 'Take this time',
  owner: (owner: { name: string; genitive: string }) => `Car of ${owner.name}`,
  seriesResult: (n: number, skipped: number) =>
    `Series booked: ${n} ${n === 1 ? 'date' : 'dates'}${skipped > 0 ? `, ${skipped} skipped` : ''}.`,
  seriesBooked: 'Booked dates',
  seriesSkipped: 'Skipped dates',
  seriesNotCreated: 'The series was not booked. These dates are not possible:',
};
