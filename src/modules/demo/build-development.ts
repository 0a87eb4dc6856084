/**
 * The development pipeline (发展党员). About 2.2% of the roll is approved each year (national 2023: 240.8万 of
 * 9918.5万, party-statistics.md §3a), 45% of them women and ~80% aged 35 or under (§3c). Approval dates stream
 * uniformly from ten months before the window to well after today; the stage of each record follows from which of
 * its dates have passed (申请人 … 正式党员). A few applicants and activists stall. Planned in two passes: first the
 * dates and branches (the approved ones take places on the branch's roll), then the people, once the roll is known
 * (培养联系人 and 入党介绍人 are full members of the branch).
 */
import { addDays, addMonths, ageOn } from '../../shared/dates.js';
import type { DemoFrame, DevelopmentPlan, OrgPlan } from './demo-types.js';
import { PeopleFactory } from './people-factory.js';
import { PROFILES } from './profiles.js';
import { daysBetween, Rng } from './rng.js';
import { stallAfter, timeline, type Timeline } from './timeline.js';

/** Recruits per member per year. */
export const RECRUIT_RATE = 0.022;

export interface DevelopmentSkeleton {
  branch: OrgPlan;
  timeline: Timeline;
}

export function planDevelopment(frame: DemoFrame, branches: OrgPlan[]): { skeletons: DevelopmentSkeleton[]; approved: Map<string, number> } {
  const rng = Rng.derive(frame.seed, 'development');
  const eligible = branches.filter((b) => b.profile && b.target >= 3 && PROFILES[b.profile].recruiting > 0);
  const cumulative: number[] = [];
  let total = 0;
  for (const b of eligible) cumulative.push((total += b.target * PROFILES[b.profile!].recruiting));
  const pickBranch = (): OrgPlan => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return eligible[lo]!;
  };
  const approved = new Map<string, number>();
  const skeletons: DevelopmentSkeleton[] = [];
  if (eligible.length === 0) return { skeletons, approved };

  const perYear = frame.members * RECRUIT_RATE;
  const years = daysBetween(frame.start, frame.end) / 365.25;
  const { end } = frame;

  // Approved: from ten months before the window (their conversions fall inside it) to the end.
  /**
   * A branch for a timeline: one that existed when the person applied and, for an approved recruit, still has room
   * on its planned roll beside at least two of its own members (they are the contacts and introducers).
   */
  const place = (t: Timeline): OrgPlan | null => {
    const fits = (b: OrgPlan) => b.establishedOn <= t.dates.appliedOn! && (!t.dates.approvedOn || (approved.get(b.code) ?? 0) < b.target - 2);
    for (let tries = 0; tries < 30; tries++) {
      const branch = pickBranch();
      if (!fits(branch)) continue;
      if (t.dates.approvedOn) approved.set(branch.code, (approved.get(branch.code) ?? 0) + 1);
      return branch;
    }
    return null;
  };
  const keep = (t: Timeline) => {
    const branch = t.dates.appliedOn ? place(t) : null;
    if (branch) skeletons.push({ branch, timeline: t });
  };

  const approvedCount = Math.round(perYear * (years + 10 / 12));
  const from = addMonths(frame.start, -10);
  for (let i = 0; i < approvedCount; i++) keep(timeline(rng, rng.dateBetween(from, end), end));
  // In the pipeline: approval still ahead; only those who have already applied are kept.
  for (let i = 0; i < Math.round(perYear * 3.4); i++) keep(timeline(rng, rng.dateBetween(addDays(end, 1), addMonths(end, 41)), end));
  // Stalled: applicants never named activists, activists never named candidates.
  for (let i = 0; i < Math.round(perYear * 0.5); i++) {
    const t = timeline(rng, rng.dateBetween(addMonths(end, -12), addMonths(end, 24)), end);
    t.dates = stallAfter(t.dates, rng.chance(0.4) ? 'appliedOn' : 'interviewedOn');
    keep(t);
  }
  for (let i = 0; i < Math.round(perYear * 0.3); i++) {
    const t = timeline(rng, rng.dateBetween(addMonths(end, -6), addMonths(end, 18)), end);
    t.dates = stallAfter(t.dates, 'contactsOn');
    if (t.dates.activistOn) keep(t);
  }

  // Records grouped by branch, oldest application first.
  const order = new Map(branches.map((b, i) => [b.code, i]));
  skeletons.sort((a, b) => order.get(a.branch.code)! - order.get(b.branch.code)! || a.timeline.dates.appliedOn!.localeCompare(b.timeline.dates.appliedOn!));
  return { skeletons, approved };
}

/** Gives each skeleton its person, 培养联系人 and 入党介绍人 (full members of the branch, by name). */
export function completeDevelopment(
  frame: DemoFrame,
  skeletons: DevelopmentSkeleton[],
  fullMembers: Map<string, string[]>,
  people: PeopleFactory,
): DevelopmentPlan[] {
  const rng = Rng.derive(frame.seed, 'development:people');
  return skeletons.map(({ branch, timeline: t }) => {
    const appliedOn = t.dates.appliedOn!;
    const gender = rng.chance(0.45) ? '女' : '男';
    // 年满十八岁 on the day of the application (《细则》第五条); most apply in their twenties.
    const applyAge = rng.chance(0.8) ? rng.int(18, 31) : rng.int(32, 50);
    const birthDate = PeopleFactory.birthDateFor(rng, applyAge, appliedOn);
    const person = people.person(rng, {
      profile: branch.profile!, gender, age: ageOn(birthDate, frame.end), birthDate, lineage: branch.lineage, sheVillage: branch.sheVillage,
    });
    const roll = fullMembers.get(branch.code) ?? [];
    const two = () => (roll.length ? rng.sample(roll, 2).join('、') : null);
    return {
      orgCode: branch.code,
      person,
      dates: t.dates,
      contacts: t.dates.contactsOn ? two() : null,
      introducers: t.dates.candidateOn ? two() : null,
      trainingHours: t.dates.trainingEndOn ? t.trainingHours : null,
      extensionMonths: t.dates.extensionDecidedOn ? t.extensionMonths : null,
    };
  });
}
