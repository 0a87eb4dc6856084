/**
 * One development timeline (《发展党员工作细则》 2014; domain-rules §3.2), built backwards from the day the superior
 * committee approves and forwards through the probation. The order of steps.ts always holds; one timeline in seven
 * is drawn to break one time limit (some of them before reaching that step, so 5–10% of the records show it), as real records do: an interview more than a month after the application (D2), less than a
 * year as activist (D7), approval more than three months after the branch meeting (D17), a conversion meeting held
 * late or before the probation ends (D22), a conversion approved more than three months after the meeting (D25).
 */
import { addDays, addMonths, type IsoDate } from '../../shared/dates.js';
import type { StepDates } from '../development/steps.js';
import type { Rng } from './rng.js';

export const VIOLATIONS = ['interviewLate', 'activistShort', 'approvalLate', 'conversionLate', 'conversionEarly', 'conversionApprovalLate'] as const;
export type Violation = (typeof VIOLATIONS)[number];

export interface Timeline {
  dates: StepDates;
  trainingHours: number;
  extensionMonths: number | null;
  violation: Violation | null;
}

/** A complete timeline whose approval falls on `approvedOn` (possibly after `end`); steps after `end` are dropped. */
export function timeline(rng: Rng, approvedOn: IsoDate, end: IsoDate, violationRate = 0.15): Timeline {
  const violation = rng.chance(violationRate) ? rng.pick(VIOLATIONS) : null;
  type Range = readonly [number, number];
  const back = (date: IsoDate, [min, max]: Range) => addDays(date, -rng.int(min, max));
  const fwd = (date: IsoDate, [min, max]: Range) => addDays(date, rng.int(min, max));

  // Backwards from the approval (⑰) to the application (①).
  const approvalGap = violation === 'approvalLate' ? rng.int(95, 150) : rng.int(12, 85);
  const branchMeetingOn = addDays(approvedOn, -approvalGap);
  const superiorInterviewOn = fwd(branchMeetingOn, [2, Math.min(30, approvalGap - 1)]);
  const preReviewOn = back(branchMeetingOn, [5, 28]);
  const committeeReviewOn = back(preReviewOn, [5, 20]);
  const trainingEndOn = back(committeeReviewOn, [5, 30]);
  const trainingStartOn = back(trainingEndOn, [2, 5]);
  const politicalReviewOn = back(committeeReviewOn, [3, 45]);
  // The candidate is named before the political review and the training (⑦ → ⑩, ⑪).
  const candidateOn = back(trainingStartOn < politicalReviewOn ? trainingStartOn : politicalReviewOn, [10, 60]);
  const activistOn = back(candidateOn, violation === 'activistShort' ? [240, 340] : [368, 600]);
  const contactsOn = fwd(activistOn, [0, 10]);
  const appliedOn = back(activistOn, [185, 330]);
  const interviewedOn = fwd(appliedOn, violation === 'interviewLate' ? [35, 90] : [5, 28]);

  // Forwards through the probation: one year from the branch meeting (党章第七条), once extended for a few.
  const extensionMonths = rng.chance(0.03) ? rng.pick([6, 12]) : null;
  const probationEnd = addMonths(branchMeetingOn, 12);
  const extensionDecidedOn = extensionMonths ? fwd(probationEnd, [0, 20]) : null;
  const due = addMonths(branchMeetingOn, 12 + (extensionMonths ?? 0));
  const conversionMeetingOn =
    violation === 'conversionLate' ? fwd(due, [40, 120]) : violation === 'conversionEarly' ? back(due, [3, 40]) : fwd(due, [0, 25]);
  const conversionAppliedOn = back(conversionMeetingOn < due ? conversionMeetingOn : due, [0, 25]);
  const conversionApprovedOn = fwd(conversionMeetingOn, violation === 'conversionApprovalLate' ? [95, 140] : [7, 80]);

  const all: StepDates = {
    appliedOn, interviewedOn, activistOn, contactsOn, candidateOn, politicalReviewOn, trainingStartOn, trainingEndOn,
    committeeReviewOn, preReviewOn, branchMeetingOn, superiorInterviewOn, approvedOn, oathOn: fwd(approvedOn, [1, 28]),
    conversionAppliedOn, conversionMeetingOn, conversionApprovedOn, extensionDecidedOn,
  };
  // An early conversion is planted only where the probation has ended by `end`: the member's 转正 date is the day
  // the probation ends (党章第七条), and no record may hold a date after today.
  if (due > end) {
    all.conversionMeetingOn = null;
    all.conversionApprovedOn = null;
  }
  const dates: StepDates = {};
  for (const [key, date] of Object.entries(all) as [keyof StepDates, IsoDate | null][]) {
    if (date && date <= end) dates[key] = date;
  }
  return {
    dates,
    trainingHours: rng.weighted([[24, 40], [32, 30], [40, 20], [48, 10]]),
    extensionMonths: extensionMonths && dates.extensionDecidedOn ? extensionMonths : null,
    violation,
  };
}

/** Cuts a timeline short: a person whose application or activist status has stalled. */
export function stallAfter(dates: StepDates, last: 'appliedOn' | 'interviewedOn' | 'contactsOn'): StepDates {
  const keep: (keyof StepDates)[] =
    last === 'appliedOn' ? ['appliedOn'] : last === 'interviewedOn' ? ['appliedOn', 'interviewedOn'] : ['appliedOn', 'interviewedOn', 'activistOn', 'contactsOn'];
  const out: StepDates = {};
  for (const k of keep) if (dates[k]) out[k] = dates[k];
  return out;
}
