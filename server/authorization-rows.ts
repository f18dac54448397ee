/** The authorization matrix's table: for every procedure, the outcome each persona must get. */
import { randomUUID } from 'node:crypto';
import { blockWindow, seriesInput } from './authorization-fixtures';
import {
  bookerOnly,
  bookingReaders,
  everyone,
  gateways,
  HOUR,
  ids,
  keyHolder,
  managedList,
  managersOfA,
  none,
  noSession,
  type Row,
  reason,
  signedIn,
} from './authorization-presets';
import { boxRows } from './authorization-rows-boxes';
import { complianceRows } from './authorization-rows-compliance';
import { damageRows } from './authorization-rows-damage';
import { fleetRows } from './authorization-rows-fleet';
import { peopleRows } from './authorization-rows-people';
import { reportRows } from './authorization-rows-reports';
import { ssoRows } from './authorization-rows-sso';
import { defaultPolicy } from './bookings/policy';
import { randomMac } from './telematics/test-fixtures';
import { hoursFromNow } from './test-support';

/**
 * One row per procedure path (as `appRouter._def.procedures` names it). A new procedure: add its
 * path with an input builder and the outcome for each persona; a state-changing one builds a
 * fresh object per call from the world's `fresh…` helpers (authorization-fixtures.ts).
 */
export type { Outcome, Row } from './authorization-presets';

