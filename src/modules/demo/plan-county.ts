/**
 * The whole demo county as plain data, before anything is written: organizations, the members already on the roll
 * (with the branches' party posts), the development records (whose approved recruits join the roll when written), and
 * the meetings. Pure and deterministic: the same frame gives the same plan. The member-work ledgers (study, service,
 * honors, donations) are made from it while they are written (write-work.ts).
 */
import type { IsoDate } from '../../shared/dates.js';
import { BRANCH_KINDS, type OrgKind } from '../../shared/vocab.js';
import { probationEnd } from '../development/development-rules.js';
import type { DemoFrame, DevelopmentPlan, MemberPlan, OrgPlan, RosterEntry } from './demo-types.js';
import { completeDevelopment, planDevelopment } from './build-development.js';
import { buildMembers } from './build-members.js';
import { buildBranchMeetings, type DevMeetings, type MeetingPlan } from './build-meetings.js';
import { buildOrgs } from './build-orgs.js';
import { buildCommitteeMeetings, isLeadingBody } from './committee-meetings.js';
import { fullMembersAtEnd, planCommittees } from './org-setup.js';
import { personName } from './names.js';
import { assignPosts } from './party-posts.js';
import { PeopleFactory } from './people-factory.js';
import { maxDate, Rng } from './rng.js';

export interface CountyPlan {
  frame: DemoFrame;
  orgs: OrgPlan[];
  members: MemberPlan[];
  development: DevelopmentPlan[];
  /** Each branch's roll over time, and the meetings its development records name: what the meetings are made from. */
  rosters: Map<string, RosterEntry[]>;
  devMeetings: Map<string, DevMeetings>;
}

export function isBranch(org: OrgPlan): boolean {
  return BRANCH_KINDS.includes(org.kind as OrgKind);
}

export function planCounty(frame: DemoFrame): CountyPlan {
  const orgs = buildOrgs(frame);
  const branches = orgs.filter(isBranch);
  const { skeletons, approved } = planDevelopment(frame, branches);
  const people = new PeopleFactory(frame);
  const counts = new Map(branches.map((b) => [b.code, b.target - (approved.get(b.code) ?? 0)]));
  const members = buildMembers(frame, branches, counts, people);

  const fullMembers = new Map<string, string[]>();
  for (const m of members) {
    if (m.status !== '正式党员' || m.leftOn) continue;
    const list = fullMembers.get(m.orgCode) ?? [];
    list.push(m.person.name);
    fullMembers.set(m.orgCode, list);
  }
  const development = completeDevelopment(frame, skeletons, fullMembers, people);

  planCommittees(frame, branches, fullMembersAtEnd(members, development));
  assignPosts(frame, branches, members);
  const rosters = buildRosters(frame, branches, members, development);
  return { frame, orgs, members, development, rosters, devMeetings: developmentMeetings(frame, development) };
}

/**
 * The meetings, organization by organization, in batches of about `size`: there are a few per member and month,
 * so a big county never holds them all in memory at once. Each organization has its own random stream, so the
 * batch size changes nothing in the records.
 */
export function* meetingBatches(plan: CountyPlan, size = 20_000): Generator<{ meetings: MeetingPlan[]; done: number; total: number }> {
  const { frame, orgs, rosters, devMeetings } = plan;
  let meetings: MeetingPlan[] = [];
  for (const [i, org] of orgs.entries()) {
    if (isBranch(org)) buildBranchMeetings(frame, org, rosters.get(org.code) ?? [], devMeetings.get(org.code), meetings);
    else if (isLeadingBody(org)) buildCommitteeMeetings(frame, org, meetings);
    if (meetings.length >= size || i === orgs.length - 1) {
      yield { meetings, done: i + 1, total: orgs.length };
      meetings = [];
    }
  }
}

/** All the meetings at once (for tests and small counties). */
export function allMeetings(plan: CountyPlan): MeetingPlan[] {
  return [...meetingBatches(plan)].flatMap((b) => b.meetings);
}

/** Each branch's roll over time: existing members, approved recruits, and a 临时党支部's participants. */
function buildRosters(frame: DemoFrame, branches: OrgPlan[], members: MemberPlan[], development: DevelopmentPlan[]): Map<string, RosterEntry[]> {
  const rosters = new Map<string, RosterEntry[]>(branches.map((b) => [b.code, []]));
  for (const m of members) {
    const since = m.entryKind === '转入组织关系' ? m.entryOn : m.joinedOn;
    rosters.get(m.orgCode)!.push({ name: m.person.name, since, fullFrom: m.confirmedOn, leftOn: m.leftOn, isMobile: m.isMobile, birthDate: m.person.birthDate, post: m.partyPost });
  }
  for (const d of development) {
    const { approvedOn, branchMeetingOn, conversionApprovedOn } = d.dates;
    if (!approvedOn || !branchMeetingOn) continue;
    rosters.get(d.orgCode)!.push({
      name: d.person.name,
      since: branchMeetingOn,
      // Counted as a full member from the day the conversion is approved (the 党龄 itself runs from the probation's end).
      fullFrom: conversionApprovedOn ? maxDate(conversionApprovedOn, probationEnd(branchMeetingOn, d.extensionMonths)) : null,
      leftOn: null,
      isMobile: false,
      birthDate: d.person.birthDate,
      post: null,
    });
  }
  for (const b of branches) {
    if (!b.participants) continue;
    const rng = Rng.derive(frame.seed, `participants:${b.code}`);
    const list = rosters.get(b.code)!;
    for (let i = 0; i < b.participants; i++) {
      const birthYear = rng.int(1968, 1998);
      list.push({ name: personName(rng, rng.chance(0.3) ? '女' : '男', birthYear), since: b.establishedOn, fullFrom: b.establishedOn, leftOn: null, isMobile: false, birthDate: `${birthYear}-06-30`, post: null });
    }
  }
  return rosters;
}

/** The 支部党员大会 and 支委会 that the development records name, inside the window. */
function developmentMeetings(frame: DemoFrame, development: DevelopmentPlan[]): Map<string, DevMeetings> {
  const out = new Map<string, DevMeetings>();
  const add = (code: string, which: keyof DevMeetings, date: IsoDate | null | undefined, topic: string) => {
    if (!date || date < frame.start || date > frame.end) return;
    let m = out.get(code);
    if (!m) out.set(code, (m = { general: new Map(), committee: new Map() }));
    const before = m[which].get(date);
    if (!before) m[which].set(date, topic);
    else if (!before.includes(topic)) m[which].set(date, `${before}；${topic}`);
  };
  for (const d of development) {
    add(d.orgCode, 'general', d.dates.branchMeetingOn, '讨论接收预备党员');
    add(d.orgCode, 'general', d.dates.conversionMeetingOn, '讨论预备党员转正');
    add(d.orgCode, 'general', d.dates.extensionDecidedOn, '讨论延长预备党员预备期');
    add(d.orgCode, 'committee', d.dates.activistOn, '研究确定入党积极分子');
    add(d.orgCode, 'committee', d.dates.candidateOn, '研究确定发展对象');
    add(d.orgCode, 'committee', d.dates.committeeReviewOn, '审查发展对象材料');
  }
  return out;
}
