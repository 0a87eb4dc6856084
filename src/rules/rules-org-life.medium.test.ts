import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../../test/helpers/test-db.js';
import { makeOrg } from '../../test/factories.js';
import { evaluateRules } from './evaluate.js';
import { buildNotice } from './notice.js';
import { addMembers, branch, checksOf, county, develop, findingsOf, meet } from './rules-fixtures.test.js';

/** 《支部条例》 organizational life (domain-rules §1); today is 2026-11-23. */
describe.each(ENGINES)('rules: organizational life on %s', (engine) => {
  const t = useTestDatabase(engine);

  /** Everything a branch with a committee owes in 2026Q3, except the 支委会 of the months left out. */
  async function fullQuarter(code: string, committeeMonths: string[]): Promise<void> {
    for (const m of ['07', '08', '09']) await meet(t.ctx, code, '主题党日', `2026-${m}-05`);
    for (const m of committeeMonths) await meet(t.ctx, code, '支委会', `2026-${m}-03`, { expected: 3 });
    await meet(t.ctx, code, '支部党员大会', '2026-09-10');
    await meet(t.ctx, code, '党课', '2026-08-15');
  }

  it('a branch missing its 支委会 in one month gets one missed finding for that month, and its rate counts it', async () => {
    await county(t.ctx);
    const b1 = await branch(t.ctx, 'C.T1.B1', { committeeSize: 3 });
    const b2 = await branch(t.ctx, 'C.T1.B2', { committeeSize: 3 });
    await addMembers(t.ctx, b1.id, 5);
    await addMembers(t.ctx, b2.id, 5);
    await fullQuarter('C.T1.B1', ['07', '09']);
    await fullQuarter('C.T1.B2', ['07', '08', '09']);

    const e = await evaluateRules(t.ctx, { orgCode: 'C.T1', period: '2026Q3' });
    const missed = findingsOf(e, { rule: 'life.committee-meeting' });
    expect(missed).toHaveLength(1);
    expect(missed[0]).toMatchObject({
      org: 'C.T1.B1', period: '2026-08', status: 'missed', severity: 'warn', dueOn: '2026-08-31', open: false, family: 'org-life',
      citation: '《中国共产党支部工作条例（试行）》第十二条', ruleSet: 'branch-work-2018',
    });
    expect(missed[0]!.message).toContain('2026年8月');
    expect(missed[0]!.evidence.facts).toMatchObject({ 应召开次数: 1, 已召开次数: 0, 期间开始: '2026-08-01', 期间结束: '2026-08-31' });
    expect(checksOf(e, 'life.committee-meeting', b1.id)).toEqual({ met: 2, failed: 1, pending: 0 });
    expect(checksOf(e, 'life.committee-meeting', b2.id)).toEqual({ met: 3, failed: 0, pending: 0 });

    const notice = await buildNotice(t.ctx, { orgCode: 'C.T1', period: '2026Q3' });
    const row = (code: string) => notice.rows.find((r) => r.org === code)!;
    expect(row('C.T1.B1').families['org-life'].failed).toBe(1);
    expect(row('C.T1.B2').families['org-life']).toMatchObject({ failed: 0, rate: 1 });
    // One 支委会 fewer: one frequency check failed instead of met, and one quorum check fewer.
    expect(row('C.T1.B1').families['org-life'].met).toBe(row('C.T1.B2').families['org-life'].met - 2);
    const { met, failed } = row('C.T1.B1').families['org-life'];
    expect(row('C.T1.B1').families['org-life'].rate).toBeCloseTo(met / (met + failed));
    expect(row('C.T1.B1').problems.map((f) => f.rule)).toEqual(['life.committee-meeting']);
  });

  it('a branch without a committee owes no 支委会', async () => {
    await county(t.ctx);
    const none = await branch(t.ctx, 'C.T1.B1', { committeeSize: 0 });
    const unknown = await branch(t.ctx, 'C.T1.B2');
    const e = await evaluateRules(t.ctx, { orgCode: 'C.T1', period: '2026-10' });
    expect(findingsOf(e, { rule: 'life.committee-meeting' })).toEqual([]);
    expect(checksOf(e, 'life.committee-meeting', none.id)).toEqual({ met: 0, failed: 0, pending: 0 });
    expect(checksOf(e, 'life.committee-meeting', unknown.id)).toEqual({ met: 0, failed: 0, pending: 0 });
  });

  it('judges the quarterly 支部党员大会 in the period that holds the quarter\'s last day', async () => {
    await county(t.ctx);
    const b = await branch(t.ctx, 'C.T1.B1');
    await branch(t.ctx, 'C.T1.B2');
    await meet(t.ctx, 'C.T1.B2', '支部党员大会', '2022-02-15');

    const feb = await evaluateRules(t.ctx, { orgCode: 'C.T1', period: '2022-02' });
    expect(findingsOf(feb, { rule: 'life.general-meeting' })).toEqual([]);
    expect(checksOf(feb, 'life.general-meeting', b.id)).toMatchObject({ met: 0, failed: 0 });

    const mar = await evaluateRules(t.ctx, { orgCode: 'C.T1', period: '2022-03' });
    const missed = findingsOf(mar, { rule: 'life.general-meeting' });
    expect(missed).toHaveLength(1);
    expect(missed[0]).toMatchObject({ org: 'C.T1.B1', period: '2022Q1', status: 'missed', dueOn: '2022-03-31', open: false });
    expect(missed[0]!.message).toContain('2022年第一季度');
    expect(checksOf(mar, 'life.general-meeting', b.id)).toMatchObject({ met: 0, failed: 1 });

    // The whole year: one finding per quarter, each in its own quarter.
    const year = await evaluateRules(t.ctx, { orgCode: 'C.T1.B2', period: '2022' });
    expect(findingsOf(year, { rule: 'life.general-meeting' }).map((f) => f.period)).toEqual(['2022Q2', '2022Q3', '2022Q4']);
  });

  it('a branch established mid-year owes the monthly rules only from its first whole month', async () => {
    await county(t.ctx);
    const b = await branch(t.ctx, 'C.T1.B1', { establishedOn: '2022-05-10' });
    const may = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2022-05' });
    expect(findingsOf(may, { rule: 'life.party-day' })).toEqual([]);
    expect(checksOf(may, 'life.party-day', b.id)).toEqual({ met: 0, failed: 0, pending: 0 });
    const april = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2022-04' });
    expect(april.findings).toEqual([]);

    const june = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2022-06' });
    expect(findingsOf(june, { rule: 'life.party-day' })).toEqual([expect.objectContaining({ period: '2022-06', status: 'missed' })]);
    const year = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2022' });
    expect(findingsOf(year, { rule: 'life.party-day' }).map((f) => f.period)).toEqual(['2022-06', '2022-07', '2022-08', '2022-09', '2022-10', '2022-11', '2022-12']);
  });

  it('judges 党小组会 on the 党小组, and the branch rules not on it', async () => {
    await county(t.ctx);
    await branch(t.ctx, 'C.T1.B1');
    const g1 = await makeOrg(t.ctx, { code: 'C.T1.B1.G1', name: '第一党小组', kind: '党小组', parentCode: 'C.T1.B1', establishedOn: '2000-01-01' });
    const g2 = await makeOrg(t.ctx, { code: 'C.T1.B1.G2', name: '第二党小组', kind: '党小组', parentCode: 'C.T1.B1', establishedOn: '2000-01-01' });
    await meet(t.ctx, 'C.T1.B1.G2', '党小组会', '2026-10-12');

    const e = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2026-10' });
    expect(findingsOf(e, { rule: 'life.group-meeting' })).toEqual([expect.objectContaining({ org: 'C.T1.B1.G1', period: '2026-10', status: 'missed' })]);
    expect(checksOf(e, 'life.group-meeting', g1.id)).toMatchObject({ met: 0, failed: 1 });
    expect(checksOf(e, 'life.group-meeting', g2.id)).toMatchObject({ met: 1, failed: 0 });
    expect(findingsOf(e, { org: 'C.T1.B1.G1' }).map((f) => f.rule)).toEqual(['life.group-meeting']);
    expect(findingsOf(e, { org: 'C.T1.B1', rule: 'life.group-meeting' })).toEqual([]);
  });

  it('a 临时党支部 owes 三会一课 but is exempt from terms, development and the appraisal of members', async () => {
    await county(t.ctx);
    const temp = await branch(t.ctx, 'C.T1.TMP', { kind: '临时党支部', sector: '机关', lastElectionOn: '2020-01-01', termYears: 3, committeeSize: 3 });
    await branch(t.ctx, 'C.T1.B1', { sector: '机关', lastElectionOn: '2020-01-01', termYears: 3 });
    await addMembers(t.ctx, temp.id, 2);
    // The service refuses development in a 临时党支部 (一般不发展党员); legacy data may hold one: record it in an ordinary
    // branch, then move it there with SQL. Its interview came 35 days after the application.
    const d = await develop(t.ctx, 'C.T1.B1', '临时甲', { appliedOn: '2025-03-01', interviewedOn: '2025-04-05' });
    const twin = await develop(t.ctx, 'C.T1.B1', '常设乙', { appliedOn: '2025-03-01', interviewedOn: '2025-04-05' });
    await t.ctx.db.updateTable('development_records').set({ org_id: temp.id }).where('id', '=', d.id).execute();

    const e = await evaluateRules(t.ctx, { orgCode: 'C.T1', period: '2025' });
    const rules = new Set(findingsOf(e, { org: 'C.T1.TMP' }).map((f) => f.rule));
    for (const r of ['life.general-meeting', 'life.committee-meeting', 'life.lesson', 'life.party-day', 'life.review-meeting']) expect(rules, r).toContain(r);
    for (const r of rules) expect(r, r).toMatch(/^life\./);
    expect(rules).not.toContain('life.member-appraisal');
    expect(findingsOf(e, { person: '临时甲' })).toEqual([]);
    // The same facts in a standing branch are findings.
    expect(findingsOf(e, { person: twin.name, rule: 'dev.interview' })).toHaveLength(1);
    expect(findingsOf(e, { org: 'C.T1.B1', rule: 'setup.term-expiry' })).toHaveLength(1);
  });

  it('a 支部党员大会 needs more than half of those who should attend: 5 of 10 is void, 6 of 10 is not', async () => {
    await county(t.ctx);
    const b = await branch(t.ctx, 'C.T1.B1', { committeeSize: 5 });
    await meet(t.ctx, 'C.T1.B1', '支部党员大会', '2026-07-10', { expected: 10, attended: 5 });
    await meet(t.ctx, 'C.T1.B1', '支部党员大会', '2026-08-10', { expected: 10, attended: 6 });
    await meet(t.ctx, 'C.T1.B1', '支委会', '2026-08-11', { expected: 5, attended: 2 });
    await meet(t.ctx, 'C.T1.B1', '支委会', '2026-09-11', { expected: 4, attended: 3 });

    const e = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2026Q3' });
    const general = findingsOf(e, { rule: 'life.general-quorum' });
    expect(general).toHaveLength(1);
    expect(general[0]).toMatchObject({ period: '2026-07', status: 'violation', severity: 'block', dueOn: '2026-07-10', open: false });
    expect(general[0]!.evidence.facts).toEqual({ 应到人数: 10, 实到人数: 5 });
    expect(general[0]!.message).toContain('半数以上');
    expect(checksOf(e, 'life.general-quorum', b.id)).toMatchObject({ met: 1, failed: 1 });
    expect(findingsOf(e, { rule: 'life.committee-quorum' })).toEqual([expect.objectContaining({ dueOn: '2026-08-11', status: 'violation' })]);
  });

  it('a 民主生活会 needs two thirds of those who should attend, the two thirds included', async () => {
    await county(t.ctx);
    // C (depth 0) and C.T1 (depth 1) are the leading bodies by default (leadership.maxDepth 1).
    await meet(t.ctx, 'C.T1', '民主生活会', '2026-01-20', { expected: 9, attended: 6 });
    await meet(t.ctx, 'C.T1', '民主生活会', '2026-02-20', { expected: 9, attended: 5 });
    await meet(t.ctx, 'C', '民主生活会', '2026-03-20', { expected: 12, attended: 8 });
    await meet(t.ctx, 'C', '民主生活会', '2026-04-20', { expected: 12, attended: 7 });
    const e = await evaluateRules(t.ctx, { orgCode: 'C', period: '2026H1' });
    const found = findingsOf(e, { rule: 'life.leadership-quorum' });
    expect(found.map((f) => [f.org, f.dueOn, f.status, f.severity])).toEqual([
      ['C', '2026-04-20', 'violation', 'block'],
      ['C.T1', '2026-02-20', 'violation', 'block'],
    ]);
    expect(found[0]!.message).toContain('3分之2以上');
  });

  it('a month still running gives upcoming, not missed, and only within the days ahead', async () => {
    await county(t.ctx);
    const b = await branch(t.ctx, 'C.T1.B1');
    const nov = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2026-11' });
    expect(nov.asOf).toBe('2026-11-23');
    expect(findingsOf(nov, { rule: 'life.party-day' })).toEqual([
      expect.objectContaining({ period: '2026-11', status: 'upcoming', dueOn: '2026-11-30', open: true, severity: 'warn' }),
    ]);
    expect(findingsOf(nov, { status: 'missed' }).filter((f) => f.rule.startsWith('life.'))).toEqual([]);
    expect(checksOf(nov, 'life.party-day', b.id)).toEqual({ met: 0, failed: 0, pending: 1 });
    const soon = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2026-11', dueDays: 5 });
    expect(findingsOf(soon, { rule: 'life.party-day' })).toEqual([]);
    const oct = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2026-10' });
    expect(findingsOf(oct, { rule: 'life.party-day' })).toEqual([expect.objectContaining({ status: 'missed', open: false })]);
    const future = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2027-01' });
    expect(future.findings).toEqual([]);
    expect(future.checks).toEqual([]);
  });
});
