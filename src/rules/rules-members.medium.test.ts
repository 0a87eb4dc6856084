import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../../test/helpers/test-db.js';
import { makeMember } from '../../test/factories.js';
import { transferMember } from '../modules/members/transfer-member.js';
import { evaluateRules } from './evaluate.js';
import { branch, checksOf, county, findingsOf, meet } from './rules-fixtures.test.js';

const MONTHS = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

/** 党章第九条: six months without organizational life (domain-rules §1); today is 2026-11-23. */
describe.each(ENGINES)('rules: members\' organizational life on %s', (engine) => {
  const t = useTestDatabase(engine);

  it('a member absent from every branch meeting for 6 months is a violation; for 3 months, a reminder', async () => {
    await county(t.ctx);
    const b = await branch(t.ctx, 'C.T1.B1');
    await makeMember(t.ctx, 'C.T1.B1', { name: '久未参加' });
    await makeMember(t.ctx, 'C.T1.B1', { name: '三月未到' });
    await makeMember(t.ctx, 'C.T1.B1', { name: '按时参加' });
    // A 主题党日 on the 8th of every month: 久未参加 last came on 2026-05-08, 三月未到 on 2026-08-08.
    for (const m of MONTHS) {
      const absent = [...(m >= '2026-06' ? ['久未参加'] : []), ...(m >= '2026-09' ? ['三月未到'] : [])];
      await meet(t.ctx, 'C.T1.B1', '主题党日', `${m}-08`, { expected: 3, absent });
    }

    const e = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2026-11' });
    const found = findingsOf(e, { rule: 'members.org-life-lapse' });
    expect(found.map((f) => [f.person, f.status, f.severity])).toEqual([
      ['久未参加', 'violation', 'block'],
      ['三月未到', 'upcoming', 'warn'],
    ]);
    const lapsed = found[0]!;
    expect(lapsed).toMatchObject({ org: 'C.T1.B1', period: '2026-11', family: 'members', open: true, citation: '《中国共产党章程》第九条' });
    expect(lapsed.message).toContain('久未参加');
    expect(lapsed.message).toContain('2026-05-08');
    expect(lapsed.message).toContain('6个月');
    expect(lapsed.evidence.facts).toMatchObject({ 最近一次参加组织生活: '2026-05-08', 期间支部召开会议次数: 12, 统计日期: '2026-11-23' });
    expect(found[1]!.message).toContain('3个月');
    expect(checksOf(e, 'members.org-life-lapse', b.id)).toEqual({ met: 2, failed: 1, pending: 0 });
  });

  it('a branch that held no meetings has no findings about its members (that is the branch\'s own finding)', async () => {
    await county(t.ctx);
    const b = await branch(t.ctx, 'C.T1.B1');
    await makeMember(t.ctx, 'C.T1.B1', { name: '甲' });
    await makeMember(t.ctx, 'C.T1.B1', { name: '乙' });
    // A 支委会 is not a meeting every member is expected at.
    await meet(t.ctx, 'C.T1.B1', '支委会', '2026-03-03', { expected: 3 });
    const e = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2026' });
    expect(findingsOf(e, { rule: 'members.org-life-lapse' })).toEqual([]);
    expect(checksOf(e, 'members.org-life-lapse', b.id)).toEqual({ met: 0, failed: 0, pending: 0 });
    expect(findingsOf(e, { rule: 'life.party-day', status: 'missed' }).length).toBeGreaterThan(0);
  });

  it('a member who came onto the roll 2 months ago is not yet judged', async () => {
    await county(t.ctx);
    await branch(t.ctx, 'C.T1.B1');
    await makeMember(t.ctx, 'C.T1.B1', { name: '新转入', entryKind: '转入组织关系', entryOn: '2026-09-20' });
    await makeMember(t.ctx, 'C.T1.B1', { name: '新预备', status: '预备党员', joinedOn: '2026-09-20', confirmedOn: null });
    await meet(t.ctx, 'C.T1.B1', '主题党日', '2026-10-08', { expected: 3, absent: ['新转入', '新预备'] });
    await meet(t.ctx, 'C.T1.B1', '主题党日', '2026-11-08', { expected: 3, absent: ['新转入', '新预备'] });
    const e = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2026-11' });
    expect(findingsOf(e, { rule: 'members.org-life-lapse' })).toEqual([]);
  });

  it('counts a newcomer\'s months from the day they came, not from a meeting held before they came', async () => {
    await county(t.ctx);
    await branch(t.ctx, 'C.T1.B1');
    await makeMember(t.ctx, 'C.T1.B1', { name: '老党员' });
    // The branch met until April, then not again until October; 新转入 came on 2026-09-20 and missed both meetings since.
    for (const m of MONTHS.slice(0, 5)) await meet(t.ctx, 'C.T1.B1', '主题党日', `${m}-08`, { expected: 1 });
    await makeMember(t.ctx, 'C.T1.B1', { name: '新转入', entryKind: '转入组织关系', entryOn: '2026-09-20' });
    await meet(t.ctx, 'C.T1.B1', '主题党日', '2026-10-08', { expected: 2, absent: ['新转入'] });
    await meet(t.ctx, 'C.T1.B1', '主题党日', '2026-11-08', { expected: 2, absent: ['新转入'] });
    const e = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2026-11' });
    expect(findingsOf(e, { rule: 'members.org-life-lapse', person: '新转入' })).toEqual([]);
  });

  it('a member transferred within the county is judged from the transfer, at the new branch', async () => {
    await county(t.ctx);
    await branch(t.ctx, 'C.T1.B1');
    await branch(t.ctx, 'C.T1.B2');
    const m = await makeMember(t.ctx, 'C.T1.B1', { name: '调动者' });
    await meet(t.ctx, 'C.T1.B1', '主题党日', '2026-03-08', { expected: 1 });
    await transferMember(t.ctx, m.id, { toOrgCode: 'C.T1.B2', transferredOn: '2026-09-25' });
    await meet(t.ctx, 'C.T1.B2', '主题党日', '2026-10-08', { expected: 1, absent: ['调动者'] });
    const e = await evaluateRules(t.ctx, { orgCode: 'C.T1', period: '2026-11' });
    expect(findingsOf(e, { rule: 'members.org-life-lapse', person: '调动者' })).toEqual([]);
  });
});
