import { describe, expect, it } from 'vitest';
import { LogEvent, Status } from '@/telematics/protocol';
import {
  advanceCursor,
  failureReason,
  gatewayFailures,
  keyRefusal,
  statusReason,
  vehicleStateCause,
} from './rules';
import { deriveTrip, type TripRecord } from './trip-rules';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
const booking = { userId: 'u', status: 'reserved' as const, startsAt: at(30), endsAt: at(90) };

describe('keyRefusal', () => {
  it('lets a booking end only once it is active (unlocked), inside its window', () => {
    expect(keyRefusal(booking, 'u', 'end', at(40))).toBe('BOOKING_NOT_STARTED');
    expect(keyRefusal({ ...booking, status: 'active' }, 'u', 'end', at(40))).toBeNull();
    expect(keyRefusal(booking, 'u', 'lock', at(40))).toBeNull();
  });

  it('opens from ten minutes before the start until the end, for the booker only', () => {
    expect(keyRefusal(booking, 'u', 'unlock', at(19))).toBe('KEY_NOT_YET_VALID');
    expect(keyRefusal(booking, 'u', 'unlock', at(20))).toBeNull();
    expect(keyRefusal(booking, 'u', 'unlock', at(90))).toBeNull();
    expect(keyRefusal(booking, 'u', 'unlock', at(91))).toBe('KEY_EXPIRED');
    expect(keyRefusal(booking, 'x', 'unlock', at(40))).toBe('BOOKING_NOT_FOUND');
    expect(keyRefusal({ ...booking, status: 'cancelled' }, 'u', 'unlock', at(40))).toBe('BOOKING_NOT_OPEN');
  });

  it('lets an active booking lock and end through the grace after its end, but not open', () => {
    const active = { ...booking, status: 'active' as const };
    expect(keyRefusal(active, 'u', 'end', at(100))).toBeNull();
    expect(keyRefusal(active, 'u', 'lock', at(105))).toBeNull();
    expect(keyRefusal(active, 'u', 'end', at(106))).toBe('KEY_EXPIRED');
    expect(keyRefusal(active, 'u', 'unlock', at(100))).toBe('KEY_EXPIRED');
  });
});

describe('reasons', () => {
  it('has a German sentence for every status and failure', () => {
    for (const code of Object.values(Status)) expect(statusReason(code, 'lock', null, 'de')).toMatch(/\.$/);
    for (const failure of gatewayFailures)
      expect(failureReason(failure, 'de')).not.toBe('Der Auftrag ist fehlgeschlagen.');
    expect(statusReason(0x7f, 'unlock', null, 'de')).toContain('UNKNOWN_0x7f');
  });
});

describe('advanceCursor', () => {
  it('stops at the first gap and ignores what lies below the cursor', () => {
    expect(advanceCursor(1, [])).toBe(1);
    expect(advanceCursor(1, [1, 2, 3, 5])).toBe(4);
    expect(advanceCursor(4, [4, 5, 7])).toBe(6);
    expect(advanceCursor(4, [2, 3, 4])).toBe(5);
    expect(advanceCursor(1, [2, 3])).toBe(1);
  });
});

