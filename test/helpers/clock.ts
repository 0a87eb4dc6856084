import type { Clock } from '../../src/shared/clock.js';
import { todayInChina } from '../../src/shared/dates.js';
import { TEST_TODAY } from './test-db.js';

export interface MovableClock extends Clock {
  advance(ms: number): void;
  /** Back to the start (call it in a beforeEach: a describe shares one clock). */
  reset(): void;
}

/** A clock that stands still until told to move: noon in Beijing on TEST_TODAY, by default. */
export function movableClock(startIso = `${TEST_TODAY}T04:00:00.000Z`): MovableClock {
  const start = Date.parse(startIso);
  let now = start;
  return {
    today: () => todayInChina(new Date(now)),
    nowIso: () => new Date(now).toISOString(),
    advance(ms) {
      now += ms;
    },
    reset() {
      now = start;
    },
  };
}

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
