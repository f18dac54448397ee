/** The authorization matrix's table: for every procedure, the outcome each persona must get. */
import { randomUUID } from 'node:crypto';
import { blockWindow, type Persona, seriesInput, type World } from './authorization-fixtures';
import { defaultPolicy } from './bookings/policy';
import type { AppErrorCode } from './errors';
import { randomMac } from './telematics/test-fixtures';
import { hoursFromNow } from './test-support';

/**
 * `ok`: answered (and, where the row says what A's object looks like in the answer, it is there);
 * `hidden`: answered without A's object (a list or cursor that must not show another's things);
 * otherwise the AppError code of the refusal, which fixes its tRPC code (errors.ts).
 */
export type Outcome = 'ok' | 'hidden' | AppErrorCode;

export interface Row {
  /** A valid input naming A's object. Called once per persona: a call that changes state makes its own. */
  input: (w: World) => unknown;
  /**
   * The same input naming an object that does not exist. Required where one persona reaches the
   * object and another is answered NOT_FOUND: that answer must be exactly the one for a
   * non-existent id (code, AppError code, message), so it tells nothing.
   */
  missing?: (w: World) => unknown;
  /** Whether an answer shows A's object; with it, `ok` means shown and `hidden` means not. */
  shows?: (answer: unknown, w: World) => boolean;
  expect: Record<Persona, Outcome>;
}

// The columns most rows share.
const noSession = {
  anonymous: 'UNAUTHENTICATED',
  gatewayOwn: 'UNAUTHENTICATED',
  gatewayOther: 'UNAUTHENTICATED',
} as const;
const everyone = {
  anonymous: 'ok',
  staffOwn: 'ok',
  staffOther: 'ok',
  fleetOwn: 'ok',
  fleetOther: 'ok',
  operator: 'ok',
  gatewayOwn: 'ok',
  gatewayOther: 'ok',
} as const;
const signedIn = { ...everyone, ...noSession } as const;
const noStaff = { staffOwn: 'FORBIDDEN_ROLE', staffOther: 'FORBIDDEN_ROLE' } as const;
/** Administrative acts on A's things everyone may see (cars, stations, gateways, policies). */
const managersOfA = {
  ...noSession,
  ...noStaff,
  fleetOwn: 'ok',
  fleetOther: 'OTHER_MUNICIPALITY',
  operator: 'ok',
} as const;
/** Lists of managed things: each manager gets a list, but only of what they manage. */
const managedList = {
  ...noSession,
  ...noStaff,
  fleetOwn: 'ok',
  fleetOther: 'hidden',
  operator: 'ok',
} as const;
/** Private to the booker: anyone else hears what they would for a booking that does not exist. */
const bookerOnly = (notFound: AppErrorCode) =>
  ({
    ...noSession,
    staffOwn: 'ok',
    staffOther: notFound,
    fleetOwn: notFound,
    fleetOther: notFound,
    operator: notFound,
  }) as const;
/** What hangs on a booking (trips, jobs): its booker and whoever manages the car's municipality. */
const bookingReaders = (notFound: AppErrorCode) =>
  ({
    ...noSession,
    staffOwn: 'ok',
    staffOther: notFound,
    fleetOwn: 'ok',
    fleetOther: notFound,
    operator: 'ok',
  }) as const;
/** Keys and the car itself: the booker alone (telematics/rules.ts keyRefusal); to anyone else the booking does not exist. */
const keyHolder = (booker: Outcome) =>
  ({
    ...noSession,
    staffOwn: booker,
    staffOther: 'BOOKING_NOT_FOUND',
    fleetOwn: 'BOOKING_NOT_FOUND',
    fleetOther: 'BOOKING_NOT_FOUND',
    operator: 'BOOKING_NOT_FOUND',
  }) as const;
/** Station gateways by token: people are not gateways; a gateway reaches its own station only. */
const gateways = (other: Outcome) =>
  ({
    anonymous: 'GATEWAY_UNAUTHORIZED',
    staffOwn: 'GATEWAY_UNAUTHORIZED',
    staffOther: 'GATEWAY_UNAUTHORIZED',
    fleetOwn: 'GATEWAY_UNAUTHORIZED',
    fleetOther: 'GATEWAY_UNAUTHORIZED',
    operator: 'GATEWAY_UNAUTHORIZED',
    gatewayOwn: 'ok',
    gatewayOther: other,
  }) as const;

const HOUR = 3_600_000;
const none = () => undefined;
const ids = (answer: unknown) => (answer as { id: string }[]).map((row) => row.id);
const reason = 'Fahrzeug wird für den Winterdienst gebraucht';

/**
 * One row per procedure path (as `appRouter._def.procedures` names it). A new procedure: add its
 * path with an input builder and the outcome for each persona; a state-changing one builds a
 * fresh object per call from the world's `fresh…` helpers (authorization-fixtures.ts).
 */
