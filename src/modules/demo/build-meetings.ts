/**
 * 三会一课 and the rest of organizational life for every branch, from 1 January of fromYear to the end date
 * (《支部条例》; domain-rules §1): 主题党日 monthly, 支委会 monthly where a committee is recorded (org-setup.ts: 7+
 * full members, bar a few branches that set none up), 党小组会 monthly,
 * 支部党员大会 and 党课 quarterly, 组织生活会 and 民主评议党员 in the fourth quarter, 谈心谈话 now and then. The branch
 * meetings the development records name (接收预备党员, 转正) are held on those very days. Most branches comply;
 * about one in ten skips some months and a few are chronically weak.
 */
import type { NewMeetingRecord } from '../meetings/insert-meetings-bulk.js';
import { toIso, type IsoDate } from '../../shared/dates.js';
import type { DemoFrame, OrgPlan, RosterEntry } from './demo-types.js';
import { activeOn, attend, attendanceRate, firstWeekday, workday } from './attendance.js';
import { officerOrder } from './party-posts.js';
import { Rng } from './rng.js';

const POST_ORDER = ['书记', '副书记', '委员'];
import { minutesFor, topicFor } from './topics.js';

/** A meeting planned by organization code, as the bulk writer takes it once codes become ids. */
export type MeetingPlan = Omit<NewMeetingRecord, 'orgId'> & { orgCode: string };

/** Meetings the development records imply: date → topic, for the 支部党员大会 and the 支委会. */
export interface DevMeetings {
  general: Map<IsoDate, string>;
  committee: Map<IsoDate, string>;
}

