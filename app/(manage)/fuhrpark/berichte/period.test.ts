import { describe, expect, it } from 'vitest';
import { addDays, dashboardHref, isLocalDate, presetOf, presetPeriod, readState } from './period';

const today = '2026-12-02';
const id = '3f2b8c1e-1d2a-4c3b-9a8f-0123456789ab';

describe('presets', () => {
  it('turns each preset into a half-open period of local dates', () => {
    expect(presetPeriod('thisMonth', today)).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(presetPeriod('lastMonth', today)).toEqual({ from: '2026-11-01', to: '2026-12-01' });
    expect(presetPeriod('thisYear', today)).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(presetPeriod('last12Months', today)).toEqual({ from: '2025-12-01', to: '2026-12-01' });
    expect(presetPeriod('lastMonth', '2027-01-15')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(presetPeriod('last12Months', '2027-03-31')).toEqual({ from: '2026-03-01', to: '2027-03-01' });
  });

  it('recognises a preset period, the first that matches', () => {
    expect(presetOf({ from: '2026-11-01', to: '2026-12-01' }, today)).toBe('lastMonth');
    expect(presetOf({ from: '2026-11-02', to: '2026-12-01' }, today)).toBeUndefined();
  });
});

describe('URL state', () => {
  it('reads a period and a drill-down, each level only under the one above', () => {
    const state = readState(
      new URLSearchParams(`from=2026-10-01&to=2026-11-01&station=${id}&vehicle=${id}`),
      today,
    );
    expect(state).toEqual({ period: { from: '2026-10-01', to: '2026-11-01' }, drill: {} });
    const deep = readState(
      new URLSearchParams(`from=2026-10-01&to=2026-11-01&municipality=${id}&station=${id}`),
      today,
    );
    expect(deep.drill).toEqual({ municipality: id, station: id, vehicle: undefined });
  });

  it('falls back to this month for a broken or reversed period and drops ids that are not ids', () => {
    const state = readState(new URLSearchParams('from=2026-02-30&to=2026-03-01&municipality=x'), today);
    expect(state.period).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(state.drill.municipality).toBeUndefined();
    expect(readState(new URLSearchParams('from=2026-11-05&to=2026-11-05'), today).period.from).toBe(
      '2026-12-01',
    );
  });

  it('writes what it reads', () => {
    const period = { from: '2026-10-01', to: '2026-11-01' };
    const href = dashboardHref(period, { municipality: id, station: id });
    expect(href).toBe(`/fuhrpark/berichte?from=2026-10-01&to=2026-11-01&municipality=${id}&station=${id}`);
    expect(readState(new URLSearchParams(href.split('?')[1]), today)).toEqual({
      period,
      drill: { municipality: id, station: id, vehicle: undefined },
    });
  });

  it('knows real dates and counts days across month ends', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