describe('deriveTrip', () => {
  const r = (seq: number, minute: number, event: number, odometer: number, soc: number): TripRecord => ({
    epoch: 0,
    seq,
    at: at(minute),
    event,
    odometer,
    soc,
  });
  const records = [
    r(1, 0, LogEvent.LOCKED, 1000, 80), // before the booking's unlock: not part of the trip
    r(2, 30, LogEvent.UNLOCKED, 1000, 80),
    r(3, 31, LogEvent.IGNITION_ON, 1000, 80),
    r(4, 61, LogEvent.IGNITION_OFF, 1300, 60),
    r(5, 62, LogEvent.CHARGING_STARTED, 1300, 60),
    r(6, 80, LogEvent.CHARGING_STOPPED, 1300, 70),
    r(7, 81, LogEvent.IGNITION_ON, 1300, 70),
    r(8, 91, LogEvent.BOOKING_ENDED, 1400, 65),
    r(9, 95, LogEvent.IGNITION_OFF, 1400, 65), // after the end: ignored
  ];

  it('counts km, ignition (clipped at the end), energy and charging apart', () => {
    expect(deriveTrip(records, 50)).toEqual({
      startedAt: at(30),
      endedAt: at(91),
      odometerStart: 1000,
      odometerEnd: 1400,
      socStart: 80,
      socEnd: 65,
      ignitionSeconds: 30 * 60 + 10 * 60,
      // the second interval is still on at the end: clipped there
      ignitions: [
        { onAt: at(31), offAt: at(61) },
        { onAt: at(81), offAt: at(91) },
      ],
      energyKwh: 12.5,
      chargedKwh: 5,
    });
  });

  it('gives the same trip whatever order the records come in', () => {
    expect(deriveTrip([...records].reverse(), 50)).toEqual(deriveTrip(records, 50));
  });

  it('has no trip without an unlock, and an open one without an end', () => {
    expect(deriveTrip(records.slice(0, 1), 50)).toBeNull();
    expect(deriveTrip(records.slice(0, 4), null)).toMatchObject({
      endedAt: null,
      energyKwh: null,
      socEnd: 60,
    });
  });
});

describe('vehicleStateCause', () => {
  it('blames the ignition only when its newest record is ignition on, else a door', () => {
    expect(vehicleStateCause(LogEvent.IGNITION_ON)).toBe('ignition');
    expect(vehicleStateCause(LogEvent.IGNITION_OFF)).toBe('door');
    expect(vehicleStateCause(null)).toBe('door');
    expect(statusReason(Status.VEHICLE_STATE, 'lock', 'door', 'de')).toContain('Tür');
    expect(statusReason(Status.VEHICLE_STATE, 'end', 'ignition', 'de')).toContain('Zündung');
    expect(statusReason(Status.VEHICLE_STATE, 'end', null, 'de')).toContain('Tür ist offen oder die Zündung');
  });
});

describe('deriveTrip across epochs and from the box’s answers', () => {
  const rec = (epoch: number, seq: number, minute: number, event: number, odometer: number): TripRecord => ({
    epoch,
    seq,
    at: at(minute),
    event,
    odometer,
    soc: 80 - minute / 10,
  });

  it('orders by epoch before seq: a trip begun before a restart ends after it', () => {
    const trip = deriveTrip(
      [
        rec(1, 1, 50, LogEvent.BOOKING_ENDED, 1200),
        rec(0, 7, 10, LogEvent.UNLOCKED, 1000),
        rec(0, 8, 11, LogEvent.IGNITION_ON, 1000),
      ],
      null,
    );
    expect(trip).toMatchObject({
      startedAt: at(10),
      endedAt: at(50),
      odometerStart: 1000,
      odometerEnd: 1200,
    });
  });

  it('closes with the end answer when the end record is missing, starts from the unlock answer without records', () => {
    const ended = { at: at(60), odometer: 1300, soc: 70 };
    expect(deriveTrip([rec(0, 1, 10, LogEvent.UNLOCKED, 1000)], 50, { ended })).toMatchObject({
      endedAt: at(60),
      odometerEnd: 1300,
      socEnd: 70,
      ignitionSeconds: 0,
    });
    expect(deriveTrip([], 50, { unlocked: { at: at(10), odometer: 1000, soc: 79 }, ended })).toEqual({
      startedAt: at(10),
      endedAt: at(60),
      odometerStart: 1000,
      odometerEnd: 1300,
      socStart: 79,
      socEnd: 70,
      ignitionSeconds: null,
      ignitions: [],
      energyKwh: 4.5,
      chargedKwh: 0,
    });
    expect(deriveTrip([rec(0, 1, 10, LogEvent.UNLOCKED, 1000)], 50, { bookingOver: true })?.endedAt).toEqual(
      at(10),
    );
    expect(deriveTrip([rec(0, 1, 10, LogEvent.UNLOCKED, 1000)], 50)?.endedAt).toBeNull();
  });
});
