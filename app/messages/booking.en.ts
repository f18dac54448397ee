import type { BookingPageMessages } from './booking';
import { bookingsEn } from './bookings.en';
import { damageEn, logbookEn } from './damage.en';

const km = (value: number) => `${value.toLocaleString('en-GB', { maximumFractionDigits: 1 })} km`;

/** The English twins of booking.ts. */
export const bookingPageEn: BookingPageMessages = {
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
  damage: damageEn,
  logbook: logbookEn,
};