export const rows: Record<string, Row> = {
  'auth.me': { input: none, expect: everyone },
  'region.settings': { input: none, expect: everyone },
  // Unlocking a person's sign-in: an administrative act on a person of A.
  'auth.unlockSignIn': {
    input: (w) => ({ userId: w.users.staffOwn?.id ?? '' }),
    expect: managersOfA,
  },
  'auth.setLanguage': { input: () => ({ language: 'de' }), expect: signedIn },
  'audit.list': { input: (w) => ({ municipalityId: w.municipalityId }), expect: managersOfA },

  ...reportRows,
  ...complianceRows,
  ...fleetRows,
  ...boxRows,
  ...damageRows,
  ...ssoRows,
  ...peopleRows,

  'stations.list': {
    input: none,
    shows: (answer, w) => ids(answer).includes(w.stationId),
    expect: signedIn,
  },
  'timeline.view': {
    input: (w) => ({ stationId: w.stationId, from: new Date().toISOString().slice(0, 10), days: 7 }),
    shows: (answer, w) => (answer as { vehicles: { id: string }[] }).vehicles.some((v) => v.id === w.car.id),
    expect: signedIn,
  },
  'vehicles.search': { input: () => hoursFromNow(48, 1), expect: signedIn },
  'vehicles.managed': {
    input: none,
    shows: (answer, w) => ids(answer).includes(w.car.id),
    expect: managedList,
  },

  'policies.get': { input: (w) => ({ municipalityId: w.municipalityId }), expect: signedIn },
  'policies.update': {
    input: (w) => ({ municipalityId: w.municipalityId, ...defaultPolicy }),
    expect: managersOfA,
  },

  'blocks.list': {
    input: none,
    shows: (answer, w) => ids(answer).includes(w.block.id),
    expect: managedList,
  },
  'blocks.preview': { input: (w) => ({ vehicleId: w.car.id, ...blockWindow() }), expect: managersOfA },
  'blocks.create': {
    input: async (w) => ({ vehicleId: (await w.freshCar()).id, ...blockWindow() }),
    expect: managersOfA,
  },
  'blocks.cancel': { input: async (w) => ({ id: (await w.freshBlock()).id }), expect: managersOfA },

  // Anyone signed in books any municipality's car (its policy decides the rest).
  'bookings.create': {
    input: async (w) => ({ vehicleId: (await w.freshCar()).id, ...hoursFromNow(24, 2) }),
    expect: signedIn,
  },
  'bookings.createSeries': {
    input: async (w) => seriesInput((await w.freshCar()).id),
    expect: signedIn,
  },
  'bookings.mine': {
    input: none,
    shows: (answer, w) => ids(answer).includes(w.booking.id),
    expect: {
      ...noSession,
      staffOwn: 'ok',
      staffOther: 'hidden',
      fleetOwn: 'hidden',
      fleetOther: 'hidden',
      operator: 'hidden',
    },
  },
  'bookings.mineSection': {
    input: () => ({ section: 'upcoming', page: 0 }),
    shows: (answer, w) => ids((answer as { items: unknown }).items).includes(w.booking.id),
    expect: {
      ...noSession,
      staffOwn: 'ok',
      staffOther: 'hidden',
      fleetOwn: 'hidden',
      fleetOther: 'hidden',
      operator: 'hidden',
    },
  },
  'bookings.byId': {
    input: (w) => ({ id: w.booking.id }),
    missing: () => ({ id: randomUUID() }),
    expect: bookerOnly('BOOKING_NOT_FOUND'),
  },
  'bookings.cancel': {
    input: async (w) => ({ id: (await w.freshBooking()).id }),
    missing: () => ({ id: randomUUID() }),
    expect: bookerOnly('BOOKING_NOT_FOUND'),
  },
  'bookings.changeEnd': {
    input: async (w) => {
      const booking = await w.freshBooking();
      return { id: booking.id, endsAt: new Date(booking.startsAt.getTime() + HOUR) };
    },
    missing: () => ({ id: randomUUID(), endsAt: new Date(Date.now() + 25 * HOUR) }),
    expect: bookerOnly('BOOKING_NOT_FOUND'),
  },
  'bookings.end': {
    input: async (w) => ({ id: (await w.freshActiveBooking()).id }),
    missing: () => ({ id: randomUUID() }),
    expect: bookerOnly('BOOKING_NOT_FOUND'),
  },
  'bookings.cancelSeries': {
    input: async (w) => ({ seriesId: (await w.freshSeries()).seriesId }),
    missing: () => ({ seriesId: randomUUID() }),
    expect: bookerOnly('SERIES_NOT_FOUND'),
  },
  // A manager of another municipality hears of a booking what they would of one that does not exist.
  'bookings.managerCancel': {
    input: async (w) => ({ id: (await w.freshBooking()).id, reason }),
    missing: () => ({ id: randomUUID(), reason }),
    expect: { ...managersOfA, fleetOther: 'BOOKING_NOT_FOUND' },
  },
  'bookings.approve': {
    input: async (w) => ({ id: (await w.freshPendingBooking()).id }),
    missing: () => ({ id: randomUUID() }),
    expect: { ...managersOfA, fleetOther: 'BOOKING_NOT_FOUND' },
  },
  'bookings.decline': {
    input: async (w) => ({ id: (await w.freshPendingBooking()).id, reason }),
    missing: () => ({ id: randomUUID(), reason }),
    expect: { ...managersOfA, fleetOther: 'BOOKING_NOT_FOUND' },
  },
  'bookings.approvalQueue': {
    input: none,
    shows: (answer, w) => ids(answer).includes(w.pending.id),
    expect: managedList,
  },

  // Each person's own feed; nothing of A's in it.
  'calendar.feed': { input: none, expect: signedIn },
  'calendar.createFeed': { input: none, expect: signedIn },
  'calendar.revokeFeed': { input: none, expect: signedIn },

  // A damage at the car: its booker and the car's managers report and read; others hear NOT_FOUND.
  'damage.report': {
    input: async (w) => ({
      bookingId: (await w.freshBooking()).id,
      description: 'Kratzer an der Tür',
      drivable: true,
    }),
    missing: () => ({ bookingId: randomUUID(), description: 'Kratzer an der Tür', drivable: true }),
    expect: bookingReaders('BOOKING_NOT_FOUND'),
  },
  'damage.ofBooking': {
    input: (w) => ({ bookingId: w.booking.id }),
    missing: () => ({ bookingId: randomUUID() }),
    expect: bookingReaders('BOOKING_NOT_FOUND'),
  },
  'logbook.get': {
    input: (w) => ({ bookingId: w.booking.id }),
    missing: () => ({ bookingId: randomUUID() }),
    expect: bookingReaders('BOOKING_NOT_FOUND'),
  },
  // The booker alone writes; A keeps no logbook, so the booker gets past access to that refusal.
  'logbook.save': {
    input: (w) => ({ bookingId: w.current.id, purpose: 'Termin', destination: 'Rathaus' }),
    missing: () => ({ bookingId: randomUUID(), purpose: 'Termin', destination: 'Rathaus' }),
    expect: { ...bookerOnly('BOOKING_NOT_FOUND'), staffOwn: 'LOGBOOK_NOT_REQUIRED' },
  },
  // A person's Fahrtenbuch is theirs alone (managers read a car's, with the trips they may see).
  'logbook.book': {
    input: (w) => ({ userId: w.users.staffOwn?.id ?? '', from: '2026-01-01', to: '2027-01-01' }),
    missing: () => ({ userId: randomUUID(), from: '2026-01-01', to: '2027-01-01' }),
    expect: { ...bookerOnly('PERSON_NOT_FOUND') },
  },

  'telematics.command': {
    input: (w) => ({ bookingId: w.current.id, op: 'lock' }),
    missing: () => ({ bookingId: randomUUID(), op: 'lock' }),
    expect: keyHolder('ok'),
  },
  'telematics.phoneKey': {
    input: (w) => ({ bookingId: w.current.id, holderPublicKey: w.holderKey }),
    missing: (w) => ({ bookingId: randomUUID(), holderPublicKey: w.holderKey }),
    expect: keyHolder('ok'),
  },
  'telematics.job': {
    input: (w) => ({ jobId: w.job.jobId }),
    missing: () => ({ jobId: randomUUID() }),
    expect: bookingReaders('JOB_NOT_FOUND'),
  },
  // Per-person trip data: the booker only; managers look up through privacy.lookUpTrips, logged.
  'telematics.trips': {
    input: (w) => ({ bookingId: w.current.id }),
    missing: () => ({ bookingId: randomUUID() }),
    expect: bookerOnly('BOOKING_NOT_FOUND'),
  },
  'telematics.demo.status': { input: none, expect: signedIn },
  // The demo here simulates none of the world's cars: the booker gets past the access check to
  // DEMO_CAR_NOT_SIMULATED (a NOT_FOUND of the simulator, not of the booking).
  'telematics.demo.car': {
    input: (w) => ({ bookingId: w.current.id }),
    missing: () => ({ bookingId: randomUUID() }),
    expect: keyHolder('DEMO_CAR_NOT_SIMULATED'),
  },
  'telematics.demo.act': {
    input: (w) => ({ bookingId: w.current.id, action: 'openDoor' }),
    missing: () => ({ bookingId: randomUUID(), action: 'openDoor' }),
    expect: keyHolder('DEMO_CAR_NOT_SIMULATED'),
  },
  'telematics.fleetKeys': {
    input: none,
    expect: { ...managersOfA, fleetOther: 'ok' },
  },
  'telematics.registerGateway': {
    input: (w) => ({ stationId: w.stationId, name: `GW ${randomUUID()}` }),
    expect: managersOfA,
  },
  'telematics.revokeGateway': {
    input: async (w) => ({ gatewayId: (await w.freshGateway()).id }),
    expect: managersOfA,
  },
  'telematics.provisionBox': {
    input: async (w) => ({ vehicleId: (await w.freshCar()).id, address: randomMac() }),
    expect: managersOfA,
  },

  'gateway.boxes': {
    input: none,
    shows: (answer, w) => (answer as { boxes: { boxId: string }[] }).boxes.some((b) => b.boxId === w.boxId),
    expect: gateways('hidden'),
  },
  'gateway.pull': {
    input: () => ({ waitMs: 0 }),
    shows: (answer, w) => (answer as { jobs: { boxId: string }[] }).jobs.some((j) => j.boxId === w.boxId),
    expect: gateways('hidden'),
  },
  'gateway.progress': {
    input: async (w) => ({ jobId: await w.sentJob(), stage: 'connecting' }),
    missing: () => ({ jobId: randomUUID(), stage: 'connecting' }),
    expect: gateways('JOB_NOT_FOUND'),
  },
  'gateway.challenge': {
    input: async (w) => ({ jobId: await w.sentJob(), ...w.boxFrames() }),
    missing: (w) => ({ jobId: randomUUID(), ...w.boxFrames() }),
    expect: gateways('JOB_NOT_FOUND'),
  },
  'gateway.result': {
    input: async (w) => ({ jobId: await w.sentJob(), failure: 'NOT_IN_RANGE' }),
    missing: () => ({ jobId: randomUUID(), failure: 'NOT_IN_RANGE' }),
    expect: gateways('JOB_NOT_FOUND'),
  },
  // Another station's box reads as one the server has nothing of (cursor 1), not as its cursor.
  'gateway.logCursor': {
    input: (w) => ({ boxIds: [w.boxId] }),
    shows: (answer) => (answer as { cursors: { nextSeq: number }[] }).cursors[0]?.nextSeq === 42,
    expect: gateways('hidden'),
  },
  'gateway.uploadLog': {
    input: (w) => ({ boxId: w.boxId, records: [] }),
    missing: () => ({ boxId: randomUUID(), records: [] }),
    expect: gateways('BOX_NOT_FOUND'),
  },
  'gateway.boxReset': {
    input: (w) => ({ boxId: w.boxId, nextSeq: 1 }),
    missing: () => ({ boxId: randomUUID(), nextSeq: 1 }),
    expect: gateways('BOX_NOT_FOUND'),
  },
};
