/**
 * The members of the demo county's standing branches as the member-work ledgers see them (dues, study, service,
 * honors, donations): those on the roll before the window and the approved recruits, with their written membership
 * ids. A 临时党支部 has no members of its own.
 */
import type { IsoDate } from '../../shared/dates.js';
import type { PartyPost } from '../../shared/vocab.js';
import type { DuesSubject } from './build-dues.js';
import type { OrgPlan, Profile } from './demo-types.js';
import type { CountyPlan } from './plan-county.js';

export interface WorkSubject extends DuesSubject {
  name: string;
  gender: string;
  post: PartyPost | null;
  isMobile: boolean;
  profile: Profile;
  /** The organization directly under the county committee that the branch belongs to (乡镇党委, 系统党委 …). */
  topCode: string;
  /** The day the member became a full member (正式党员), or null while probationary. */
  fullFrom: IsoDate | null;
}

/** The code of the organization directly under the county committee ('C01' for 'C01.003.02'). */
export function topCodeOf(code: string): string {
  return code.split('.')[0]!;
}

/**
 * Every member of a standing branch, in plan order (the roll first, then the recruits): `membershipIds` are the
 * written ids of plan.members in order, `membershipOfDevelopment` the memberships the approved recruits received.
 */
export function workSubjects(plan: CountyPlan, membershipIds: readonly number[], recruitMemberships: readonly (number | undefined)[]): WorkSubject[] {
  const orgs = new Map(plan.orgs.map((o) => [o.code, o]));
  const profileOf = (o: OrgPlan): Profile => o.profile ?? 'office';
  const out: WorkSubject[] = [];
  plan.members.forEach((m, i) => {
    const org = orgs.get(m.orgCode)!;
    if (org.kind === '临时党支部') return;
    out.push({
      membershipId: membershipIds[i]!, orgCode: m.orgCode, idNumber: m.person.idNumber, birthDate: m.person.birthDate, occupation: m.person.occupation ?? null,
      since: m.entryKind === '转入组织关系' ? m.entryOn : m.joinedOn, leftOn: m.leftOn, name: m.person.name, gender: m.person.gender, post: m.partyPost,
      isMobile: m.isMobile, profile: profileOf(org), topCode: topCodeOf(m.orgCode), fullFrom: m.confirmedOn,
    });
  });
  plan.development.forEach((d, i) => {
    const membershipId = recruitMemberships[i];
    if (membershipId === undefined || !d.dates.branchMeetingOn) return;
    const org = orgs.get(d.orgCode)!;
    out.push({
      membershipId, orgCode: d.orgCode, idNumber: d.person.idNumber, birthDate: d.person.birthDate, occupation: d.person.occupation ?? null,
      since: d.dates.branchMeetingOn, leftOn: null, name: d.person.name, gender: d.person.gender, post: null, isMobile: false, profile: profileOf(org),
      topCode: topCodeOf(d.orgCode), fullFrom: d.dates.conversionApprovedOn ?? null,
    });
  });
  return out;
}
