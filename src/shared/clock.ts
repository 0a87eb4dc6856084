import { todayInChina, type IsoDate } from './dates.js';

/** The clock reaches services as an object, so tests can fix "today". */
export interface Clock {
  today(): IsoDate;
  nowIso(): string;
}

export const systemClock: Clock = {
  today: () => todayInChina(new Date()),
  nowIso: () => new Date().toISOString(),
};

export function fixedClock(today: IsoDate): Clock {
  return { today: () => today, nowIso: () => `${today}T12:00:00.000Z` };
}
