/**
 * Who attends a meeting of the demo county, and who does not and why. The members who work away (流动党员) are
 * the first to be absent; the absentees listed are never more than the expected less the attended (checkMeeting).
 */
import { toIso, daysInMonth, type IsoDate } from '../../shared/dates.js';
import type { RosterEntry, Profile } from './demo-types.js';
import type { Rng } from './rng.js';
import { absenceReason } from './topics.js';

export interface Attendance {
  expectedCount: number;
  attendedCount: number;
  absentees: { name: string; reason: string | null }[];
}

/** Members on the roll on `on`. */
export function activeOn(roster: readonly RosterEntry[], on: IsoDate): RosterEntry[] {
  return roster.filter((m) => m.since <= on && (!m.leftOn || m.leftOn > on));
}

/** Mostly 80–100% present; now and then under half; a weak branch gathers fewer. */
export function attendanceRate(rng: Rng, weak: boolean): number {
  if (rng.chance(weak ? 0.15 : 0.03)) return 0.3 + rng.next() * 0.2;
  return weak ? 0.55 + rng.next() * 0.4 : 0.8 + rng.next() * 0.2;
}

export function attend(rng: Rng, people: readonly RosterEntry[], rate: number, on: IsoDate, profile: Profile | null): Attendance {
  const expectedCount = people.length;
  const attendedCount = Math.max(Math.min(1, expectedCount), Math.min(expectedCount, Math.round(expectedCount * rate)));
  const missing = expectedCount - attendedCount;
  const absentees: Attendance['absentees'] = [];
  if (missing > 0) {
    const mobile = people.filter((m) => m.isMobile);
    const others = people.filter((m) => !m.isMobile);
    const chosen = [...rng.sample(mobile, Math.min(missing, mobile.length))];
    chosen.push(...rng.sample(others, missing - chosen.length));
    const year = Number(on.slice(0, 4));
    for (const m of chosen) {
      absentees.push({ name: m.name, reason: absenceReason(rng, profile, { isMobile: m.isMobile, age: year - Number(m.birthDate.slice(0, 4)) }) });
    }
  }
  return { expectedCount, attendedCount, absentees };
}

/** The first given weekday (0 = Sunday … 5 = Friday) of a month. */
export function firstWeekday(year: number, month: number, weekday: number): IsoDate {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return toIso(year, month, 1 + ((weekday - first + 7) % 7));
}

/** A working day of the month (Monday–Friday), drawn at random. */
export function workday(rng: Rng, year: number, month: number, fromDay = 1, toDay = 31): IsoDate {
  const last = Math.min(toDay, daysInMonth(year, month));
  for (let tries = 0; tries < 20; tries++) {
    const day = rng.int(Math.min(fromDay, last), last);
    const wd = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
    if (wd !== 0 && wd !== 6) return toIso(year, month, day);
  }
  return toIso(year, month, last);
}
