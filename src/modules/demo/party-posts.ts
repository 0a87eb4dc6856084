/**
 * Party posts (党内职务) in the demo county's branches: every standing branch has a 书记, an existing 正式党员 of the
 * branch; a branch with a 支部委员会 (org-setup.ts: 3, or 5 in a big one) fills the other seats with 委员, one of them
 * a 副书记 in a committee of 5 (《支部条例》第二十一条). The officers are full members on the roll since before the
 * window and still there, a 书记 of working age where possible (the one nearest 48), so the meetings they host and
 * the posts the records state agree. A 临时党支部 has no members of its own, so no posts here.
 */
import type { PartyPost } from '../../shared/vocab.js';
import type { DemoFrame, MemberPlan, OrgPlan } from './demo-types.js';

/** Orders candidates for office: nearest 48 years old at the end first, then by name (stable, no randomness). */
export function officerOrder<T extends { name: string; birthDate: string }>(people: readonly T[], end: string): T[] {
  const age = (p: T) => Number(end.slice(0, 4)) - Number(p.birthDate.slice(0, 4));
  return [...people].sort((a, b) => Math.abs(age(a) - 48) - Math.abs(age(b) - 48) || a.name.localeCompare(b.name));
}

/** Sets `partyPost` on the members who hold one; returns the number of posts of each kind. */
export function assignPosts(frame: DemoFrame, branches: readonly OrgPlan[], members: readonly MemberPlan[]): Record<PartyPost, number> {
  const byBranch = new Map<string, MemberPlan[]>();
  for (const m of members) {
    if (m.status !== '正式党员' || m.leftOn) continue;
    const list = byBranch.get(m.orgCode) ?? [];
    list.push(m);
    byBranch.set(m.orgCode, list);
  }
  const counts: Record<PartyPost, number> = { 书记: 0, 副书记: 0, 委员: 0 };
  for (const b of branches) {
    if (b.kind === '临时党支部') continue;
    const full = byBranch.get(b.code) ?? [];
    const since = (m: MemberPlan) => (m.entryKind === '转入组织关系' ? m.entryOn : m.joinedOn);
    const settled = full.filter((m) => m.confirmedOn !== null && m.confirmedOn <= frame.start && since(m) <= frame.start);
    const pool = officerOrder((settled.length > 0 ? settled : full).map((m) => ({ m, name: m.person.name, birthDate: m.person.birthDate })), frame.end);
    const seats = Math.max(1, b.committeeSize ?? 0);
    pool.slice(0, seats).forEach(({ m }, i) => {
      const post: PartyPost = i === 0 ? '书记' : i === 1 && seats >= 5 ? '副书记' : '委员';
      m.partyPost = post;
      counts[post]++;
    });
  }
  return counts;
}
