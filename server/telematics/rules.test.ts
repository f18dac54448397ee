import { describe, expect, it } from 'vitest';
import { LogEvent, Status } from '@/telematics/protocol';
import { advanceCursor, failureReason, gatewayFailures, keyRefusal, statusReason } from './rules';
import { deriveTrip, type TripRecord } from './trip-rules';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
const booking = { userId: 'u', status: 'reserved' as const, startsAt: at(30), endsAt: at(90) };

describe('keyRefusal', () => {
  it('opens from ten minutes before the start until the end, for the booker only', () => {
    expect(keyRefusal(booking, 'u', 'unlock', at(19))).toBe('KEY_NOT_YET_VALID');
    expect(keyRefusal(booking, 'u', 'unlock', at(20))).toBeNull();
    expect(keyRefusal(booking, 'u', 'unlock', at(90))).toBeNull();
    expect(keyRefusal(booking, 'u', 'unlock', at(91))).toBe('KEY_EXPIRED');
    expect(keyRefusal(booking, 'x', 'unlock', at(40))).toBe('BOOKING_NOT_YOURS');
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
    for (const code of Object.values(Status)) expect(statusReason(code, 'lock')).toMatch(/\.$/);
    for (const failure of gatewayFailures)
      expect(failureReason(failure)).not.toBe('Der Auftrag ist fehlgeschlagen.');
    expect(statusReason(0x7f, 'unlock')).toContain('UNKNOWN_0x7f');
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
