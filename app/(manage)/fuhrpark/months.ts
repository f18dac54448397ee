/** The month before the one of `today` ("2026-12-02" → "2026-11"): the one usually settled next. */
export function previousMonth(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The month before today's as a period: [its first day, the first day of this month). */
export const lastMonthPeriod = (today: string) => ({
  from: `${previousMonth(today)}-01`,
  to: `${today.slice(0, 7)}-01`,
});
