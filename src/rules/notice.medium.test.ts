import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../../test/helpers/test-db.js';
import { asUser, makeOrg, makeUser } from '../../test/factories.js';
import { failure } from '../../test/helpers/errors.js';
import { dueList } from './due.js';
import { evaluateRules } from './evaluate.js';
import { buildNotice } from './notice.js';
import { setRuleSetting } from './settings.js';
import { addMembers, branch, county, develop, meet } from './rules-fixtures.test.js';

/** The monthly monitoring notice and the due list; today is 2026-11-23, the notice is for 2026-10. */
describe.each(ENGINES)('rules: notice and due list on %s', (engine) => {
  const t = useTestDatabase(engine);

  /**
   * Three village branches of 3 full members each. In October B1 and B2 held their 主题党日 (everything they owed:
   * rate 1); B3 held nothing (the 主题党日 failed, the two set-up checks met: rate 2/3).
   */
  async function threeBranches(): Promise<void> {
    await county(t.ctx);
    for (const code of ['C.T1.B1', 'C.T1.B2', 'C.T1.B3']) {
      const b = await branch(t.ctx, code);
      await addMembers(t.ctx, b.id, 3);
    }
    await meet(t.ctx, 'C.T1.B1', '主题党日', '2026-10-08', { expected: 3 });
    await meet(t.ctx, 'C.T1.B2', '主题党日', '2026-10-09', { expected: 3 });
  }

  it('ranks peers by their rate with competition ranking: 1, 1, 3', async () => {
    await threeBranches();
    const n = await buildNotice(t.ctx, { orgCode: 'C.T1', period: '2026-10' });
    expect(n).toMatchObject({ org: 'C.T1', period: '2026-10', periodTitle: '2026年10月', asOf: '2026-10-31', thresholds: { greenAt: 90, redBelow: 70 } });
    expect(n.rows.map((r) => [r.org, r.level, r.rank, r.peers, r.status])).toEqual([
      ['C.T1', 0, null, 0, 'yellow'],
      ['C.T1.B1', 1, 1, 3, 'green'],
      ['C.T1.B2', 1, 1, 3, 'green'],
      ['C.T1.B3', 1, 3, 3, 'red'],
    ]);
    const b3 = n.rows.find((r) => r.org === 'C.T1.B3')!;
    // The overall rate is the mean of the families' rates (组织生活 0, 组织设置 1), the counts are pooled.
    expect(b3.overall).toEqual({ met: 2, failed: 1, rate: 0.5 });
    expect(b3.families['org-life']).toEqual({ met: 0, failed: 1, rate: 0 });
    expect(b3.problems.map((f) => [f.rule, f.period])).toEqual([['life.party-day', '2026-10']]);
    // The township's row sums its subtree: 6 + 6 + 2 met (主题党日, two set-up checks, three members), 1 failed.
    expect(n.rows[0]!.overall).toEqual({ met: 14, failed: 1, rate: (2 / 3 + 1 + 1) / 3 });
    expect(n.summary).toMatchObject({ organizations: 4, byStatus: { green: 2, yellow: 1, red: 1 } });

    // From the county: the township is ranked among committees, the branches among branches, one level down.
    const county = await buildNotice(t.ctx, { orgCode: 'C', period: '2026-10' });
    expect(county.rows.map((r) => [r.org, r.level, r.rank, r.peers])).toEqual([
      ['C', 0, null, 0],
      ['C.T1', 1, 1, 1],
      ['C.T1.B1', 2, 1, 3],
      ['C.T1.B2', 2, 1, 3],
      ['C.T1.B3', 2, 3, 3],
    ]);
  });

  it('counts a 党小组\'s checks and findings in its branch\'s row, and gives the 党小组 no row', async () => {
    await threeBranches();
    await makeOrg(t.ctx, { code: 'C.T1.B1.G1', name: '第一党小组', kind: '党小组', parentCode: 'C.T1.B1', establishedOn: '2000-01-01' });
    await makeOrg(t.ctx, { code: 'C.T1.B2.G1', name: '第一党小组', kind: '党小组', parentCode: 'C.T1.B2', establishedOn: '2000-01-01' });
    await meet(t.ctx, 'C.T1.B2.G1', '党小组会', '2026-10-15', { expected: 3 });
    const n = await buildNotice(t.ctx, { orgCode: 'C.T1', period: '2026-10' });
    expect(n.rows.map((r) => r.org)).toEqual(['C.T1', 'C.T1.B1', 'C.T1.B2', 'C.T1.B3']);
    const b1 = n.rows.find((r) => r.org === 'C.T1.B1')!;
    const b2 = n.rows.find((r) => r.org === 'C.T1.B2')!;
    expect(b1.families['org-life']).toEqual({ met: 1, failed: 1, rate: 0.5 });
    expect(b2.families['org-life']).toEqual({ met: 2, failed: 0, rate: 1 });
    expect(b1.problems.map((f) => [f.org, f.rule])).toEqual([['C.T1.B1.G1', 'life.group-meeting']]);
    expect(b2.rank).toBe(1);
    expect(b1.rank).toBe(2);
    expect(n.summary.organizations).toBe(4);
  });

  it('colours each row by the thresholds in the settings notice.greenAt and notice.redBelow', async () => {
    await threeBranches();
    const statusOfB3 = async () => (await buildNotice(t.ctx, { orgCode: 'C.T1', period: '2026-10' })).rows.find((r) => r.org === 'C.T1.B3')!.status;
    expect(await statusOfB3()).toBe('red');
    await setRuleSetting(t.ctx, 'notice.redBelow', 40);
    expect(await statusOfB3()).toBe('yellow');
    await setRuleSetting(t.ctx, 'notice.greenAt', 40);
    expect(await statusOfB3()).toBe('green');
    // The rate is 1/2 (the mean of 0 and 1): green from 50%, not from 51%.
    await setRuleSetting(t.ctx, 'notice.greenAt', 51);
    expect(await statusOfB3()).toBe('yellow');
    await setRuleSetting(t.ctx, 'notice.greenAt', 50);
    expect(await statusOfB3()).toBe('green');
    const n = await buildNotice(t.ctx, { orgCode: 'C.T1', period: '2026-10' });
    expect(n.thresholds).toEqual({ greenAt: 50, redBelow: 40 });
  });

  it('a branch secretary sees only their branch: another branch is not found', async () => {
    await threeBranches();
    const user = await makeUser(t.ctx, 'secretary1', ['secretary'], 'C.T1.B1');
    const ctx = await asUser(t.ctx, user);
    for (const call of [
      () => evaluateRules(ctx, { orgCode: 'C.T1.B2', period: '2026-10' }),
      () => buildNotice(ctx, { orgCode: 'C.T1.B2', period: '2026-10' }),
      () => buildNotice(ctx, { orgCode: 'C.T1', period: '2026-10' }),
      () => dueList(ctx, { orgCode: 'C.T1.B2' }),
      () => buildNotice(ctx, { orgCode: 'NOPE', period: '2026-10' }),
    ]) {
      const e = await failure(call);
      expect(e.code).toBe('ORG_NOT_FOUND');
      expect(e.issues).toEqual([expect.objectContaining({ code: 'ORG_NOT_FOUND', field: 'org' })]);
    }
    const own = await buildNotice(ctx, { period: '2026-10' });
    expect(own.org).toBe('C.T1.B1');
    expect(own.rows.map((r) => r.org)).toEqual(['C.T1.B1']);
    expect((await dueList(ctx, {})).org).toBe('C.T1.B1');
  });

  it('the due list holds this month\'s unheld 主题党日 and an overdue development step, not last month\'s missed meeting', async () => {
    await county(t.ctx);
    const b = await branch(t.ctx, 'C.T1.B1');
    await addMembers(t.ctx, b.id, 3);
    // October's 主题党日 was missed; November's is still to hold; a quorum failure in September is history too.
    await meet(t.ctx, 'C.T1.B1', '支部党员大会', '2026-09-10', { expected: 10, attended: 4 });
    // Branch meeting 2026-06-10, no approval: due 2026-09-10.
    await develop(t.ctx, 'C.T1.B1', '待审批', {
      appliedOn: '2023-01-10', interviewedOn: '2023-01-20', activistOn: '2023-04-01', candidateOn: '2024-05-01', branchMeetingOn: '2026-06-10',
    });

    const due = await dueList(t.ctx, { orgCode: 'C.T1.B1' });
    expect(due).toMatchObject({ org: 'C.T1.B1', today: '2026-11-23', days: 30 });
    const items = due.items.map((f) => [f.rule, f.status, f.period, f.dueOn, f.person]);
    expect(items).toContainEqual(['dev.approval', 'overdue', '2026-09', '2026-09-10', '待审批']);
    expect(items).toContainEqual(['life.party-day', 'upcoming', '2026-11', '2026-11-30', null]);
    expect(due.items.every((f) => f.open)).toBe(true);
    expect(due.items.filter((f) => f.rule === 'life.party-day').map((f) => f.period)).toEqual(['2026-11']);
    expect(due.items.filter((f) => f.rule === 'life.general-quorum')).toEqual([]);
    expect(due.items.filter((f) => f.status === 'missed' && f.family === 'org-life')).toEqual([]);
    // Soonest first.
    const dues = due.items.map((f) => f.dueOn ?? '9999');
    expect(dues).toEqual([...dues].sort());
    // Within 5 days, November's 主题党日 (7 days away) is not yet due.
    const soon = await dueList(t.ctx, { orgCode: 'C.T1.B1', days: 5 });
    expect(soon.days).toBe(5);
    expect(soon.items.filter((f) => f.rule === 'life.party-day')).toEqual([]);
    expect(soon.items.map((f) => f.rule)).toContain('dev.approval');
  });
});
