import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../../test/helpers/test-db.js';
import { makeOrg } from '../../test/factories.js';
import { evaluateRules } from './evaluate.js';
import { addMembers, branch, checksOf, county, findingsOf } from './rules-fixtures.test.js';

/** Set-up of branches and terms of office (domain-rules §2); today is 2026-11-23, judged on the 2026-11 period. */
describe.each(ENGINES)('rules: organization set-up and terms on %s', (engine) => {
  const t = useTestDatabase(engine);
  const PERIOD = '2026-11';

  describe('set-up', () => {
    it('7 full members and no committee is a finding; probationary members do not count towards the 7', async () => {
      await county(t.ctx);
      const seven = await branch(t.ctx, 'C.T1.B1', { committeeSize: 0 });
      const six = await branch(t.ctx, 'C.T1.B2', { committeeSize: 0 });
      const unknown = await branch(t.ctx, 'C.T1.B3');
      const withCommittee = await branch(t.ctx, 'C.T1.B4', { committeeSize: 3 });
      await addMembers(t.ctx, seven.id, 7);
      await addMembers(t.ctx, six.id, 6);
      await addMembers(t.ctx, six.id, 3, { status: '预备党员', joinedOn: '2026-03-01' });
      await addMembers(t.ctx, unknown.id, 9);
      await addMembers(t.ctx, withCommittee.id, 9);

      const e = await evaluateRules(t.ctx, { orgCode: 'C.T1', period: PERIOD });
      const found = findingsOf(e, { rule: 'setup.committee-required' });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ org: 'C.T1.B1', status: 'missed', severity: 'warn', open: true, period: PERIOD, citation: '《中国共产党支部工作条例（试行）》第二十一条' });
      expect(found[0]!.evidence.facts).toMatchObject({ 正式党员: 7, 预备党员: 0, 支委会委员人数: 0 });
      expect(checksOf(e, 'setup.committee-required', six.id)).toEqual({ met: 0, failed: 0, pending: 0 });
      // Not recorded: nothing to judge.
      expect(checksOf(e, 'setup.committee-required', unknown.id)).toEqual({ met: 0, failed: 0, pending: 0 });
      expect(checksOf(e, 'setup.committee-required', withCommittee.id)).toEqual({ met: 1, failed: 0, pending: 0 });
    });

    it('counts a member as full only from the day the conversion took effect', async () => {
      await county(t.ctx);
      const b = await branch(t.ctx, 'C.T1.B1', { committeeSize: 0 });
      await addMembers(t.ctx, b.id, 6);
      await addMembers(t.ctx, b.id, 1, { joinedOn: '2025-06-10', confirmedOn: '2026-06-10' });
      const before = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2026-05' });
      expect(findingsOf(before, { rule: 'setup.committee-required' })).toEqual([]);
      const after = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2026-06' });
      expect(findingsOf(after, { rule: 'setup.committee-required' })).toHaveLength(1);
    });

    it('a standalone 党支部 needs 3 full members; a 联合党支部 of 2 does not', async () => {
      await county(t.ctx);
      const two = await branch(t.ctx, 'C.T1.B1');
      const twoPlus = await branch(t.ctx, 'C.T1.B2');
      const three = await branch(t.ctx, 'C.T1.B3');
      const joint = await branch(t.ctx, 'C.T1.J1', { kind: '联合党支部' });
      await addMembers(t.ctx, two.id, 2);
      await addMembers(t.ctx, twoPlus.id, 2);
      await addMembers(t.ctx, twoPlus.id, 4, { status: '预备党员', joinedOn: '2026-01-10' });
      await addMembers(t.ctx, three.id, 3);
      await addMembers(t.ctx, joint.id, 2);

      const e = await evaluateRules(t.ctx, { orgCode: 'C.T1', period: PERIOD });
      const found = findingsOf(e, { rule: 'setup.branch-min-full' });
      expect(found.map((f) => f.org)).toEqual(['C.T1.B1', 'C.T1.B2']);
      expect(found[0]).toMatchObject({ status: 'missed', open: true });
      expect(found[0]!.message).toContain('正式党员2名');
      expect(checksOf(e, 'setup.branch-min-full', three.id)).toEqual({ met: 1, failed: 0, pending: 0 });
      expect(checksOf(e, 'setup.branch-min-full', joint.id)).toEqual({ met: 0, failed: 0, pending: 0 });
    });

    it('more than 50 members in a branch is a finding, probationary ones included', async () => {
      await county(t.ctx);
      const big = await branch(t.ctx, 'C.T1.B1', { committeeSize: 5 });
      const fifty = await branch(t.ctx, 'C.T1.B2', { committeeSize: 5 });
      await addMembers(t.ctx, big.id, 48);
      await addMembers(t.ctx, big.id, 3, { status: '预备党员', joinedOn: '2026-02-01' });
      await addMembers(t.ctx, fifty.id, 50);

      const e = await evaluateRules(t.ctx, { orgCode: 'C.T1', period: PERIOD });
      const found = findingsOf(e, { rule: 'setup.branch-max-members' });
      expect(found.map((f) => f.org)).toEqual(['C.T1.B1']);
      expect(found[0]!.message).toContain('党员51名');
      expect(checksOf(e, 'setup.branch-max-members', fifty.id)).toEqual({ met: 1, failed: 0, pending: 0 });
    });
  });

  describe('terms', () => {
    it('reminds the superior 6 months ahead, and the organization itself 2 months ahead', async () => {
      await county(t.ctx);
      // Term ends 2027-03-01: within 6 months of today, not within 2.
      await branch(t.ctx, 'C.T1.B1', { sector: '机关', lastElectionOn: '2024-03-01', termYears: 3 });
      // Term ends 2027-01-10: within 2 months.
      await branch(t.ctx, 'C.T1.B2', { sector: '机关', lastElectionOn: '2024-01-10', termYears: 3 });
      // Term ends 2027-06-01: more than 6 months away.
      await branch(t.ctx, 'C.T1.B3', { sector: '机关', lastElectionOn: '2024-06-01', termYears: 3 });

      const e = await evaluateRules(t.ctx, { orgCode: 'C', period: PERIOD });
      const superior = findingsOf(e, { rule: 'setup.term-remind-superior' });
      expect(superior.map((f) => [f.org, f.dueOn])).toEqual([
        ['C.T1', '2027-01-10'],
        ['C.T1', '2027-03-01'],
      ]);
      expect(superior.every((f) => f.status === 'upcoming' && f.open)).toBe(true);
      expect(superior.find((f) => f.dueOn === '2027-03-01')!.message).toContain('C.T1.B1');
      const self = findingsOf(e, { rule: 'setup.term-remind-self' });
      expect(self.map((f) => [f.org, f.dueOn])).toEqual([['C.T1.B2', '2027-01-10']]);
      expect(findingsOf(e, { org: 'C.T1.B3' }).filter((f) => f.rule.startsWith('setup.term'))).toEqual([]);
      expect(findingsOf(e, { rule: 'setup.term-expiry' })).toEqual([]);
    });

    it('an expired term is overdue; more than a year overdue blocks', async () => {
      await county(t.ctx);
      // Ended 2026-06-01: five months overdue.
      await branch(t.ctx, 'C.T1.B1', { sector: '机关', lastElectionOn: '2023-06-01', termYears: 3 });
      // Ended 2025-06-01: seventeen months overdue.
      await branch(t.ctx, 'C.T1.B2', { sector: '机关', lastElectionOn: '2022-06-01', termYears: 3 });
      // Ended 2025-11-22: a year and a day.
      await branch(t.ctx, 'C.T1.B3', { sector: '机关', lastElectionOn: '2022-11-22', termYears: 3 });

      const e = await evaluateRules(t.ctx, { orgCode: 'C.T1', period: PERIOD });
      const found = findingsOf(e, { rule: 'setup.term-expiry' });
      expect(found.map((f) => [f.org, f.status, f.severity, f.dueOn, f.open])).toEqual([
        ['C.T1.B1', 'overdue', 'warn', '2026-06-01', true],
        ['C.T1.B2', 'overdue', 'block', '2025-06-01', true],
        ['C.T1.B3', 'overdue', 'block', '2025-11-22', true],
      ]);
      expect(found[0]!.message).toContain('2026-06-01');
      expect(found[0]!.evidence.facts).toMatchObject({ 本届选举日期: '2023-06-01', 任期年限: 3, 任期届满日期: '2026-06-01', 批准延期至: null });
      expect(found[0]!.citation).toBe('《中国共产党基层组织选举工作条例》第三条');
    });

    it('hard-fails only when today is later than the term end plus one year (domain-rules §2)', async () => {
      await county(t.ctx);
      // Ended 2025-11-23: today is exactly the term end plus one year, not later.
      await branch(t.ctx, 'C.T1.B1', { sector: '机关', lastElectionOn: '2022-11-23', termYears: 3 });
      const e = await evaluateRules(t.ctx, { orgCode: 'C.T1', period: PERIOD });
      expect(findingsOf(e, { rule: 'setup.term-expiry' })).toEqual([expect.objectContaining({ status: 'overdue', severity: 'warn', dueOn: '2025-11-23' })]);
    });

    it('an approved extension still running keeps the term in order; one that ran out is overdue from its end', async () => {
      await county(t.ctx);
      const running = await branch(t.ctx, 'C.T1.B1', { sector: '机关', lastElectionOn: '2023-06-01', termYears: 3, termExtendedTo: '2027-01-31' });
      await branch(t.ctx, 'C.T1.B2', { sector: '机关', lastElectionOn: '2023-06-01', termYears: 3, termExtendedTo: '2026-09-01' });

      const e = await evaluateRules(t.ctx, { orgCode: 'C.T1', period: PERIOD });
      expect(findingsOf(e, { org: 'C.T1.B1' }).filter((f) => f.rule.startsWith('setup.term'))).toEqual([]);
      expect(checksOf(e, 'setup.term-expiry', running.id)).toEqual({ met: 1, failed: 0, pending: 0 });
      expect(checksOf(e, 'setup.term-extension', running.id)).toEqual({ met: 1, failed: 0, pending: 0 });
      const out = findingsOf(e, { org: 'C.T1.B2', rule: 'setup.term-expiry' });
      expect(out).toEqual([expect.objectContaining({ status: 'overdue', severity: 'warn', dueOn: '2026-09-01' })]);
      expect(out[0]!.message).toContain('批准延期至2026-09-01');
    });

    it('an extension of more than a year is a violation; exactly a year is not', async () => {
      await county(t.ctx);
      await branch(t.ctx, 'C.T1.B1', { sector: '机关', lastElectionOn: '2023-06-01', termYears: 3, termExtendedTo: '2027-07-01' });
      const year = await branch(t.ctx, 'C.T1.B2', { sector: '机关', lastElectionOn: '2023-06-01', termYears: 3, termExtendedTo: '2027-06-01' });
      const e = await evaluateRules(t.ctx, { orgCode: 'C.T1', period: PERIOD });
      const found = findingsOf(e, { rule: 'setup.term-extension' });
      expect(found).toEqual([expect.objectContaining({ org: 'C.T1.B1', status: 'violation', severity: 'block', dueOn: '2026-06-01' })]);
      expect(found[0]!.message).toContain('延期13个月');
      expect(checksOf(e, 'setup.term-extension', year.id)).toEqual({ met: 1, failed: 0, pending: 0 });
    });

    it('takes the term length from the kind and sector when none is recorded: 村/社区 5, 党委 5, other branches 3', async () => {
      await county(t.ctx);
      // Elected 2022-06-01: a village or community branch serves until 2027-06-01, an office branch until 2025-06-01.
      await branch(t.ctx, 'C.T1.V1', { sector: '农村', lastElectionOn: '2022-06-01' });
      await branch(t.ctx, 'C.T1.S1', { sector: '社区', lastElectionOn: '2022-06-01' });
      await branch(t.ctx, 'C.T1.O1', { sector: '机关', lastElectionOn: '2022-06-01' });
      await makeOrg(t.ctx, { code: 'C.T1.Z1', name: '机关党总支', kind: '党总支', sector: '机关', parentCode: 'C.T1', lastElectionOn: '2022-06-01' });
      // A 党委 elected 2021-12-01 serves until 2026-12-01: within two months.
      await makeOrg(t.ctx, { code: 'C.P1', name: '县直机关党委', kind: '党委', sector: '机关', parentCode: 'C', lastElectionOn: '2021-12-01' });

      const e = await evaluateRules(t.ctx, { orgCode: 'C', period: PERIOD });
      const expiry = findingsOf(e, { rule: 'setup.term-expiry' });
      expect(expiry.map((f) => [f.org, f.dueOn])).toEqual([
        ['C.T1.O1', '2025-06-01'],
        ['C.T1.Z1', '2025-06-01'],
      ]);
      expect(expiry[0]!.evidence.facts).toMatchObject({ 任期年限: 3 });
      expect(findingsOf(e, { org: 'C.T1.V1' }).filter((f) => f.rule.startsWith('setup.term'))).toEqual([]);
      expect(findingsOf(e, { org: 'C.T1.S1' }).filter((f) => f.rule.startsWith('setup.term'))).toEqual([]);
      expect(findingsOf(e, { rule: 'setup.term-remind-self' }).map((f) => [f.org, f.dueOn])).toEqual([['C.P1', '2026-12-01']]);
      expect(findingsOf(e, { rule: 'setup.term-remind-superior' }).map((f) => [f.org, f.dueOn])).toEqual([['C', '2026-12-01']]);
      expect(findingsOf(e, { rule: 'setup.term-remind-self' })[0]!.evidence.facts).toMatchObject({ 任期年限: 5 });
    });
  });
});
