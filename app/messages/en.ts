import { auditEn } from './audit.en';
import { bookingsEn } from './bookings.en';
import { complianceEn } from './compliance.en';
import { costsEn, settlementEn } from './costs.en';
import { damageEn, logbookEn } from './damage.en';
import { dashboardEn } from './dashboard.en';
import type { Messages } from './de';
import { fleetAdminEn } from './fleet-admin.en';
import { fleetCalendarEn, fleetDamageEn } from './fleet-damage.en';
import { logbookBookEn } from './logbook-book.en';
import { mapEn } from './map.en';
import { peopleEn } from './people.en';
import { myTripsEn, sizingEn, tripLookupEn } from './privacy-sizing.en';
import { reportTableEn } from './report-table.en';
import { searchEn } from './search.en';
import { timelineEn } from './timeline.en';

const km = (value: number) => `${value.toLocaleString('en-GB', { maximumFractionDigits: 1 })} km`;

/** Every English text of the UI, with the keys of de.ts. */
export const en: Messages = {
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
    title: 'Fleet',
    sections: {
      approvals: 'Approvals',
      blocks: 'Blocked times',
      rules: 'Booking rules',
      costs: 'Costs',
      settlement: 'Settlement',
      audit: 'Audit log',
    },
    sectionsLabel: 'Areas of the fleet',
    range: (from: string, to: string) => `${from} – ${to}`,
    approvals: {
      title: 'Bookings awaiting approval',
      intro: 'These bookings of your cars are waiting for your decision. The car stays held until then.',
      none: 'No bookings are awaiting approval.',
      booker: (name: string, municipality: string | null) =>
        municipality ? `${name} (${municipality})` : name,
      requested: (at: string) => `Requested on ${at}`,
      extension: (approvedUntil: string) =>
        `Extension of an approved booking (so far until ${approvedUntil}). If declined, that stays.`,
      purpose: 'Purpose',
      approve: 'Approve',
      approving: 'Approving …',
      decline: 'Decline',
      declineReason: 'Reason for declining (the booker is told)',
      declineSubmit: 'Send decline',
      declining: 'Declining …',
      back: 'Cancel',
      approved: (who: string) => `Booking of ${who} approved.`,
      declined: (who: string) => `Booking of ${who} declined.`,
      reasonTooShort: 'Please give a reason of at least 3 characters.',
      linked: 'The request from your e-mail',
      linkedGone:
        'The request from your e-mail no longer awaits a decision: it has already been decided or withdrawn.',
    },
    blocks: {
      title: 'Blocked times',
      intro: 'During a blocked time (maintenance, cleaning, damage, inspection) the car cannot be booked.',
      current: 'Current and coming blocked times',
      none: 'No blocked times entered.',
      cancel: 'Lift blocked time',
      cancelConfirm: 'Lift this blocked time? The car can then be booked again.',
      cancelled: 'Blocked time lifted.',
      kinds: { maintenance: 'Maintenance', cleaning: 'Cleaning', damage: 'Damage', inspection: 'Inspection' },
      newTitle: 'Block a car',
      vehicle: 'Car',
      chooseVehicle: 'Please choose',
      fromDate: 'From (date)',
      fromTime: 'From (time)',
      toDate: 'To (date)',
      toTime: 'To (time)',
      kind: 'Kind',
      reason: 'Reason',
      reasonHint: 'Those affected are told when bookings are moved or cancelled.',
      check: 'Check',
      checking: 'Checking …',
      previewTitle: 'Preview',
      noneAffected: 'The car has no bookings in this period.',
      affected: (n: number) =>
        n === 1 ? 'This booking is in the way:' : `These ${n} bookings are in the way:`,
      movedTo: (plate: string) => `will be moved to ${plate}`,
      willCancel: 'will be cancelled – no replacement car is free',
      onTrip: 'The car is on a trip at this time – the blocked time must start after the trip',
      otherCar: 'an equivalent car',
      confirm: 'Enter blocked time',
      confirmAffected: 'Block, move and cancel',
      saving: 'Saving …',
      change: 'Change',
      done: (moved: number, cancelled: number) => {
        const parts: string[] = [];
        if (moved > 0) parts.push(moved === 1 ? '1 booking moved' : `${moved} bookings moved`);
        if (cancelled > 0)
          parts.push(cancelled === 1 ? '1 booking cancelled' : `${cancelled} bookings cancelled`);
        return parts.length > 0
          ? `Blocked time entered: ${parts.join(', ')}. Those affected are being told.`
          : 'Blocked time entered. No booking was affected.';
      },
      incomplete: 'Please give the car, start, end, kind and reason.',
    },
    rules: {
      title: 'Booking rules',
      intro: 'These rules apply to all bookings of your municipality’s cars.',
      municipality: 'Municipality',
      chooseMunicipality: 'Please choose',
      horizonDays: 'Booking horizon (days)',
      horizonHint: 'A booking may start this many days ahead (1 to 730).',
      maxDuration: 'Longest booking (hours)',
      maxDurationHint: 'A single booking may not last longer, e.g. 8 for a working day, 336 = 14 days.',
      minLead: 'Lead time (minutes)',
      minLeadHint: 'Bookings must be made at least this long before the start; 0 = also at short notice.',
      othersMayBook: 'Open the cars to other municipalities',
      othersMayBookHint: 'Staff of the region’s other municipalities may book these cars.',
      othersFrom: 'Bookable for others from (time)',
      othersUntil: 'Bookable for others until (time)',
      othersHoursHint:
        'Leave both empty: around the clock. Otherwise the booking must lie wholly within these hours.',
      noShowGrace: 'Grace time until no-show (minutes)',
      noShowGraceHint:
        'If the car is not opened this long after the start, the booking counts as not collected.',
      maxFutureBookings: 'Most open bookings per person',
      maxFutureBookingsHint: 'A person may hold this many upcoming bookings with your municipality at once.',
      approvalRequired: 'Bookings need approval',
      approvalRequiredHint:
        'New bookings wait for approval under “Approvals”; the car stays held until then.',
      licenceInterval: 'Licence check every … months',
      licenceIntervalHint:
        'How long a check of your own staff holds; if the licence card expires sooner, it holds until then.',
      save: 'Save rules',
      saving: 'Saving …',
      saved: 'The booking rules are saved.',
    },
  },
  errors: {
    generic: 'That did not work. Please try again.',
    loading: 'Loading …',
  },
  reportTable: reportTableEn,
  costs: costsEn,
  settlement: settlementEn,
  dashboard: dashboardEn,
  sizing: sizingEn,
  myTrips: myTripsEn,
  tripLookup: tripLookupEn,
  damage: damageEn,
  compliance: complianceEn,
  logbook: logbookEn,
  timeline: timelineEn,
  fleetDamage: fleetDamageEn,
  fleetCalendar: fleetCalendarEn,
  audit: auditEn,
  map: mapEn,
  fleetAdmin: fleetAdminEn,
  people: peopleEn,
};
