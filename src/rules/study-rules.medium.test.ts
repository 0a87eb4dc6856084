import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../../test/helpers/test-db.js';
import { makeMember } from '../../test/factories.js';
import { updateMember } from '../modules/members/update-member.js';
import { addAttendance } from '../modules/study/training-attendance.js';
import { createTraining } from '../modules/study/create-training.js';
import { recordStudy } from '../modules/study/record-study.js';
import { describeRules } from './describe-rules.js';
import { evaluateRules } from './evaluate.js';
import { buildNotice } from './notice.js';
import { setRuleSetting } from './settings.js';
import { branch, checksOf, county, findingsOf } from './rules-fixtures.test.js';
import type { Ctx } from '../context.js';

const RULE = 'members.training-hours';
const B1 = 'C.T1.B1';

/** Concentrated study of `hours` in a year, in 4-hour days (集中学习 counts toward the yearly hours). */
async function study(ctx: Ctx, memberId: number, year: number, hours: number): Promise<void> {
  for (let day = 1; hours > 0; day++) {
    const h = Math.min(4, hours);
    await recordStudy(ctx, { memberId, studiedOn: `${year}-03-${String(day).padStart(2, '0')}`, kind: '集中学习', title: '支部集中学习', hours: String(h) });
    hours -= h;
  }
}

/**
 * 《中国共产党党员教育管理工作条例》: 32 学时 a year, 56 and at least one concentrated training for a 书记, 副书记 or 委员.
 * Today is 2026-11-23: 2025 is judged, 2026 is in its fourth quarter.
 */
describe.each(ENGINES)('rules: training hours on %s', (engine) => {
  const t = useTestDatabase(engine);

  it('finds a member short, a secretary at 40 hours, a secretary with 60 hours but no concentrated training; an OK member passes', async () => {
    const ctx = t.ctx;
    await county(ctx);
    const b = await branch(ctx, B1);
    const short = await makeMember(ctx, B1, { name: '学时不足' });
    const sec40 = await makeMember(ctx, B1, { name: '书记四十' });
    const sec60 = await makeMember(ctx, B1, { name: '副书记六十' });
    const ok = await makeMember(ctx, B1, { name: '学时达标' });
    const newcomer = await makeMember(ctx, B1, { name: '年中入党', status: '预备党员', joinedOn: '2025-07-01', confirmedOn: null });
    await updateMember(ctx, sec40.id, { partyPost: '书记' });
    await updateMember(ctx, sec60.id, { partyPost: '副书记' });

    const winter = await createTraining(ctx, {
      orgCode: 'C.T1', title: '2025年冬训', kind: '培训班', level: '乡镇（街道）级', audience: '全体党员', startOn: '2025-01-10', endOn: '2025-01-12', hours: '24', concentrated: true,
    });
    await addAttendance(ctx, winter.id, { memberIds: [sec40.id, ok.id] });
    await study(ctx, short.id, 2025, 20);
    await study(ctx, sec40.id, 2025, 16); // 24 + 16 = 40
    await study(ctx, sec60.id, 2025, 60); // no concentrated training
    await study(ctx, ok.id, 2025, 8); // 24 + 8 = 32
    // Study of other kinds counts no concentrated hours.
    await recordStudy(ctx, { memberId: short.id, studiedOn: '2025-05-01', kind: '自学', title: '自学', hours: '8' });

    const e = await evaluateRules(ctx, { orgCode: B1, period: '2025' });
    const found = findingsOf(e, { rule: RULE });
    expect(found.map((f) => [f.person, f.status, f.severity, f.period, f.dueOn])).toEqual([
      ['学时不足', 'missed', 'warn', '2025', '2025-12-31'],
      ['书记四十', 'missed', 'warn', '2025', '2025-12-31'],
      ['副书记六十', 'missed', 'warn', '2025', '2025-12-31'],
    ]);
    const [m, s40, s60] = found;
    expect(m!.message).toBe('学时不足：2025年集中学习培训20.0学时，少于32.0学时（尚差12.0学时）');
    expect(s40!.message).toBe('书记四十（书记）：2025年集中学习培训40.0学时，少于56.0学时（尚差16.0学时）');
    expect(s60!.message).toBe('副书记六十（副书记）：2025年未参加集中培训（应至少1次）');
    expect(s40!.citation).toBe('《中国共产党党员教育管理工作条例》第十三条（条目编号待核实）');
    expect(s40!.certainty).toBe('verified');
    expect(s40!.ruleSet).toBe('education-2019');
    expect(s40!.evidence.facts).toMatchObject({ 集中学习培训学时: '40.0', 应达学时: '56.0', 完成集中培训次数: 1 });
    expect(s40!.evidence.records).toEqual([{ type: 'membership', id: sec40.id, summary: '书记四十（正式党员，书记）' }]);
    // Four judged (the newcomer joined in the year and is not held to a full year's hours).
    expect(checksOf(e, RULE, b.id)).toEqual({ met: 1, failed: 3, pending: 0 });
    expect(findingsOf(e, { person: newcomer.name, rule: RULE })).toEqual([]);
    // The notice counts them in the members family.
    const notice = await buildNotice(ctx, { orgCode: B1, period: '2025' });
    expect(notice.rows[0]!.families.members.failed).toBeGreaterThanOrEqual(3);
    expect(notice.ruleSets.map((s) => s.id)).toContain('education-2019');

    // A period without the year's end judges nothing; a switched-off rule neither.
    expect(findingsOf(await evaluateRules(ctx, { orgCode: B1, period: '2025Q3' }), { rule: RULE })).toEqual([]);
    await setRuleSetting(ctx, `${RULE}.enabled`, false);
    expect(findingsOf(await evaluateRules(ctx, { orgCode: B1, period: '2025' }), { rule: RULE })).toEqual([]);
    await setRuleSetting(ctx, `${RULE}.enabled`, true);
  });

  it('reminds members still short in the fourth quarter, and judges no branch that keeps no study ledger', async () => {
    const ctx = t.ctx;
    await county(ctx);
    const b1 = await branch(ctx, B1);
    const b2 = await branch(ctx, 'C.T1.B2');
    const behind = await makeMember(ctx, B1, { name: '进度落后' });
    const done = await makeMember(ctx, B1, { name: '已经达标' });
    await makeMember(ctx, 'C.T1.B2', { name: '无记录支部党员' });
    await study(ctx, behind.id, 2026, 10);
    await study(ctx, done.id, 2026, 32);

    const e = await evaluateRules(ctx, { orgCode: 'C.T1', period: '2026' });
    const found = findingsOf(e, { rule: RULE });
    expect(found.map((f) => [f.person, f.status, f.severity, f.open])).toEqual([['进度落后', 'upcoming', 'warn', true]]);
    expect(found[0]!.message).toBe('进度落后：2026年集中学习培训10.0学时，少于32.0学时（尚差22.0学时），请在年底前安排参加集中学习培训');
    expect(checksOf(e, RULE, b1.id)).toEqual({ met: 1, failed: 0, pending: 1 });
    expect(checksOf(e, RULE, b2.id)).toEqual({ met: 0, failed: 0, pending: 0 });
    // Before the fourth quarter, nothing to remind.
    expect(findingsOf(await evaluateRules(ctx, { orgCode: 'C.T1', period: '2026Q3' }), { rule: RULE })).toEqual([]);
    expect(findingsOf(await evaluateRules(ctx, { orgCode: 'C.T1', period: '2026-11' }), { rule: RULE })).toHaveLength(1);
    // The catalog describes the rule as people read it.
    const described = JSON.stringify(await describeRules(ctx));
    expect(described).toContain('56学时');
  });
});
