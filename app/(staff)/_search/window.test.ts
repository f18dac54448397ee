import { describe, expect, it } from 'vitest';
import {
  bookedDates,
  defaultWindow,
  followStart,
  inClockGap,
  nextDay,
  nextStep,
  parseWindow,
  quickWindow,
  weeklyStarts,
} from './window';

const zone = 'Europe/Berlin';
// 2026-12-02 13:02 in Berlin (UTC+1).
const at = (iso: string) => new Date(iso);

describe('search window', () => {
  it('starts at the next five-minute step, two hours long', () => {
    expect(nextStep(at('2026-12-02T12:02:00Z')).toISOString()).toBe('2026-12-02T12:05:00.000Z');
    expect(nextStep(at('2026-12-02T12:05:00Z')).toISOString()).toBe('2026-12-02T12:05:00.000Z');
    expect(defaultWindow(at('2026-12-02T12:02:00Z'), zone)).toEqual({
      fromDate: '2026-12-02',
      fromTime: '13:05',
      toDate: '2026-12-02',
      toTime: '15:05',
    });
  });

  it('crosses midnight late in the evening', () => {
    expect(defaultWindow(at('2026-12-02T22:58:00Z'), zone)).toEqual({
      fromDate: '2026-12-03',
      fromTime: '00:00',
      toDate: '2026-12-03',
      toTime: '02:00',
    });
    expect(defaultWindow(at('2026-12-02T21:31:00Z'), zone)).toEqual({
      fromDate: '2026-12-02',
      fromTime: '22:35',
      toDate: '2026-12-03',
      toTime: '00:35',
    });
  });

  it('offers this afternoon, tomorrow and two hours', () => {
    const morning = at('2026-12-02T08:00:00Z');
    expect(quickWindow('afternoon', morning, zone)).toEqual({
      fromDate: '2026-12-02',
      fromTime: '13:00',
      toDate: '2026-12-02',
      toTime: '17:00',
    });
    expect(quickWindow('afternoon', at('2026-12-02T13:32:00Z'), zone)?.fromTime).toBe('14:35');
    expect(quickWindow('afternoon', at('2026-12-02T15:50:00Z'), zone)).toBeNull();
    expect(quickWindow('tomorrow', at('2026-12-31T12:00:00Z'), zone)).toEqual({
      fromDate: '2027-01-01',
      fromTime: '08:00',
      toDate: '2027-01-01',
      toTime: '16:00',
    });
    expect(quickWindow('twoHours', morning, zone)?.toTime).toBe('11:00');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });

  it('parses a night and a week', () => {
    const night = parseWindow(
      { fromDate: '2026-12-04', fromTime: '22:00', toDate: '2026-12-05', toTime: '02:00' },
      zone,
    );
    expect(night).toEqual({ ok: true, from: at('2026-12-04T21:00:00Z'), to: at('2026-12-05T01:00:00Z') });
    const week = parseWindow(
      { fromDate: '2026-12-07', fromTime: '08:00', toDate: '2026-12-14', toTime: '08:00' },
      zone,
    );
    expect(week.ok && week.to.getTime() - week.from.getTime()).toBe(7 * 24 * 3_600_000);
  });

  it('names the field: a missing time, an end before the start', () => {
    expect(
      parseWindow({ fromDate: '2026-12-04', fromTime: '', toDate: '2026-12-04', toTime: '10:00' }, zone),
    ).toEqual({ ok: false, problems: { from: 'missing' } });
    expect(
      parseWindow({ fromDate: '2026-12-04', fromTime: '12:00', toDate: '2026-12-04', toTime: '10:00' }, zone),
    ).toEqual({ ok: false, problems: { to: 'order' } });
  });

  it('explains a time the clock skips in spring, not as an end before the start', () => {
    expect(inClockGap('2027-03-28', '02:30', zone)).toBe(true);
    expect(inClockGap('2027-03-28', '03:00', zone)).toBe(false);
    expect(inClockGap('2027-10-31', '02:30', zone)).toBe(false);
    expect(
      parseWindow({ fromDate: '2027-03-28', fromTime: '01:30', toDate: '2027-03-28', toTime: '02:30' }, zone),
    ).toEqual({ ok: false, problems: { to: 'gap' } });
    expect(
      parseWindow({ fromDate: '2027-03-28', fromTime: '02:30', toDate: '2027-03-28', toTime: '04:00' }, zone),
    ).toEqual({ ok: false, problems: { from: 'gap' } });
  });

  it('moves the end along when the start passes it', () => {
    const previous = { fromDate: '2026-12-04', fromTime: '09:00', toDate: '2026-12-04', toTime: '12:00' };
    expect(followStart(previous, { ...previous, fromTime: '13:00' }, zone)).toEqual({
      fromDate: '2026-12-04',
      fromTime: '13:00',
      toDate: '2026-12-04',
      toTime: '16:00',
    });
    expect(followStart(previous, { ...previous, fromTime: '10:00' }, zone).toTime).toBe('12:00');
  });
});

describe('weekly series dates', () => {
  it('keeps the wall-clock time across the change to summer time', () => {
    const slot = { firstDay: '2027-03-23', startTime: '08:00', endTime: '12:00', weeks: 3 };
    const starts = weeklyStarts(slot, zone);
    expect(starts.map((s) => s.toISOString())).toEqual([
      '2027-03-23T07:00:00.000Z',
      '2027-03-30T06:00:00.000Z',
      '2027-04-06T06:00:00.000Z',
    ]);
    expect(bookedDates(slot, [{ start: at('2027-03-30T06:00:00Z') }], zone)).toEqual([starts[0], starts[2]]);
  });
});
