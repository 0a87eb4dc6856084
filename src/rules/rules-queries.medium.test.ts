import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../../test/helpers/test-db.js';
import { inTransaction, type Ctx } from '../context.js';
import { insertDevelopmentBulk, type NewDevelopmentRecord } from '../modules/development/insert-development-bulk.js';
import { insertMeetingsBulk, type NewMeetingRecord } from '../modules/meetings/insert-meetings-bulk.js';
import { insertMembersBulk, type NewMemberRecord } from '../modules/members/insert-members-bulk.js';
import { insertOrg } from '../modules/orgs/create-org.js';
import { childPath } from '../modules/orgs/tree.js';
import type { OrgInput } from '../modules/orgs/orgs.schema.js';
import { dueList } from './due.js';
import { evaluateRules } from './evaluate.js';
import { buildNotice } from './notice.js';
import { countingCtx, person } from './rules-fixtures.test.js';

interface Node {
  id: number;
  path: string;
  depth: number;
}

/**
 * A county of exactly `size` organizations under the code `root` — township committees, village branches, a 党小组
 * under every fifth branch — each branch with 3 members, 2 meetings (one with an absentee) and a candidate whose
 * approval is overdue, written as the importer writes: organizations one by one, the rest in bulk.
 */
async function buildCounty(ctx: Ctx, root: string, size: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const add = async (input: Omit<OrgInput, 'name' | 'sector'> & { sector?: OrgInput['sector'] }, parent: Node | null): Promise<Node> => {
      const id = await insertOrg(tx, { name: `${input.code}组织`, sector: '农村', ...input } as OrgInput, parent);
      return { id, path: childPath(parent?.path ?? null, id), depth: parent ? parent.depth + 1 : 0 };
    };
    const county = await add({ code: root, kind: '党委', sector: '机关', parentCode: null }, null);
    const towns: Node[] = [];
    const townCount = Math.ceil(size / 60);
    for (let i = 1; i <= townCount; i++) towns.push(await add({ code: `${root}.T${i}`, kind: '党委', parentCode: root, lastElectionOn: '2021-03-01' }, county));
    const branches: Node[] = [];
    let count = 1 + townCount;
    for (let i = 1; count < size; i++) {
      const town = towns[i % townCount]!;
      const code = `${root}.B${i}`;
      branches.push(await add({ code, kind: '党支部', parentCode: `${root}.T${(i % townCount) + 1}`, establishedOn: '2000-01-01', lastElectionOn: '2023-06-01', committeeSize: i % 2 }, town));
      count++;
      if (i % 5 === 0 && count < size) {
        await add({ code: `${code}.G1`, kind: '党小组', parentCode: code, establishedOn: '2000-01-01' }, branches.at(-1)!);
        count++;
      }
    }
    const members: NewMemberRecord[] = [];
    const meetings: NewMeetingRecord[] = [];
    const development: NewDevelopmentRecord[] = [];
    for (const b of branches) {
      const people = [person(), person(), person()];
      for (const p of people) members.push({ person: p, orgId: b.id, status: '正式党员', joinedOn: '2005-07-01', confirmedOn: '2006-07-01' });
      const base = { orgId: b.id, topic: '学习', host: null, minutes: null };
      meetings.push({ ...base, kind: '主题党日', heldOn: '2026-08-08', expectedCount: 3, attendedCount: 3, absentees: [] });
      meetings.push({ ...base, kind: '支部党员大会', heldOn: '2026-09-10', expectedCount: 3, attendedCount: 2, absentees: [{ name: people[0]!.name, reason: '外出' }] });
      development.push({
        person: person(),
        orgId: b.id,
        dates: { appliedOn: '2023-01-10', interviewedOn: '2023-01-20', activistOn: '2023-04-01', candidateOn: '2024-05-01', branchMeetingOn: '2025-12-01' },
        introducers: '甲、乙',
      });
    }
    await insertMembersBulk(tx, members);
    await insertMeetingsBulk(tx, meetings);
    await insertDevelopmentBulk(tx, development);
  });
}

/** The rule engine reads its facts in a fixed number of grouped queries, whatever the size of the subtree. */
describe.each(ENGINES)('rules: query count on %s', (engine) => {
  const t = useTestDatabase(engine);

  it('evaluates, builds the notice and lists what is due for 50 and for 500 organizations in the same few queries', async () => {
    await buildCounty(t.ctx, 'A', 50);
    await buildCounty(t.ctx, 'B', 500);
    const counter = countingCtx(t.ctx);
    const measure = async (fn: () => Promise<unknown>): Promise<number> => {
      counter.reset();
      await fn();
      return counter.queries();
    };

    const small = await evaluateRules(t.ctx, { orgCode: 'A', period: '2026Q3' });
    const large = await evaluateRules(t.ctx, { orgCode: 'B', period: '2026Q3' });
    expect(small.facts.orgs).toHaveLength(50);
    expect(large.facts.orgs).toHaveLength(500);
    // The facts were read: every branch has its members, meetings, candidate and an expired term.
    expect(large.facts.members.length).toBeGreaterThan(1000);
    expect(large.findings.filter((f) => f.rule === 'dev.approval').length).toBe(large.facts.development.length);
    expect(large.findings.filter((f) => f.rule === 'setup.term-expiry').length).toBeGreaterThan(small.findings.filter((f) => f.rule === 'setup.term-expiry').length);

    for (const period of ['2026Q3', '2026-11', '2026']) {
      const a = await measure(() => evaluateRules(counter.ctx, { orgCode: 'A', period }));
      const b = await measure(() => evaluateRules(counter.ctx, { orgCode: 'B', period }));
      expect(b, `evaluateRules ${period}`).toBe(a);
      // At least the settings and the four groups of facts; at most a handful (one more query per family of
      // ledger facts: 11 since the study ledger's per-member minutes by year joined the dues' three; 14 since the
      // supervision ledgers' tasks, problems with their last event, and disclosure items with their disclosures).
      expect(a).toBeGreaterThanOrEqual(5);
      expect(a).toBeLessThanOrEqual(14);
    }
    const noticeA = await measure(() => buildNotice(counter.ctx, { orgCode: 'A', period: '2026-10' }));
    const noticeB = await measure(() => buildNotice(counter.ctx, { orgCode: 'B', period: '2026-10' }));
    expect(noticeB).toBe(noticeA);
    expect(noticeA).toBeLessThanOrEqual(14);
    const dueA = await measure(() => dueList(counter.ctx, { orgCode: 'A' }));
    const dueB = await measure(() => dueList(counter.ctx, { orgCode: 'B' }));
    expect(dueB).toBe(dueA);
    expect(dueA).toBeLessThanOrEqual(14);
    // And for the whole tree, with no organization named.
    expect(await measure(() => evaluateRules(counter.ctx, { period: '2026Q3' }))).toBeLessThanOrEqual(14);
  });
});