export const rows: Record<string, Row> = {
  'auth.me': { input: none, expect: everyone },
  'region.settings': { input: none, expect: everyone },
  // Unlocking a person's sign-in: an administrative act on a person of A.
  'auth.unlockSignIn': {
    input: (w) => ({ userId: w.users.staffOwn?.id ?? '' }),
    expect: managersOfA,
  },

  // Privacy: one's own trips and who looked at them; a person's trips only to who manages them, with a reason.
  'privacy.myTrips': { input: none, expect: signedIn },
  'privacy.myLookups': { input: none, expect: signedIn },
  'privacy.people': {
    input: none,
    shows: (answer, w) => ids(answer).includes(w.users.staffOwn?.id ?? ''),
    expect: managedList,
  },
  'privacy.lookUpTrips': {
    input: (w) => ({
      userId: w.users.staffOwn?.id ?? '',
      purpose: 'damage',
      reason: 'Kratzer an der Heckklappe gemeldet',
      from: '2026-10-01',
      to: '2026-11-01',
    }),
    missing: () => ({
      userId: randomUUID(),
      purpose: 'damage',
      reason: 'Kratzer an der Heckklappe gemeldet',
      from: '2026-10-01',
      to: '2026-11-01',
    }),
    expect: { ...noSession, ...noStaff, fleetOwn: 'ok', fleetOther: 'PERSON_NOT_FOUND', operator: 'ok' },
  },

  // Reports: fleet managers and the operator; a foreign manager never sees A's cars one by one.
  'reports.figures': {
    input: (w) => ({
      from: '2026-10-01',
      to: '2026-11-01',
      groupBy: 'vehicle',
      municipalityId: w.municipalityId,
    }),
    expect: managersOfA,
  },
  // One car's heatmap: like the figures by car, only A's managers and the operator.
  'reports.heatmap': {
    input: (w) => ({ from: '2026-10-01', to: '2026-11-01', vehicleId: w.car.id }),
    expect: managersOfA,
  },
  // Every manager sizes the region; stations in detail only their own (sizing.test.ts).
  'reports.sizing': {
    input: () => ({ from: '2026-10-01', to: '2026-11-01' }),
    shows: (answer, w) =>
      (answer as { stations: { municipalityId: string | null }[] }).stations.some(
        (row) => row.municipalityId === w.municipalityId,
      ),
    expect: { ...noSession, ...noStaff, fleetOwn: 'ok', fleetOther: 'hidden', operator: 'ok' },
  },
  'reports.settlement': {
    input: () => ({ month: '2026-10-01' }),
    expect: { ...noSession, ...noStaff, fleetOwn: 'ok', fleetOther: 'ok', operator: 'ok' },
  },
  // A month not yet over: the operator reaches the rule without freezing a real month region-wide.
  'reports.freezeMonth': {
    input: () => ({ month: '2099-01-01' }),
    expect: {
      ...noSession,
      ...noStaff,
      fleetOwn: 'FORBIDDEN_ROLE',
      fleetOther: 'FORBIDDEN_ROLE',
      operator: 'SETTLEMENT_MONTH_OPEN',
    },
  },
  'reports.setTariff': {
    input: (w) => ({ municipalityId: w.municipalityId, validFrom: '2026-01-01', perHour: 4, perKm: 0.3 }),
    expect: managersOfA,
  },
  'reports.setVehicleCosts': {
    input: (w) => ({
      vehicleId: w.car.id,
      validFrom: '2026-01-01',
      commissionedOn: '2026-01-01',
      retiredOn: null,
      leasingMonthly: 200,
      insuranceMonthly: 50,
      taxMonthly: 10,
      boxFeeMonthly: 20,
      otherMonthly: 30,
      perKm: 0.1,
      perKwh: 0.3,
      perLitre: 0,
    }),
    expect: managersOfA,
  },
  // Region-wide factors from a date long past, so no other test's figures change.
  'reports.setCo2Factors': {
    input: () => ({ validFrom: '1990-01-01', referenceGPerKm: 150, electricityGPerKm: 50 }),
    expect: {
      ...noSession,
      ...noStaff,
      fleetOwn: 'FORBIDDEN_ROLE',
      fleetOther: 'FORBIDDEN_ROLE',
      operator: 'ok',
    },
  },
  // A municipality's accounting and invoice data: read and set by whoever manages it.
  'reports.accounting': {
    input: (w) => ({ municipalityId: w.municipalityId }),
    expect: managersOfA,
  },
  'reports.setAccounting': {
    input: (w) => ({
      municipalityId: w.municipalityId,
      costCentre: 'KST-TEST',
      expenseAccount: '4711',
      revenueAccount: '3411',
      legalName: 'Testgemeinde',
      street: 'Markt 1',
      postalCode: '04821',
      city: 'Brandis',
      countryCode: 'DE',
      leitwegId: '04011000-1234512345-06',
      vatId: null,
      taxNumber: '231/114/00001',
      iban: 'DE89370400440532013000',
      bic: null,
      contactName: 'Kämmerei',
      contactPhone: '+49 34292 0',
      contactEmail: 'kaemmerei@test.example',
    }),
    expect: managersOfA,
  },
  // Reading the cost model (reports/rates.ts): a car's rates are its municipality's business; a
  // tariff is what the other municipalities pay, so every manager reads every one.
  'reports.vehicleCosts': {
    input: (w) => ({ vehicleId: w.car.id }),
    missing: () => ({ vehicleId: randomUUID() }),
    expect: { ...noSession, ...noStaff, fleetOwn: 'ok', fleetOther: 'VEHICLE_NOT_FOUND', operator: 'ok' },
  },
  'reports.tariffs': {
    input: (w) => ({ municipalityId: w.municipalityId }),
    expect: { ...noSession, ...noStaff, fleetOwn: 'ok', fleetOther: 'ok', operator: 'ok' },
  },
  'reports.co2Factors': {
    input: none,
    expect: { ...noSession, ...noStaff, fleetOwn: 'ok', fleetOther: 'ok', operator: 'ok' },
  },
  'reports.rateHistory': {
    input: (w) => ({ municipalityId: w.municipalityId }),
    expect: managersOfA,
  },

  'stations.list': {
    input: none,
    shows: (answer, w) => ids(answer).includes(w.stationId),
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
