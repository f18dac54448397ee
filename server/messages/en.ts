import type { MunicipalityNames, ServerMessages } from './de';

/** Every English text of mails and calendar files, with the keys of de.ts. */
export const en: ServerMessages = {
  dates: {
    clock: (time: string) => time,
    sameDay: (start: string, endTime: string) => `${start}–${endTime}`,
    acrossDays: (start: string, end: string) => `${start} to ${end}`,
  },
  mail: {
    greeting: (name: string) => `Hello ${name},`,
    signature: (product: string) => `Your ${product} team`,
    footer: (product: string) =>
      `This message was sent automatically by ${product}. Please do not reply to it.`,
    facts: {
      vehicle: 'Car',
      period: 'Period',
      station: 'Station',
      purpose: 'Purpose',
      bookedBy: 'Booked by',
      description: 'Description',
      drivable: 'Drivable',
      yes: 'yes',
      no: 'no',
    },
    actions: {
      viewBooking: 'View booking',
      viewRequest: 'View request',
      reviewRequest: 'Review request',
      bookAlternative: 'Book the other car',
      fleet: 'Go to the fleet',
      myBookings: 'My bookings',
      signIn: 'Go to sign-in',
      recordLicenceCheck: 'Record the check',
    },
    reason: (reason: string | null) => (reason ? `Reason: ${reason}` : 'No reason was given.'),
    openWithApp: 'You open the car with the app, at the earliest 10 minutes before the start.',
    confirmation: {
      subject: (plate: string, when: string) => `Booking confirmed: ${plate} on ${when}`,
      intro: 'Your booking is confirmed. The appointment for your calendar is attached.',
      outro:
        'You open the car with the app, at the earliest 10 minutes before the start. Please cancel in good time if you no longer need the car.',
    },
    changed: {
      subject: (plate: string, when: string) => `Booking changed: ${plate} on ${when}`,
      extended: (end: string, before: string) =>
        `Your booking was extended: it now ends ${end} instead of ${before}.`,
      shortened: (end: string, before: string) =>
        `Your booking was shortened: it now ends ${end} instead of ${before}.`,
      rescheduled: (range: string, before: string) =>
        `Your booking was moved: now ${range}, previously ${before}.`,
      vehicle: (car: string, station: string | null, before: string) =>
        `Your booking was moved to another car: ${car}${station ? ` at the station ${station}` : ''} instead of ${before}.`,
      byManager: (name: string, reason: string | null) =>
        `The change was made by ${name} (fleet management)${reason ? `. Reason: ${reason}` : '.'}`,
      outro: 'The appointment attached replaces the previous one in your calendar.',
    },
    cancelled: {
      subject: (plate: string, when: string) => `Booking cancelled: ${plate} on ${when}`,
      byBooker: 'You cancelled your booking. The car is free for others again.',
      byManager: (name: string) => `Your booking was cancelled by ${name} (fleet management).`,
      next: 'Please book another car if you need one. If you have questions, please contact your fleet management.',
      outro: 'The attachment removes the appointment from your calendar.',
    },
    reminder: {
      subject: (plate: string, time: string) => `Reminder: ${plate} from ${time}`,
      intro: (when: string) => `Your booking starts ${when}.`,
      outro:
        'You open the car with the app, at the earliest 10 minutes before the start. If you no longer need it, please cancel now so that others can use it.',
    },
    noShow: {
      subject: (plate: string, when: string) => `Booking lapsed: ${plate} on ${when}`,
      intro: (graceMinutes: number) =>
        `The car was not opened within ${graceMinutes} minutes after your booking started. The booking has therefore lapsed and the car is free for others.`,
      rebook: 'If you still need the car, please book it again.',
    },
    lateReturn: {
      subject: (plate: string, when: string) => `Car not back yet: ${plate} for ${when}`,
      intro: (car: string, when: string) =>
        `The car ${car} you booked from ${when} is not back from the previous trip yet.`,
      offer: (car: string, place: string) => `We can offer you ${car} at the station ${place} instead.`,
      noOffer: 'Unfortunately we found no other free car for your period.',
      outro: 'Your booking stays as it is until you change or cancel it.',
    },
    approvalPending: {
      subject: (plate: string, when: string) => `Booking requested: ${plate} on ${when}`,
      intro: [
        'Your booking needs the approval of the fleet management of the municipality that owns the car. Only once approved is it binding.',
        'You will get another message as soon as it is decided.',
      ],
    },
    approvalRequested: {
      subject: (plate: string, when: string) => `Approval requested: ${plate} on ${when}`,
      intro: (booker: string) =>
        `${booker} would like to book a car of your municipality and asks for approval.`,
    },
    approvalGranted: {
      subject: (plate: string, when: string) => `Booking approved: ${plate} on ${when}`,
      intro:
        'Your booking was approved and is now confirmed. The appointment attached replaces the tentative one.',
    },
    approvalDeclined: {
      subject: (plate: string, when: string) => `Booking declined: ${plate} on ${when}`,
      intro: (name: string) => `Your booking request was declined by ${name} (fleet management).`,
      nextOther: 'Please choose another car, for example one of your own municipality.',
      nextOwn:
        'Please choose another period or another car. If you have questions, please contact your fleet management.',
      outro: 'The attachment removes the tentative appointment from your calendar.',
    },
    damage: {
      subject: (plate: string, drivable: boolean) =>
        `Damage reported: ${plate}${drivable ? '' : ' – not drivable'}`,
      intro: 'A damage was reported on a car of your municipality.',
      drivable: 'According to the report, the car can still be driven.',
      notDrivable:
        'According to the report, the car can no longer be driven. Please check whether it must be blocked.',
    },
    licence: {
      subject: (until: string) => `Your driving licence check runs out on ${until}`,
      intro: (until: string) => [
        `Your driving licence check is valid until ${until}. After that you can no longer book pool cars, and your bookings after that day will be blocked.`,
        'Please have your driving licence checked by your fleet management in good time before.',
      ],
      managerSubject: (name: string, until: string) =>
        `Driving licence check of ${name} runs out on ${until}`,
      managerIntro: (name: string, email: string, until: string) => [
        `The driving licence check of ${name} (${email}) is valid until ${until}. After that ${name} can no longer book pool cars, and bookings after that day will be blocked.`,
        'Please arrange a new check in good time. The person has been notified as well.',
      ],
    },
    signInLocked: {
      subject: 'Sign-in temporarily locked',
      intro: (failures: number, until: string) => [
        `A wrong password was entered for your account ${failures} times in a row. To protect your account, sign-in is therefore locked until ${until}; every further failed attempt extends the lock.`,
        'If that was you, please wait and then sign in as usual.',
        'If it was not you, please contact the fleet management of your municipality. They can lift the lock at once.',
      ],
    },
  },
  policy: {
    days: (n: number) => (n === 1 ? '1 day' : `${n} days`),
    hours: (n: number) => (n === 1 ? '1 hour' : `${n} hours`),
    minutes: (n: number) => `${n} minutes`,
    noLicenceCheck: 'No valid driving licence check on record – please contact the fleet office',
    licenceCheckExpired: (date: string) =>
      `Driving licence check expired on ${date} – please contact the fleet office`,
    maxDuration: (duration: string) => `A booking may last at most ${duration}.`,
    horizon: (days: number) => `Bookings are possible at most ${days} days ahead.`,
    leadTime: (duration: string) => `Bookings need at least ${duration} notice.`,
    maxFutureBookings: (open: number, owner: MunicipalityNames, most: number) =>
      `You already have ${open} upcoming bookings with ${owner.name}; more than ${most} are not possible.`,
    othersNotAllowed: (owner: MunicipalityNames) =>
      `Cars of ${owner.name} can only be booked by its own staff.`,
    othersHours: (owner: MunicipalityNames, from: string, until: string) =>
      `Staff of other municipalities can book cars of ${owner.name} only between ${from} and ${until}.`,
  },
  car: {
    queued: 'The request is waiting for the station’s gateway.',
    connecting: 'The gateway is connecting to the car.',
    connected: 'Connected to the car.',
    transmitting: 'The command is being sent to the car.',
    ok: {
      unlock: 'The car is unlocked.',
      lock: 'The car is locked.',
      end: 'The trip has ended and the car is locked.',
      revocation: 'The key has been revoked in the box.',
    },
    vehicleState: {
      door: 'A door is still open. Please close all doors first.',
      ignition: 'The ignition is still on. Please switch off the ignition first.',
      unknown: 'The car does not allow this right now: a door is open or the ignition is on.',
    },
    status: {
      MALFORMED: 'The box could not read the command.',
      BAD_CA_SIGNATURE: 'The box does not accept the key (fleet signature invalid).',
      WRONG_BOX: 'The key is for another car.',
      NOT_YET_VALID: 'By the box’s clock the key is not valid yet.',
      EXPIRED: 'The key has expired.',
      BAD_HOLDER_SIGNATURE: 'The command was not validly signed.',
      STALE_NONCE: 'The request to the box was out of date. Please try again.',
      REVOKED: 'The key has been revoked.',
      NOT_PERMITTED: 'This key does not allow this action.',
      STALE_UPDATE: 'The box holds a newer key change and refused this older one.',
      LAST_ANCHOR: 'The box would be left without a fleet key and refused.',
      ANCHORS_FULL: 'The box already knows two fleet keys; one must be removed first.',
    },
    unknownStatus: (name: string) => `Unknown answer from the box (${name}).`,
    failure: {
      NOT_IN_RANGE: 'The car is not within reach of the station’s gateway.',
      LINK_DROPPED: 'The Bluetooth connection dropped. Please try again.',
      TIMEOUT: 'The car did not answer in time.',
      BLUETOOTH: 'A Bluetooth error occurred at the station’s gateway.',
      EXPIRED: 'The request expired before the car was reached.',
      BAD_RESPONSE: 'The box’s answer was not validly signed and was discarded.',
      BAD_FRAME: 'The box’s data were damaged.',
      WRONG_BOX: 'Another box than the car’s was within reach.',
    },
    failed: 'The request failed.',
  },
  calendar: {
    files: { booking: 'booking.ics', cancellation: 'cancellation.ics', feed: 'bookings.ics' },
    summary: (plate: string, car: string) => `Pool car ${plate} (${car})`,
    pending: (summary: string) => `${summary} – awaiting approval`,
    purpose: (purpose: string) => `Purpose: ${purpose}`,
    vehicle: (car: string, plate: string) => `Car: ${car}, plate ${plate}`,
    station: (place: string) => `Pick-up and return: ${place}`,
    link: (url: string) => `View or change the booking: ${url}`,
    feedName: (product: string) => `${product} – My bookings`,
    feedDescription: (product: string) => `Pool car bookings from ${product}`,
  },
};
