/**
 * The members already on the roll before the years generated (the recruits of those years come from the development
 * pipeline, build-development.ts). Each joined at 18 or older (党章第一条) and became a full member a year later
 * (党章第七条); all joined more than a year before the window, so every 转正 inside it has its development record.
 * During the window some die or transfer out, a few transfer in (one or two as 预备党员), ~3% work away (流动党员).
 */
import { addDays, addMonths, type IsoDate } from '../../shared/dates.js';
import type { DemoFrame, MemberPlan, OrgPlan } from './demo-types.js';
import { PeopleFactory } from './people-factory.js';
import { MOBILE_DESTINATIONS, TRANSFER_DESTINATIONS } from './places.js';
import { PROFILES, sampleAge, sampleJoinAge } from './profiles.js';
import { daysBetween, maxDate, minDate, Rng } from './rng.js';

/** Members to create per branch code: the branch's target less the recruits the pipeline will add. */
export function buildMembers(frame: DemoFrame, branches: OrgPlan[], counts: Map<string, number>, people: PeopleFactory): MemberPlan[] {
  const out: MemberPlan[] = [];
  const years = Math.max(0.1, daysBetween(frame.start, frame.end) / 365.25);
  // Everyone created here became a full member before the window opened.
  const lastJoin = addDays(addMonths(frame.start, -12), -1);
  for (const branch of branches) {
    const n = counts.get(branch.code) ?? 0;
    if (n <= 0 || !branch.profile) continue;
    const rng = Rng.derive(frame.seed, `members:${branch.code}`);
    for (let i = 0; i < n; i++) out.push(member(rng, frame, branch, people, lastJoin, years, i === 0));
  }
  return out;
}

function member(rng: Rng, frame: DemoFrame, branch: OrgPlan, people: PeopleFactory, lastJoin: IsoDate, years: number, isFirst: boolean): MemberPlan {
  const profile = branch.profile!;
  const def = PROFILES[profile];
  const gender = rng.chance(def.female) ? '女' : '男';
  // A handful of 预备党员 transferred in with their probation running (《细则》第三十六条).
  const probationary = !isFirst && branch.target >= 3 && rng.chance(0.0015) && daysBetween(frame.start, frame.end) > 60;
  let age = probationary ? rng.int(22, 35) : sampleAge(rng, profile);
  let birthDate = PeopleFactory.birthDateFor(rng, age, frame.end);
  if (!probationary) {
    while (addMonths(birthDate, 12 * 18) > lastJoin) birthDate = PeopleFactory.birthDateFor(rng, ++age, frame.end);
  }
  const person = people.person(rng, { profile, gender, age, birthDate, lineage: branch.lineage, sheVillage: branch.sheVillage });
  const adult = addMonths(birthDate, 12 * 18);

  if (probationary) {
    const joinedOn = maxDate(adult, rng.dateBetween(maxDate(frame.start, addMonths(frame.end, -11)), addDays(frame.end, -45)));
    const entryOn = minDate(frame.end, addDays(joinedOn, rng.int(30, 150)));
    return base(branch, person, { status: '预备党员', joinedOn, confirmedOn: null, entryKind: '转入组织关系', entryOn });
  }

  let joinedOn = addDays(addMonths(birthDate, 12 * sampleJoinAge(rng)), rng.int(0, 364));
  if (joinedOn > lastJoin) joinedOn = rng.dateBetween(adult, lastJoin);
  const confirmedOn = addMonths(joinedOn, 12);
  const r = rng.next();
  const transferInWindow = 0.012 * years;
  let entryKind = '发展党员';
  let entryOn = minDate(frame.end, addDays(joinedOn, rng.int(10, 80)));
  if (r < transferInWindow) {
    entryKind = '转入组织关系';
    entryOn = rng.dateBetween(maxDate(frame.start, confirmedOn), frame.end);
  } else if (r < 0.15) {
    entryKind = '转入组织关系';
    entryOn = rng.dateBetween(confirmedOn, maxDate(confirmedOn, addDays(frame.start, -1)));
  }
  const plan = base(branch, person, { status: '正式党员', joinedOn, confirmedOn, entryKind, entryOn });

  // Leaving during the window: deaths by age, transfers out of the working-age, rarely a 除名.
  const death = years * (age >= 85 ? 0.08 : age >= 75 ? 0.035 : age >= 65 ? 0.012 : 0.002);
  const transfer = years * (age < 45 ? 0.012 : age < 60 ? 0.006 : 0.002);
  const struck = years * 0.0002;
  const leave = rng.next();
  if (!isFirst && leave < death + transfer + struck) {
    const from = maxDate(addDays(entryOn, 1), frame.start);
    plan.leftOn = from <= frame.end ? rng.dateBetween(from, frame.end) : null;
    if (!plan.leftOn) {
      // Arrived on the last day: stays.
    } else if (leave < death) {
      plan.leaveReason = '死亡';
      plan.leaveNote = rng.chance(0.6) ? '因病去世' : null;
    } else if (leave < death + transfer) {
      plan.leaveReason = '转出组织关系';
      plan.leaveNote = `组织关系转至${rng.pick(TRANSFER_DESTINATIONS)}`;
    } else {
      plan.leaveReason = '除名';
      plan.leaveNote = '无正当理由连续六个月不交纳党费，按自行脱党除名';
    }
  }
  if (!plan.leftOn && age <= 55 && rng.chance(def.mobile)) {
    plan.isMobile = true;
    plan.mobileDestination = rng.weighted(MOBILE_DESTINATIONS);
  }
  return plan;
}

function base(
  branch: OrgPlan,
  person: MemberPlan['person'],
  m: Pick<MemberPlan, 'status' | 'joinedOn' | 'confirmedOn' | 'entryKind' | 'entryOn'>,
): MemberPlan {
  return { orgCode: branch.code, person, ...m, isMobile: false, mobileDestination: null, leftOn: null, leaveReason: null, leaveNote: null, partyPost: null };
}
