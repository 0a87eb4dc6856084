import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../../test/helpers/test-db.js';
import { asUser, makeMember, makeOrg, makeUser } from '../../test/factories.js';
import { failure } from '../../test/helpers/errors.js';
import type { Ctx } from '../context.js';
import { updateMember } from '../modules/members/update-member.js';
import { describeRules } from './describe-rules.js';
import { dueList } from './due.js';
import { evaluateRules } from './evaluate.js';
import { buildNotice } from './notice.js';
import { setRuleSetting } from './settings.js';
import { branch, checksOf, county, develop, findingsOf, meet } from './rules-fixtures.test.js';
import { openSuggestedCase, shareOf, suggestWeakOrgs } from './weak-org-flags.js';

/** Today is 2026-11-23 (the test clock). Records are written directly into the supervision tables. */
const STAMP = '2026-01-01T00:00:00.000Z';

async function orgId(ctx: Ctx, code: string): Promise<number> {
  return (await ctx.db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

interface TaskRow {
  title: string;
  owner: string;
  start?: string;
  deadline: string;
  status: '未开始' | '进行中' | '已完成' | '已取消';
  completedOn?: string | null;
}

async function addTask(ctx: Ctx, orgCode: string, t: TaskRow): Promise<number> {
  const row = await ctx.db
    .insertInto('tasks')
    .values({
      org_id: await orgId(ctx, orgCode), item_id: null, assigned_by_org_id: await orgId(ctx, 'C.T1'), title: t.title, category: null, owner_name: t.owner,
      start_on: t.start ?? '2026-03-01', deadline: t.deadline, status: t.status, completed_on: t.completedOn ?? null, note: null, created_at: STAMP, updated_at: STAMP,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

interface ProblemRow {
  description: string;
  owner: string;
  found?: string;
  deadline: string;
  status: '待整改' | '整改中' | '待验收' | '已销号';
  rectifiedOn?: string | null;
  closedOn?: string | null;
  events?: [action: string, toStatus: string, on: string][];
}

async function addProblem(ctx: Ctx, orgCode: string, p: ProblemRow): Promise<{ id: number; events: number[] }> {
  const org = await orgId(ctx, orgCode);
  const row = await ctx.db
    .insertInto('problems')
    .values({
      org_id: org, source: '巡察', inspection_id: null, category: '组织建设', level: '组织层面', description: p.description, owner_name: p.owner, measures: null,
      measures_count: 1, found_on: p.found ?? '2026-05-20', deadline: p.deadline, status: p.status, rectified_on: p.rectifiedOn ?? null, accepted_on: null,
      accepted_by: null, closed_on: p.closedOn ?? null, reopened: 0, note: null, created_at: STAMP, updated_at: STAMP,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const events: number[] = [];
  let from: string | null = null;
  for (const [action, to, on] of p.events ?? []) {
    const e = await ctx.db
      .insertInto('problem_events')
      .values({ org_id: org, problem_id: row.id, action, from_status: from, to_status: to, happened_on: on, note: null, evidence: null, actor: 'admin', created_at: STAMP })
      .returning('id')
      .executeTakeFirstOrThrow();
    events.push(e.id);
    from = to;
  }
  return { id: row.id, events };
}

async function addItem(ctx: Ctx, orgCode: string, i: { category: '党务' | '村务' | '财务'; name: string; cadence: string; sector?: string | null; createdOn: string; active?: boolean }): Promise<number> {
  const stamp = `${i.createdOn}T02:00:00.000Z`;
  const row = await ctx.db
    .insertInto('disclosure_items')
    .values({ org_id: await orgId(ctx, orgCode), category: i.category, name: i.name, cadence: i.cadence, sector: i.sector ?? null, active: i.active === false ? 0 : 1, created_at: stamp, updated_at: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function disclose(ctx: Ctx, orgCode: string, itemId: number, label: string, d: { proposed: string; reviewed?: string | null; published?: string | null }): Promise<number> {
  const row = await ctx.db
    .insertInto('disclosures')
    .values({
      org_id: await orgId(ctx, orgCode), item_id: itemId, period_label: label, content: `${label}公开内容`, proposed_on: d.proposed,
      reviewed_on: d.reviewed === undefined ? d.proposed : d.reviewed, reviewed_by: d.reviewed === null ? null : '支委会', approved_on: d.published ?? null,
      approved_by: d.published ? '村党组织' : null, published_on: d.published ?? null, note: null, created_at: STAMP, updated_at: STAMP,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const rows = (found: { period: string; status: string; person: string | null; open: boolean }[]) => found.map((f) => [f.period, f.status, f.person, f.open]);

describe.each(ENGINES)('rules: supervision on %s', (engine) => {
  const t = useTestDatabase(engine);

  it('tasks.overdue: an open task past its deadline, one completed late, one coming due; cancelled and on-time ones are quiet', async () => {
    const ctx = t.ctx;
    await county(ctx);
    const b1 = await branch(ctx, 'C.T1.B1');
    await branch(ctx, 'C.T1.B2');
    const late = await addTask(ctx, 'C.T1.B1', { title: '规范党员活动室', owner: '张书记', deadline: '2026-10-31', status: '进行中' });
    await addTask(ctx, 'C.T1.B1', { title: '整理党员档案', owner: '李委员', deadline: '2026-09-10', status: '已完成', completedOn: '2026-09-20' });
    await addTask(ctx, 'C.T1.B1', { title: '制定冬训计划', owner: '王委员', deadline: '2026-12-10', status: '未开始' });
    await addTask(ctx, 'C.T1.B1', { title: '按时完成', owner: '赵委员', deadline: '2026-06-30', status: '已完成', completedOn: '2026-06-01' });
    await addTask(ctx, 'C.T1.B1', { title: '已取消的', owner: '钱委员', deadline: '2026-04-30', status: '已取消' });
    await addTask(ctx, 'C.T1.B1', { title: '明年的', owner: '孙委员', deadline: '2027-03-01', status: '进行中' });
    await addTask(ctx, 'C.T1.B2', { title: '另一支部的', owner: '周书记', deadline: '2026-08-31', status: '进行中' });

    const e = await evaluateRules(ctx, { orgCode: 'C.T1.B1', period: '2026' });
    const found = findingsOf(e, { rule: 'tasks.overdue' });
    expect(rows(found)).toEqual([
      ['2026-09', 'overdue', '李委员', false],
      ['2026-10', 'overdue', '张书记', true],
      ['2026-12', 'upcoming', '王委员', true],
    ]);
    expect(found[1]!.message).toBe('张书记：任务“规范党员活动室”应于2026-10-31前完成，截至2026-11-23已逾期23天');
    expect(found[0]!.message).toBe('李委员：任务“整理党员档案”于2026-09-20完成，超过期限2026-09-10（逾期10天）');
    expect(found[1]!).toMatchObject({ family: 'supervision', ruleSet: 'responsibility-2020', certainty: 'local', severity: 'warn', dueOn: '2026-10-31', org: 'C.T1.B1' });
    expect(found[1]!.citation).toBe('《党委（党组）落实全面从严治党主体责任规定》（具体要求为地方做法）');
    expect(found[1]!.evidence.records).toEqual([{ type: 'task', id: late, summary: '任务“规范党员活动室”（责任人张书记，期限2026-10-31，进行中）' }]);
    expect(checksOf(e, 'tasks.overdue', b1.id)).toEqual({ met: 1, failed: 2, pending: 2 });

    // The notice counts them in the supervision family; the due list holds the open ones.
    const notice = await buildNotice(ctx, { orgCode: 'C.T1.B1', period: '2026' });
    expect(notice.rows[0]!.families.supervision).toEqual({ met: 1, failed: 2, rate: 1 / 3 });
    const due = await dueList(ctx, { orgCode: 'C.T1.B1' });
    expect(due.items.filter((f) => f.rule === 'tasks.overdue').map((f) => f.person)).toEqual(['张书记', '王委员']);
    // The township sees both branches' tasks.
    expect(findingsOf(await evaluateRules(ctx, { orgCode: 'C.T1', period: '2026' }), { rule: 'tasks.overdue' }).map((f) => f.person)).toContain('周书记');

    // Judged in 2026Q2, the task completed in September was still open and not yet due: four pending, one met.
    const q2 = await evaluateRules(ctx, { orgCode: 'C.T1.B1', period: '2026Q2' });
    expect(rows(findingsOf(q2, { rule: 'tasks.overdue' }))).toEqual([]);
    expect(checksOf(q2, 'tasks.overdue', b1.id)).toEqual({ met: 1, failed: 0, pending: 4 });

    await setRuleSetting(ctx, 'tasks.overdue.enabled', false);
    expect(findingsOf(await evaluateRules(ctx, { orgCode: 'C.T1.B1', period: '2026' }), { rule: 'tasks.overdue' })).toEqual([]);
  });

  it('rectification.overdue: open past the time limit (with its last event), rectified late, rectified on time and closed later, coming due', async () => {
    const ctx = t.ctx;
    await county(ctx);
    const b1 = await branch(ctx, 'C.T1.B1');
    await branch(ctx, 'C.T1.B2');
    const open = await addProblem(ctx, 'C.T1.B1', {
      description: '三会一课记录不规范', owner: '张书记', deadline: '2026-09-30', status: '整改中',
      events: [['登记', '待整改', '2026-05-20'], ['制定措施', '整改中', '2026-06-10']],
    });
    await addProblem(ctx, 'C.T1.B1', { description: '按期整改', owner: '李委员', deadline: '2026-08-31', status: '已销号', rectifiedOn: '2026-08-20', closedOn: '2026-09-15' });
    await addProblem(ctx, 'C.T1.B1', { description: '逾期整改', owner: '王委员', deadline: '2026-10-01', status: '待验收', rectifiedOn: '2026-10-15' });
    await addProblem(ctx, 'C.T1.B1', { description: '即将到期', owner: '赵委员', deadline: '2026-12-01', status: '待整改' });
    await addProblem(ctx, 'C.T1.B2', { description: '另一支部', owner: '周书记', deadline: '2026-07-31', status: '整改中' });

    const e = await evaluateRules(ctx, { orgCode: 'C.T1.B1', period: '2026' });
    const found = findingsOf(e, { rule: 'rectification.overdue' });
    expect(rows(found)).toEqual([
      ['2026-09', 'overdue', '张书记', true],
      ['2026-10', 'overdue', '王委员', false],
      ['2026-12', 'upcoming', '赵委员', true],
    ]);
    expect(found[0]!.message).toBe('张书记：巡察发现的问题“三会一课记录不规范”应于2026-09-30前完成整改，截至2026-11-23已逾期54天');
    expect(found[1]!.message).toBe('王委员：巡察发现的问题“逾期整改”于2026-10-15整改完成，超过期限2026-10-01（逾期14天）');
    expect(found[0]!.evidence.records).toEqual([
      { type: 'problem', id: open.id, summary: '巡察发现问题：三会一课记录不规范（责任人张书记，整改时限2026-09-30，整改中）' },
      { type: 'problem-event', id: open.events[1], summary: '2026-06-10 制定措施（整改中）' },
    ]);
    expect(found[0]!).toMatchObject({ ruleSet: 'inspection-2017', certainty: 'unverified', citation: '《中国共产党巡视工作条例》（条目编号未核实）' });
    expect(checksOf(e, 'rectification.overdue', b1.id)).toEqual({ met: 1, failed: 2, pending: 1 });

    // Scope: a secretary of B1 sees B1's problems only, and B2 is not found.
    const user = await makeUser(ctx, 'sec-b1', ['secretary'], 'C.T1.B1');
    const sec = await asUser(ctx, user);
    expect(findingsOf(await evaluateRules(sec, { period: '2026' }), { rule: 'rectification.overdue' })).toHaveLength(3);
    expect((await failure(() => evaluateRules(sec, { orgCode: 'C.T1.B2', period: '2026' }))).code).toBe('ORG_NOT_FOUND');
    expect(findingsOf(await evaluateRules(ctx, { orgCode: 'C.T1', period: '2026' }), { rule: 'rectification.overdue' })).toHaveLength(4);
  });

  it('disclosure.due: each cadence unit published within the grace days, from the catalogue\'s creation, by the 公开主体 of the right sector', async () => {
    const ctx = t.ctx;
    await county(ctx);
    const b1 = await branch(ctx, 'C.T1.B1');
    await branch(ctx, 'C.T1.B2');
    await branch(ctx, 'C.T1.S1', { sector: '社区' });
    await makeOrg(ctx, { code: 'C.T1.V', name: '大村党总支', kind: '党总支', parentCode: 'C.T1', establishedOn: '2000-01-01' });
    await makeOrg(ctx, { code: 'C.T1.V.B1', name: '大村第一党支部', parentCode: 'C.T1.V', establishedOn: '2000-01-01' });
    // The township's catalogue: village affairs quarterly since 2026-01-05 (first owed: 2026Q2), finances monthly since
    // December 2025, party affairs yearly for every sector since 2025.
    const village = await addItem(ctx, 'C.T1', { category: '村务', name: '村务收支', cadence: '每季度', sector: '农村', createdOn: '2026-01-05' });
    const money = await addItem(ctx, 'C.T1', { category: '财务', name: '财务收支明细', cadence: '每月', sector: '农村', createdOn: '2025-12-20' });
    const party = await addItem(ctx, 'C.T1', { category: '党务', name: '党费收缴情况', cadence: '每年', createdOn: '2025-01-01' });
    await addItem(ctx, 'C.T1', { category: '村务', name: '重大事项', cadence: '随时', sector: '农村', createdOn: '2025-01-01' });
    await addItem(ctx, 'C.T1', { category: '村务', name: '停用事项', cadence: '每月', sector: '农村', createdOn: '2025-01-01', active: false });

    await disclose(ctx, 'C.T1.B1', village, '2026Q2', { proposed: '2026-07-01', published: '2026-07-10' });
    await disclose(ctx, 'C.T1.B1', money, '2026-06', { proposed: '2026-07-01', published: '2026-07-20' });
    const pending = await disclose(ctx, 'C.T1.B1', money, '2026-08', { proposed: '2026-09-01', reviewed: null });

    const e = await evaluateRules(ctx, { orgCode: 'C.T1.B1', period: '2026Q3' });
    const found = findingsOf(e, { rule: 'disclosure.due' });
    expect(found.map((f) => [f.period, f.status, f.open, f.dueOn])).toEqual([
      ['2026-06', 'overdue', false, '2026-07-15'],
      ['2026-09', 'overdue', true, '2026-09-11'],
      ['2026-07', 'missed', true, '2026-08-15'],
      ['2026-08', 'missed', true, '2026-09-15'],
    ]);
    const [june, review, july, august] = found;
    expect(review!.message).toBe('财务公开“财务收支明细”（2026-08）于2026-09-01提出，超过10天尚未审核（截至2026-09-30）');
    expect(review!.evidence.records[0]).toEqual({ type: 'disclosure', id: pending, summary: '财务公开“财务收支明细”（2026-08，提出2026-09-01）' });
    expect(june!.message).toBe('财务公开“财务收支明细”2026年6月于2026-07-20公布，超过公布期限2026-07-15（期末后15天内）');
    expect(july!.message).toBe('财务公开“财务收支明细”2026年7月未按期公开（应于2026-08-15前公布，截至2026-09-30无公开记录）');
    expect(august!.message).toContain('已提出但尚未公布');
    expect(july!).toMatchObject({ citation: '《农村集体经济组织财务公开规定》', certainty: 'verified', person: null });
    expect(july!.evidence.searched).toBe('C.T1.B1党支部对“财务收支明细”2026年7月（2026-07）的公开记录');
    // Met: 2026Q2 village affairs and the two reviews in July; failed: June, July, August, and the waiting review.
    expect(checksOf(e, 'disclosure.due', b1.id)).toEqual({ met: 3, failed: 4, pending: 0 });

    // Across the township: the 社区 branch owes party affairs only, the 党总支 discloses for its branch.
    const q1 = await evaluateRules(ctx, { orgCode: 'C.T1', period: '2026Q1' });
    const owed = findingsOf(q1, { rule: 'disclosure.due' }).map((f) => `${f.org}|${f.period}|${f.status}`);
    expect(owed).toContain('C.T1.S1|2025|missed');
    expect(owed).toContain('C.T1.V|2025|missed');
    expect(owed).toContain('C.T1.V|2026-01|missed');
    expect(owed.filter((x) => x.startsWith('C.T1.V.B1|'))).toEqual([]);
    expect(owed.filter((x) => x.startsWith('C.T1.S1|2026-'))).toEqual([]);
    // Nothing before the catalogue existed: 2025 months and 2025Q4 village affairs are not owed; 2026Q1 is not either (created 01-05).
    expect(owed.filter((x) => x.includes('|2025-') || x.includes('Q'))).toEqual([]);
    const party2025 = findingsOf(q1, { rule: 'disclosure.due', org: 'C.T1.S1' })[0]!;
    expect(party2025).toMatchObject({ certainty: 'local', dueOn: '2026-01-15', citation: '《中国共产党党务公开条例（试行）》第十五条（具体要求为地方做法）' });
    expect(party2025.message).toBe('党务公开“党费收缴情况”2025年未按期公开（应于2026-01-15前公布，截至2026-03-31无公开记录）');
    void party;
    // History recorded under the item before it entered the catalogue: B2 disclosed 2025Q4 village affairs, so it owes
    // them from then on (2026Q1 is missed); B1, with no such history, still owes nothing before 2026Q2.
    await disclose(ctx, 'C.T1.B2', village, '2025Q4', { proposed: '2026-01-03', published: '2026-01-10' });
    const q2 = await evaluateRules(ctx, { orgCode: 'C.T1', period: '2026Q2' });
    const village2 = findingsOf(q2, { rule: 'disclosure.due' }).filter((f) => f.message.startsWith('村务')).map((f) => `${f.org}|${f.period}`);
    expect(village2).toContain('C.T1.B2|2026Q1');
    expect(village2.filter((x) => x.startsWith('C.T1.B1|'))).toEqual([]);

    // While the year runs: November's finances are coming due (2026-12-15).
    const now = await evaluateRules(ctx, { orgCode: 'C.T1.B1', period: '2026-11' });
    expect(findingsOf(now, { rule: 'disclosure.due', status: 'upcoming' }).map((f) => [f.period, f.dueOn])).toEqual([['2026-11', '2026-12-15']]);
    expect(findingsOf(now, { rule: 'disclosure.due', status: 'missed' }).map((f) => f.period)).toEqual(['2026-10']);

    // Settings: 30 days' grace makes June on time; 40 days for a review leaves the August one pending.
    await setRuleSetting(ctx, 'disclosure.due.graceDays', 30);
    await setRuleSetting(ctx, 'disclosure.due.reviewDays', 40);
    const relaxed = await evaluateRules(ctx, { orgCode: 'C.T1.B1', period: '2026Q3' });
    expect(findingsOf(relaxed, { rule: 'disclosure.due' }).map((f) => [f.period, f.status])).toEqual([
      ['2026-07', 'missed'],
      // Due on the day judged (2026-09-30): not yet late; the review is due 2026-10-11.
      ['2026-08', 'upcoming'],
      ['2026-10', 'upcoming'],
    ]);
    const catalog = JSON.stringify(await describeRules(ctx));
    expect(catalog).toContain('每期结束后30天内公布');
    expect(catalog).toContain('《中国共产党巡视工作条例》（条目编号未核实）');
  });

  it('suggests branches for 软弱涣散 review with every reason the data gives, ranked, with the share; opens a case from a suggestion', async () => {
    const ctx = t.ctx;
    await county(ctx);
    const codes = ['C.T1.B1', 'C.T1.B2', 'C.T1.B3'];
    for (const code of codes) await branch(ctx, code, { lastElectionOn: code === 'C.T1.B1' ? '2021-03-01' : '2024-03-01' });
    // B2 has a 书记 and a 发展对象 in 2025; B1 and B3 record no 书记 (posts are kept: B2's).
    const sec = await makeMember(ctx, 'C.T1.B2', { name: '二支书记' });
    await updateMember(ctx, sec.id, { partyPost: '书记' });
    await makeMember(ctx, 'C.T1.B1', { name: '一支党员' });
    await makeMember(ctx, 'C.T1.B3', { name: '三支党员' });
    await develop(ctx, 'C.T1.B2', '发展对象甲', { appliedOn: '2024-01-10', interviewedOn: '2024-01-20', activistOn: '2024-03-01', candidateOn: '2025-04-01' });
    // B2 held its 主题党日 from January to October (it still misses its 党课 and 支部党员大会); B1 and B3 held nothing.
    for (let m = 1; m <= 10; m++) await meet(ctx, 'C.T1.B2', '主题党日', `2026-${String(m).padStart(2, '0')}-05`, { expected: 1 });
    await addProblem(ctx, 'C.T1.B1', { description: '整改未完成', owner: '张书记', deadline: '2026-06-30', status: '整改中' });

    const s = await suggestWeakOrgs(ctx, { orgCode: 'C.T1', year: 2026 });
    expect(s).toMatchObject({ org: 'C.T1', year: 2026, branches: 3, asOf: '2026-11-23' });
    expect(s.share).toMatchObject({ min: 1, max: 1 });
    expect(s.items.map((i) => [i.org, i.reasons.map((r) => r.code), i.withinShare])).toEqual([
      ['C.T1.B1', ['org-life-missed', 'secretary-vacant', 'term-overdue', 'no-candidate', 'rectification-overdue'], true],
      ['C.T1.B3', ['org-life-missed', 'secretary-vacant', 'no-candidate'], false],
      ['C.T1.B2', ['org-life-missed'], false],
    ]);
    expect(s.items[2]!.reasons[0]!.evidence.map((x) => x.rule)).not.toContain('life.party-day');
    // Missed organizational life counts from the configured number of items.
    const b2Missed = s.items[2]!.reasons[0]!.evidence.length;
    await setRuleSetting(ctx, 'weak.orgLifeMissed', b2Missed + 1);
    expect((await suggestWeakOrgs(ctx, { orgCode: 'C.T1', year: 2026 })).items.map((i) => i.org)).toEqual(['C.T1.B1', 'C.T1.B3']);
    await setRuleSetting(ctx, 'weak.orgLifeMissed', null);
    const b1 = s.items[0]!;
    const reason = (code: string) => b1.reasons.find((r) => r.code === code)!;
    expect(reason('secretary-vacant').text).toContain('书记是否空缺超过3个月请核实');
    expect(reason('no-candidate').text).toBe('2025年、2026年均未确定发展对象');
    expect(reason('term-overdue').text).toContain('任期于2026-03-01届满'); // a village branch: 5 years
    expect(reason('rectification-overdue').evidence[0]).toMatchObject({ rule: 'rectification.overdue', records: [expect.objectContaining({ type: 'problem' })] });
    expect(reason('org-life-missed').evidence.every((x) => x.rule?.startsWith('life.'))).toBe(true);
    expect(b1.existingCase).toBeNull();

    // Opening a case from the suggestion; the next suggestion shows it.
    const opened = await openSuggestedCase(ctx, { orgCode: 'C.T1.B1', year: 2026 });
    expect(opened).toMatchObject({ source: '数据提示', status: '待研判', year: 2026 });
    const again = await suggestWeakOrgs(ctx, { orgCode: 'C.T1', year: 2026 });
    expect(again.items[0]!.existingCase).toMatchObject({ id: opened.id, status: '待研判', source: '数据提示' });
    expect((await failure(() => openSuggestedCase(ctx, { orgCode: 'C.T1.B1', year: 2026 }))).code).toBe('WEAK_CASE_EXISTS');
    // A branch set up this month owes nothing yet: nothing to suggest.
    await branch(ctx, 'C.T1.B4', { establishedOn: '2026-11-10' });
    const none = await failure(() => openSuggestedCase(ctx, { orgCode: 'C.T1.B4', year: 2026 }));
    expect(none).toMatchObject({ code: 'FIELD_INVALID', message: 'C.T1.B4党支部（C.T1.B4）2026年的数据未提示软弱涣散情形，不能按“数据提示”列入软弱涣散排查' });
    expect((await failure(() => openSuggestedCase(ctx, { orgCode: 'C.T1', year: 2026 }))).message).toContain('不是党总支、党支部或联合党支部');
  });

  it('counts dues arrears as a reason from the configured number of members; the share is 5–10% of branches', async () => {
    expect(shareOf(0)).toMatchObject({ min: 0, max: 0 });
    expect(shareOf(3)).toMatchObject({ min: 1, max: 1 });
    expect(shareOf(40)).toMatchObject({ min: 2, max: 4 });
    expect(shareOf(45).text).toContain('建议3–4个');
    const ctx = t.ctx;
    await county(ctx);
    await branch(ctx, 'C.T1.B1');
    const m = await makeMember(ctx, 'C.T1.B1', { name: '欠费党员' });
    const b = await ctx.db.selectFrom('memberships').select('org_id').where('id', '=', m.id).executeTakeFirstOrThrow();
    await ctx.db.insertInto('dues_bases').values({ membership_id: m.id, org_id: b.org_id, from_month: '2025-01', category: '在职', base_fen: 300000, note: null, created_at: STAMP, updated_at: STAMP }).execute();
    const s = await suggestWeakOrgs(ctx, { orgCode: 'C.T1.B1', year: 2026 });
    const dues = s.items[0]?.reasons.find((r) => r.code === 'dues-arrears');
    expect(dues?.text).toContain('1名党员连续6个月以上未交纳党费：欠费党员');
    await setRuleSetting(ctx, 'weak.duesArrearsMembers', 2);
    const s2 = await suggestWeakOrgs(ctx, { orgCode: 'C.T1.B1', year: 2026 });
    expect(s2.items[0]?.reasons.map((r) => r.code) ?? []).not.toContain('dues-arrears');
  });
});
