/** The English twins of ./privacy-sizing.ts; imported into en.ts only, so German pages do not carry them. */
import type { myTripsDe, sizingDe, tripLookupDe } from './privacy-sizing';

const euroEn = (n: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(n);

export const sizingEn: typeof sizingDe = {
  section: 'Demand',
  title: 'How many cars are needed?',
  intro:
    'From the bookings and the unsuccessful searches of a period: how many cars would have served 95 % or 99 % of the wanted time, beside the cars there are and what a smaller fleet saves in fixed costs per month.',
  from: 'From',
  to: 'To (exclusive)',
  show: 'Calculate',
  caption: (from: string, to: string) => `Cars needed per station, ${from} to ${to} (exclusive)`,
  regionCaption: (from: string, to: string) => `Cars needed in the region, ${from} to ${to} (exclusive)`,
  columns: {
    station: 'Station',
    requestedHours: 'Wanted time (h)',
    unmetRequestedHours: 'of which searched in vain (h)',
    peakDemand: 'Highest demand per quarter hour',
    cars: 'Available',
    carsFor95: 'Needed for 95 %',
    carsFor99: 'Needed for 99 %',
    savingFor95: 'Saving/month at 95 %',
    savingFor99: 'Saving/month at 99 %',
  },
  region: 'Region (sum of all stations)',
  methodTitle: 'How it is calculated',
  euro: euroEn,
};

export const myTripsEn: typeof myTripsDe = {
  title: 'My trips',
  intro:
    'Your trips from the data of the telematics box: when, with which car, how far and how long. No location history (GPS) is stored. After the retention period your name is removed from old bookings; they then no longer appear here.',
  caption: 'My trips',
  none: 'No trips yet.',
  columns: { date: 'Start', car: 'Car', km: 'km', minutes: 'Duration (min)' },
  lookupsTitle: 'Who has looked at my trips?',
  lookupsIntro:
    'Every time the fleet office looks at your trips it is logged with a reason. Here you see all of them.',
  lookupsCaption: 'Look-ups of my trips',
  lookupsNone: 'Nobody has looked at your trips.',
  lookupColumns: { at: 'When', viewer: 'Who', purpose: 'Purpose', reason: 'Reason', span: 'Period' },
};

export const tripLookupEn: typeof tripLookupDe = {
  section: 'Look up trips',
  title: 'Look up a person’s trips',
  purposeTitle: 'What this page is for',
  purpose: [
    'Here fleet managers see the trips of a single person of their municipality – only for these purposes: to assign a damage or a fine to the person who had the car, or to settle a question about a billed trip.',
    'Looking for performance or behaviour monitoring is not allowed. Every look-up is logged with you, the person, the time, the purpose, the reason and the period; the person sees the log, as does the staff council on request.',
    'A look-up covers at most 93 days. Start, end, car and kilometres are stored – no location history. After the retention period trips are no longer assigned to anyone.',
  ],
  person: 'Person',
  choose: 'Please choose',
  purposeLabel: 'Purpose',
  purposes: { damage: 'Assign a damage', fine: 'Assign a fine', billing: 'Question about billing' },
  reason: 'Reason (e.g. file number, damage report)',
  from: 'From',
  to: 'To (exclusive)',
  submit: 'Look up and log',
  busy: 'Looking up …',
  caption: (name: string, from: string, to: string) => `Trips of ${name}, ${from} to ${to} (exclusive)`,
};
