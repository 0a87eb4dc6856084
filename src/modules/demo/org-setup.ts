/**
 * Two facts of an organization's set-up that the rule engine reads beside the records: whether a branch has a
 * 支部委员会 and how many sit on it (《支部条例》第二十一条: a branch with 7 or more 正式党员 sets one up, of 3–5
 * members; a smaller one has a 书记 only), and an extension of the term approved by the superior (延期换届, at most
 * a year: 《中国共产党基层组织选举工作条例》第三条). As elsewhere in the demo county, most organizations comply and a
 * few do not: about 3% of the branches that should have a committee have none, and one or two extensions run
 * longer than a year.
 */
import { addMonths, type IsoDate } from '../../shared/dates.js';
import type { DemoFrame, DevelopmentPlan, MemberPlan, OrgPlan } from './demo-types.js';
import { Rng } from './rng.js';

/** 正式党员 needed for a 支部委员会; at this many or more the committee has 5 members, else 3. */
export const COMMITTEE_MIN_FULL = 7;
const FIVE_FROM = 20;
/** Share of the branches with 7+ full members that have set up no committee (a planted shortcoming). */
const MISSING_COMMITTEE_SHARE = 0.03;
/** Share of the organizations past the end of their term that have an approved extension. */
const EXTENDED_SHARE = 0.25;

/** The day a term ends: the election day plus the term. */
export function termEnd(org: Pick<OrgPlan, 'lastElectionOn' | 'termYears'>): IsoDate | null {
  return org.lastElectionOn && org.termYears ? addMonths(org.lastElectionOn, org.termYears * 12) : null;
}

/**
 * 正式党员 on each branch's roll at the end, as the written records will state them: members who are full members
 * and have not left, and recruits whose conversion was approved (the rule engine counts the same rows).
 */
export function fullMembersAtEnd(members: readonly MemberPlan[], development: readonly DevelopmentPlan[]): Map<string, number> {
  const full = new Map<string, number>();
  const add = (code: string) => full.set(code, (full.get(code) ?? 0) + 1);
  for (const m of members) if (m.status === '正式党员' && !m.leftOn) add(m.orgCode);
  for (const d of development) if (d.dates.approvedOn && d.dates.branchMeetingOn && d.dates.conversionApprovedOn) add(d.orgCode);
  return full;
}

/**
 * Records each branch's committee: 3 members, or 5 in a branch of 20+ full members, where there are 7+ full members;
 * 0 otherwise, and in a 临时党支部 (its 书记 is appointed by the superior). About 3% of the standing branches that
 * should have a committee have none. The meetings follow the record: only a branch with a committee holds 支委会.
 */
export function planCommittees(frame: DemoFrame, branches: readonly OrgPlan[], fullAtEnd: ReadonlyMap<string, number>): void {
  const due: OrgPlan[] = [];
  for (const b of branches) {
    const full = fullAtEnd.get(b.code) ?? 0;
    if (b.kind === '临时党支部' || full < COMMITTEE_MIN_FULL) {
      b.committeeSize = 0;
      continue;
    }
    b.committeeSize = full >= FIVE_FROM ? 5 : 3;
    due.push(b);
  }
  const missing = due.length === 0 ? 0 : Math.max(1, Math.round(due.length * MISSING_COMMITTEE_SHARE));
  for (const b of Rng.derive(frame.seed, 'committees').sample(due, missing)) b.committeeSize = 0;
}

/**
 * Approved extensions (延期换届): about a quarter of the organizations past the end of their term, by 6 or 12 months
 * from its end; and one more (two in a big county) by more than a year, which the rules do not allow.
 */
export function planExtensions(frame: DemoFrame, orgs: readonly OrgPlan[]): void {
  const overdue = orgs.filter((o) => {
    const end = termEnd(o);
    return end !== null && end < frame.end;
  });
  const rng = Rng.derive(frame.seed, 'extensions');
  const allowed = Math.round(overdue.length * EXTENDED_SHARE);
  const tooLong = Math.min(overdue.length - allowed, overdue.length >= 40 ? 2 : 1);
  rng.sample(overdue, allowed + tooLong).forEach((o, i) => {
    const months = i < tooLong ? rng.pick([18, 24]) : rng.pick([6, 12]);
    o.termExtendedTo = addMonths(termEnd(o)!, months);
  });
}
