/** The region's clock for specs that book a car for now (the unlock and journey specs). */

const QUARTER = 15 * 60_000;
const ZONE = 'Europe/Berlin';

/** The instant's day in the region, as the date fields take it (YYYY-MM-DD). */
export const day = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(at);

/** The instant's wall time in the region, as the time fields take it (HH:MM). */
export const clock = (at: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);

/**
 * A start the search form can take (quarter hours) at which the key already works: the quarter
 * just begun while it is at most 4 minutes old (the server takes starts up to 5 minutes back), or
 * else the next one once it is at most 9 minutes ahead (the key opens 10 minutes before). Between
 * the two it waits a moment.
 */
export async function startingNow(): Promise<Date> {
  for (;;) {
    const now = Date.now();
    const into = now % QUARTER;
    if (into <= 4 * 60_000) return new Date(now - into);
    if (into >= 6 * 60_000) return new Date(now - into + QUARTER);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}

/** `quarters` quarter hours after the instant. */
export const quartersAfter = (at: Date, quarters: number) => new Date(at.getTime() + quarters * QUARTER);
