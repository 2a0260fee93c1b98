import type { Clock } from '../cloudfunctions/core/ports/clock';

export interface MovableClock extends Clock {
  /** Moves the clock so that it reads `at` now and keeps running from there; null returns to real time. */
  set(at: Date | null): void;
  isReal(): boolean;
}

/** The stand-in's clock: real time plus an offset, so schedules can be shown without waiting for them. */
export function movableClock(real: () => number = Date.now): MovableClock {
  let offset = 0;
  return {
    now: () => new Date(real() + offset),
    set: (at) => {
      offset = at === null ? 0 : at.getTime() - real();
    },
    isReal: () => offset === 0,
  };
}
