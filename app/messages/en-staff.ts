import { bookingsEn } from './bookings.en';
import { damageEn, logbookEn } from './damage.en';
import { dashboardEn } from './dashboard.en';
import type { StaffMessages } from './de-staff';
import { fleetDamageEn } from './fleet-damage.en';
import { logbookBookEn } from './logbook-book.en';
import { mapEn } from './map.en';
import { peopleEn } from './people.en';
import { myTripsEn, tripLookupEn } from './privacy-sizing.en';
import { reportTableEn } from './report-table.en';
import { searchEn } from './search.en';
import { ssoEn } from './sso.en';
import { timelineEn } from './timeline.en';

const km = (value: number) => `${value.toLocaleString('en-GB', { maximumFractionDigits: 1 })} km`;

/** The English twins of de-staff.ts. */
export const enStaff: StaffMessages = {
  app: { name: 'ParthelandMobil', tagline: 'Book the municipalities’ pool cars' },
  nav: { search: 'Find a car', bookings: 'My bookings', signOut: 'Sign out', label: 'Main navigation' },
  language: { switchTo: 'Deutsch', switchLabel: 'Auf Deutsch wechseln (language: German)' },
  skipLink: 'Skip to content',
  notFound: {
    title: 'Page not found',
    text: 'This page does not exist (any more). Perhaps its address has changed.',
    home: 'To the start page',
  },
  signIn: {
    title: 'Sign in',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    busy: 'Signing in …',
    failed: 'The e-mail address or password is wrong.',
    tooManyAttempts: (seconds: number) => `Too many attempts – please try again in ${seconds} seconds`,
    tooManyAttemptsLater: 'Too many attempts – please try again later',
    noSignUp: 'Accounts are given out by your municipality’s fleet office.',
    deactivated: 'Your account is deactivated. Please contact the fleet office of your municipality.',
  },
  search: searchEn,
  logbookBook: logbookBookEn,
  series: {
    repeat: 'Repeat every week at the same time',
    weeks: 'How many weeks',
    skipConflicts: 'Skip dates that are taken',
  },
  powertrain: { ev: 'Electric', phev: 'Plug-in hybrid', ice: 'Combustion' },
  bookings: {
    ...bookingsEn,
    title: 'My bookings',
    cancel: 'Cancel booking',
    cancelConfirm: 'Really cancel this booking?',
    cancelled: 'Booking cancelled.',
    seriesCancelled: 'The remaining dates of the series are cancelled.',
    changed: 'The end of the booking has been changed.',
    changedPending:
      'The end of the booking has been changed. The fleet office still has to approve the extra time; until then it is held for you.',
    changeEnd: 'Change end',
    newEndDate: 'New end: date',
    newEndTime: 'Time',
    saveEnd: 'Save end',
    cancelSeries: 'Cancel the whole series',
    cancelSeriesConfirm: 'Cancel all dates of this series that have not started yet?',
    series: 'Series date',
    late: 'Return overdue',
    confirmedTitle: 'Booking confirmed',
    confirmedText: 'The car is reserved for you.',
    toList: 'To my bookings',
    purpose: 'Purpose',
    declinedTitle: 'Request declined',
    declinedReason: (reason: string) => `The fleet office declined your request. Reason: ${reason}`,
    cancelledReason: (reason: string) => `The fleet office cancelled the booking. Reason: ${reason}`,
    downloadIcs: 'Download the date for your calendar (.ics)',
  },
  status: {
    pending: 'Awaiting approval',
    reserved: 'Reserved',
    active: 'On the road',
    completed: 'Completed',
    cancelled: 'Cancelled',
    no_show: 'Not collected',
  },
  calendar: {
    nav: 'Calendar',
    title: 'Bookings in your own calendar',
    intro:
      'With a private calendar link your calendar program (Outlook, Thunderbird, Google Calendar, iPhone) shows your bookings and keeps them up to date: those of the last 60 days and all future ones. Cancelled bookings disappear again.',
    secret:
      'The link works like a password: whoever knows it sees your bookings. Do not pass it on. If it has fallen into the wrong hands, revoke it and create a new one.',
    none: 'You have no calendar link at the moment.',
    active: (created: string) => `Your calendar link is active (created on ${created}).`,
    lastFetched: (at: string) => `Last fetched by your calendar program: ${at}.`,
    neverFetched: 'Your calendar program has not fetched the link yet.',
    create: 'Create calendar link',
    replace: 'Create a new link',
    replaceConfirm: 'The current link will stop working. Create a new link?',
    creating: 'Creating …',
    yourLink: 'Your calendar link',
    onlyOnce:
      'This link is shown only now. Copy it and paste it into your calendar program. Later you can only create a new one.',
    copy: 'Copy link',
    copied: 'Link copied.',
    copyFailed: 'Copying was not possible. Please select and copy the link by hand.',
    openInApp: 'Open in calendar program',
    howTo: 'How to subscribe to the calendar',
    outlook: 'Outlook: Calendar → Add calendar → From the internet, paste the link.',
    thunderbird: 'Thunderbird: New calendar → On the network, paste the link, format iCalendar (ICS).',
    google:
      'Google Calendar (in the browser): Other calendars (+) → From URL, paste the link. Google fetches subscribed calendars only every 12 to 24 hours.',
    apple: 'iPhone and iPad: Settings → Calendar → Accounts → Add account → Other → Add subscribed calendar.',
    refresh:
      'Changes appear as soon as your program fetches the link again, after minutes to hours depending on the program. Confirmations and changes also arrive at once by e-mail, with the date attached.',
    revoke: 'Revoke link',
    revokeConfirm:
      'Really revoke the calendar link? Your calendar program will then receive no more bookings.',
    revoking: 'Revoking …',
    revoked: 'The calendar link is revoked.',
  },
  car: {
    title: 'Open the car',
    hint: 'Press at the car: the station’s gateway sends the command by Bluetooth.',
    keyFrom: (time: string) => `The digital key is valid from ${time}.`,
    unlock: 'Unlock',
    lock: 'Lock',
    end: 'End trip',
    endAfterUnlock: '“End trip” appears once the car has been unlocked with this booking.',
    stages: {
      queued: 'Command sent to the station …',
      connecting: 'Connecting …',
      connected: 'Connected to the car …',
      challenged: 'Sending the command …',
    },
    answered: 'The box answered:',
    refused: 'The box refused:',
    failed: 'That did not work:',
    trip: {
      title: 'Your trip',
      waiting: 'The trip data is coming from the car …',
      none: 'There is no trip data for this booking.',
      distance: 'Distance',
      energy: 'Energy',
      duration: 'Duration',
      soc: 'Charge start/end',
      km,
      kwh: (kwh: number) => `${kwh.toLocaleString('en-GB', { maximumFractionDigits: 2 })} kWh`,
      minutes: (minutes: number) =>
        minutes < 60
          ? `${minutes} min`
          : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`,
      socRange: (start: number | null, end: number | null) =>
        `${start === null ? '–' : `${start} %`} → ${end === null ? '–' : `${end} %`}`,
      unknown: '–',
    },
    simulator: {
      title: 'Simulator',
      intro: 'Demo only: a simulated car stands here instead of real hardware.',
      openDoor: 'Open door',
      closeDoor: 'Close door',
      ignitionOn: 'Ignition on',
      ignitionOff: 'Ignition off',
      drive: 'Drive 10 km',
      charge: 'Charge 30 min',
      locked: 'Locked',
      unlocked: 'Unlocked',
      doorOpen: 'Door open',
      doorClosed: 'Door closed',
      ignitionIsOn: 'Ignition on',
      ignitionIsOff: 'Ignition off',
      odometer: (value: number) => `Odometer ${km(value)}`,
      soc: (percent: number) => `Charge ${percent} %`,
      carTime: (time: string) => `Clock in the car ${time}`,
    },
  },
  manage: {
    nav: 'Fleet',
  },
  errors: {
    generic: 'That did not work. Please try again.',
    loading: 'Loading …',
  },
  dashboard: dashboardEn,
  myTrips: myTripsEn,
  tripLookup: tripLookupEn,
  damage: damageEn,
  logbook: logbookEn,
  timeline: timelineEn,
  fleetDamage: fleetDamageEn,
  map: mapEn,
  reportTable: reportTableEn,
  sso: ssoEn,
  people: peopleEn,
};