export function buildBranchMeetings(frame: DemoFrame, branch: OrgPlan, roster: RosterEntry[], dev: DevMeetings | undefined, out: MeetingPlan[]): void {
  const rng = Rng.derive(frame.seed, `meetings:${branch.code}`);
  const first = branch.establishedOn > frame.start ? branch.establishedOn : frame.start;
  if (first > frame.end || roster.length === 0) return;
  const tier = rng.weighted([['good', 86], ['patchy', 10], ['weak', 4]] as const);
  const pHold = tier === 'good' ? 0.985 : tier === 'patchy' ? 0.8 : 0.35;
  const weak = tier === 'weak';
  const temporary = branch.kind === '临时党支部';
  // Officers: the posts the records state (party-posts.ts): the 书记 hosts, the committee of the size recorded for the
  // branch (3, or 5 in a big one; none in a small one) holds the 支委会. A 临时党支部 (no posts) picks the same way.
  const officers = roster.filter((m) => m.post !== null).sort((a, b) => POST_ORDER.indexOf(a.post!) - POST_ORDER.indexOf(b.post!));
  const settled = roster.filter((m) => m.fullFrom && m.fullFrom <= frame.start && m.since <= frame.start && !m.leftOn);
  const byAge = officers.length > 0 ? officers : officerOrder(settled.length > 0 ? settled : roster.filter((m) => m.fullFrom && !m.leftOn), frame.end);
  const secretaryEntry = byAge[0] ?? roster[0]!;
  const secretary = secretaryEntry.name;
  const committee = byAge.slice(0, branch.committeeSize ?? 0);
  const fixedDay = rng.chance(0.5) ? 0 : rng.int(5, 20); // 0: 每月第一个周五
  const quarterMonth = rng.int(0, 2);
  const lessonWithPartyDay = rng.chance(0.6);
  const groups = branch.groups;
  const generalByMonth = byMonth(dev?.general);
  const committeeByMonth = byMonth(dev?.committee);

  const emit = (kind: string, heldOn: IsoDate, people: RosterEntry[], topic?: string, host = secretary) => {
    if (heldOn < first || heldOn > frame.end || people.length === 0) return;
    const a = attend(rng, people, kind === '谈心谈话' ? 1 : attendanceRate(rng, weak), heldOn, branch.profile);
    const t = topic ?? topicFor(rng, kind, heldOn, branch.profile);
    out.push({ orgCode: branch.code, kind, heldOn, topic: t, host, ...a, minutes: minutesFor(rng, host, t, a.expectedCount, a.attendedCount) });
  };
  const emitGroup = (code: string, index: number, heldOn: IsoDate) => {
    if (heldOn < first || heldOn > frame.end) return;
    const people = activeOn(roster, heldOn).filter((_, i) => i % groups.length === index);
    if (people.length === 0) return;
    const a = attend(rng, people, attendanceRate(rng, weak), heldOn, branch.profile);
    const t = topicFor(rng, '党小组会', heldOn, branch.profile);
    const host = people[0]!.name;
    out.push({ orgCode: code, kind: '党小组会', heldOn, topic: t, host, ...a, minutes: minutesFor(rng, host, t, a.expectedCount, a.attendedCount) });
  };

  const firstMonth = monthIndex(first);
  const lastMonth = monthIndex(frame.end);
  for (let index = firstMonth; index <= lastMonth; index++) {
    const y = Math.floor(index / 12);
    const mo = (index % 12) + 1;
    const monthKey = toIso(y, mo, 1).slice(0, 7);
    const partyDay = fixedDay ? toIso(y, mo, Math.min(28, fixedDay + rng.int(0, 3))) : firstWeekday(y, mo, 5);
    if (rng.chance(pHold)) emit('主题党日', partyDay, activeOn(roster, partyDay));

    // 支委会: the development decisions fix its day in some months.
    const devCommittee = committeeByMonth.get(monthKey) ?? [];
    if (committee.length > 0) {
      if (devCommittee.length > 0) for (const [d, topic] of devCommittee) emit('支委会', d, activeOn(committee, d), topic);
      else if (rng.chance(pHold * 0.97)) {
        const d = workday(rng, y, mo);
        emit('支委会', d, activeOn(committee, d));
      }
    }
    groups.forEach((code, i) => {
      if (rng.chance(pHold * 0.95)) emitGroup(code, i, workday(rng, y, mo));
    });

    const inQuarter = (mo - 1) % 3;
    for (const [d, topic] of generalByMonth.get(monthKey) ?? []) emit('支部党员大会', d, activeOn(roster, d), topic);
    if (inQuarter === quarterMonth) {
      const quarterHasDev = [0, 1, 2].some((k) => generalByMonth.has(toIso(y, mo - inQuarter + k, 1).slice(0, 7)));
      if (!quarterHasDev && rng.chance(pHold)) {
        const d = workday(rng, y, mo);
        emit('支部党员大会', d, activeOn(roster, d));
      }
      if (rng.chance(pHold)) {
        const d = lessonWithPartyDay ? partyDay : workday(rng, y, mo);
        emit('党课', d, activeOn(roster, d));
      }
    }
    if (!temporary && rng.chance(0.25)) {
      const d = workday(rng, y, mo);
      const others = activeOn(roster, d).filter((m) => m !== secretaryEntry);
      if (others.length > 0) emit('谈心谈话', d, [rng.pick(others), secretaryEntry]);
    }
    // 组织生活会 and 民主评议党员: once a year, generally in the fourth quarter (《支部条例》第十七条).
    if (mo === 10 && rng.chance(weak ? 0.5 : pHold)) {
      const d = rng.chance(0.15) ? workday(rng, y, 10) : workday(rng, y, rng.int(11, 12));
      emit('组织生活会', d, activeOn(roster, d));
      const review = rng.chance(0.7) ? d : workday(rng, y, 12);
      emit('民主评议党员', review, activeOn(roster, review));
    }
  }
  // The 换届 election, when it fell inside the window.
  if (branch.lastElectionOn && branch.lastElectionOn >= first) {
    emit('支部党员大会', branch.lastElectionOn, activeOn(roster, branch.lastElectionOn), '换届选举大会，选举产生新一届支部委员会');
  }
}

function byMonth(dates: Map<IsoDate, string> | undefined): Map<string, [IsoDate, string][]> {
  const out = new Map<string, [IsoDate, string][]>();
  for (const [date, topic] of [...(dates ?? [])].sort((a, b) => a[0].localeCompare(b[0]))) {
    const key = date.slice(0, 7);
    out.set(key, [...(out.get(key) ?? []), [date, topic]]);
  }
  return out;
}

function monthIndex(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

