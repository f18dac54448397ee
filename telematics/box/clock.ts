/** The box's only source of time is a function, so tests and the simulator decide what "now" is. */

/** Unix seconds; fractions are allowed and floored by the box. */
export type Clock = () => number;

/** A clock that moves only when told: for tests, the simulator and the demo. */
export interface ManualClock {
  readonly now: Clock;
  advance(seconds: number): void;
  set(unixSeconds: number): void;
}

export function createManualClock(start: number): ManualClock {
  let current = start;
  return {
    now: () => current,
    advance(seconds) {
      if (!(seconds >= 0)) throw new RangeError('a manual clock only moves forward');
      current += seconds;
    },
    set(unixSeconds) {
      current = unixSeconds;
    },
  };
}
