import { describe, expect, it } from 'vitest';
import { carsNeeded, savingOf } from './sizing-rules';

const ones = (n: number) => Array.from({ length: n }, () => 1);

describe('cars needed for a share of the requested time', () => {
  // 14 quarter hours wanting one car, one wanting 4, one wanting 3: Σd = 21.
  // N = 2 serves 14 + 2 + 2 = 18, N = 3 serves 20, N = 4 serves 21.
  const morning = [...ones(14), 4, 3];
  it('takes 3 cars for 95 % (20 ≥ 19.95) and 4 for 99 % (20 < 20.79 ≤ 21)', () => {
    expect(carsNeeded(morning, 0.95)).toBe(3);
    expect(carsNeeded(morning, 0.99)).toBe(4);
  });
  it('accepts a share met exactly: 19 of 20 is 95 %', () => {
    expect(carsNeeded([2, ...ones(18)], 0.95)).toBe(1);
    expect(carsNeeded([2, ...ones(18)], 0.99)).toBe(2);
  });
  it('needs no car where nobody wanted one', () => {
    expect(carsNeeded([], 0.99)).toBe(0);
    expect(carsNeeded([0, 0], 0.95)).toBe(0);
  });
  it('needs the peak for all of the time', () => {
    expect(carsNeeded([1, 5, 2], 1)).toBe(5);
  });
});

describe('what a reduction saves', () => {
  const monthly = [300, 200, 250, 150, 400];
  it('counts the cheapest cars beyond the need', () => {
    expect(savingOf(monthly, 3)).toBe(350);
    expect(savingOf(monthly, 4)).toBe(150);
  });
  it('saves nothing where the need is the fleet or more', () => {
    expect(savingOf(monthly, 5)).toBe(0);
    expect(savingOf(monthly, 7)).toBe(0);
  });
});
