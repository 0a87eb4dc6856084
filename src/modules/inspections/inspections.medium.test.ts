import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import { ENGINES, useTestDatabase, type Engine } from '../../../test/helpers/test-db.js';
import { failure } from '../../../test/helpers/errors.js';
import { snapshotTables } from '../../../test/helpers/db-snapshot.js';
import { countingCtx } from '../../../test/helpers/query-counter.js';
import { asUser, makeCounty, makeOrg, makeUser } from '../../../test/factories.js';
import { addInspectionTargets } from './add-inspection-targets.js';
import { createInspection } from './create-inspection.js';
import { findInspections, getInspection } from './find-inspections.js';
import { findProblems } from './find-problems.js';
import { inspectionFigures, problemBreakdown } from './inspection-figures.js';
import { getProblem } from './problem-records.js';
import { recordProblem } from './record-problem.js';
import { stepProblem } from './step-problem.js';
import { updateInspection } from './update-inspection.js';
import { updateProblem } from './update-problem.js';
import type { InspectionInput, ProblemAction, ProblemInput } from './inspections.schema.js';

// Today in these tests is 2026-11-23 (TEST_TODAY).
const T1 = 'C.T1';
const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';

const round = (more: Partial<InspectionInput> = {}): InspectionInput => ({
  orgCode: 'C', kind: '巡察', title: '县委第一轮巡察', roundNo: 1, startOn: '2026-03-01', endOn: '2026-04-30', targets: [{ orgCode: T1 }], ...more,
});
const problem = (more: Partial<ProblemInput> = {}): ProblemInput => ({
  orgCode: B1, source: '查摆', category: '三会一课', level: '组织层面', description: '三会一课记录不全', ownerName: '张书记',
  foundOn: '2026-05-10', deadline: '2026-08-31', ...more,
});

describe.each(ENGINES)('inspections and the rectification ledger on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  it('records a round with its targets, adds targets, corrects it, and refuses targets outside or twice', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const r = await createInspection(ctx, round({ targets: [{ orgCode: T1 }, { orgCode: B1, unitKind: '村' }, { unitName: '县医院', unitKind: '医院' }], cluesTransferred: 3, noticesIssued: 2 }));
    expect(r).toMatchObject({
      orgCode: 'C', kind: '巡察', roundNo: 1, cluesTransferred: 3, noticesIssued: 2,
      targets: [
        { orgCode: T1, unitName: '中共测试镇委员会', unitKind: '乡镇（街道）' },
        { orgCode: B1, unitName: '测试村1党支部', unitKind: '村' },
        { orgCode: null, unitName: '县医院', unitKind: '医院' },
      ],
    });
    const more = await addInspectionTargets(ctx, r.id, { targets: [{ orgCode: B2 }] });
    expect(more.targets.map((t) => [t.orgCode, t.unitKind])).toEqual([[T1, '乡镇（街道）'], [B1, '村'], [null, '医院'], [B2, '村']]);
    expect((await failure(addInspectionTargets(ctx, r.id, { targets: [{ orgCode: B2 }] }))).code).toBe('INSPECTION_TARGET_DUPLICATE');
    expect((await failure(addInspectionTargets(ctx, r.id, { targets: [{ unitName: '县医院', unitKind: '医院' }] }))).code).toBe('INSPECTION_TARGET_DUPLICATE');
    const fixed = await updateInspection(ctx, r.id, { title: '县委第一轮巡察（改）', noticesIssued: 5 });
    expect(fixed).toMatchObject({ title: '县委第一轮巡察（改）', noticesIssued: 5, cluesTransferred: 3 });

    const before = await snapshotTables(ctx);
    const bad: [() => Promise<unknown>, string, string][] = [
      [() => createInspection(ctx, round({ orgCode: T1, targets: [{ orgCode: 'C' }] })), 'FIELD_INVALID', 'targets.0.orgCode'],
      [() => createInspection(ctx, round({ orgCode: T1, targets: [{ orgCode: T1 }] })), 'FIELD_INVALID', 'targets.0.orgCode'],
      [() => createInspection(ctx, round({ targets: [{ orgCode: 'NOPE' }] })), 'ORG_NOT_FOUND', 'targets.0.orgCode'],
      [() => createInspection(ctx, round({ targets: [{ unitName: '某公司' }] })), 'FIELD_REQUIRED', 'targets.0.unitKind'],
      [() => createInspection(ctx, round({ targets: [{}] })), 'FIELD_REQUIRED', 'targets.0.orgCode'],
      [() => createInspection(ctx, round({ kind: '巡视' as '巡察' })), 'VALUE_NOT_ALLOWED', 'kind'],
      [() => createInspection(ctx, round({ endOn: '2026-02-01' })), 'DATE_ORDER_INVALID', 'endOn'],
      [() => createInspection(ctx, round({ cluesTransferred: -1 })), 'FIELD_INVALID', 'cluesTransferred'],
      [() => updateInspection(ctx, r.id, { startOn: '2026-05-01' }), 'DATE_ORDER_INVALID', 'endOn'],
    ];
    for (const [p, code, field] of bad) {
      const e = await failure(p);
      expect({ code: e.code, fields: e.issues.map((i) => i.field) }, e.message).toEqual({ code, fields: expect.arrayContaining([field]) });
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await snapshotTables(ctx)).toEqual(before);

    // Scope: the township's secretary does not see the county's round; the county's viewer may read it only.
    const t1Admin = await asUser(ctx, await makeUser(ctx, 't1-admin', ['org_admin'], T1));
    const viewer = await asUser(ctx, await makeUser(ctx, 'c-view', ['viewer'], 'C'));
    expect((await failure(getInspection(t1Admin, r.id))).code).toBe('INSPECTION_NOT_FOUND');
    expect((await failure(updateInspection(t1Admin, r.id, { title: 'x' }))).code).toBe('INSPECTION_NOT_FOUND');
    expect((await getInspection(viewer, r.id)).id).toBe(r.id);
    expect((await failure(updateInspection(viewer, r.id, { title: 'x' }))).code).toBe('PERMISSION_DENIED');
    const own = await createInspection(t1Admin, round({ orgCode: T1, kind: '调研督导', targets: [{ orgCode: B1 }] }));
    expect((await findInspections(t1Admin, {})).items.map((i) => i.id)).toEqual([own.id]);
    expect((await findInspections(ctx, { kind: '巡察' })).items.map((i) => i.id)).toEqual([r.id]);
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'record_id']).where('record_type', '=', 'inspection').orderBy('id').execute();
    expect(audit.map((a) => `${a.action} ${a.record_id}`)).toEqual([`create ${r.id}`, `update ${r.id}`, `update ${r.id}`, `create ${own.id}`]);
  });

  it('registers problems of a round only for its targets and their subtree, of the round’s kind, found after its start', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    await makeOrg(ctx, { code: 'C.T2', name: '中共测试二镇委员会', kind: '党委', parentCode: 'C' });
    const r = await createInspection(ctx, round({ targets: [{ orgCode: T1 }] }));
    const p = await recordProblem(ctx, problem({ source: '巡察', inspectionId: r.id, foundOn: '2026-04-20' }));
    const b2sec = await asUser(ctx, await makeUser(ctx, 'b2-sec', ['secretary'], B2));
    const t1view = await asUser(ctx, await makeUser(ctx, 't1-view', ['viewer'], T1));
    expect(p).toMatchObject({ orgCode: B1, inspectionId: r.id, inspectionTitle: r.title, status: '待整改', stage: '待整改', measuresCount: 0, reopened: 0 });
    expect(p.events).toEqual([expect.objectContaining({ action: '登记', fromStatus: null, toStatus: '待整改', on: '2026-04-20', actor: '系统（命令行）' })]);
    const before = await snapshotTables(ctx);
    const cases: [ProblemInput, string, string][] = [
      [problem({ source: '巡察', inspectionId: r.id, orgCode: 'C.T2' }), 'FIELD_INVALID', 'orgCode'],
      [problem({ source: '监督检查', inspectionId: r.id }), 'FIELD_INVALID', 'inspectionId'],
      [problem({ source: '查摆', inspectionId: r.id }), 'FIELD_INVALID', 'inspectionId'],
      [problem({ source: '巡察', inspectionId: r.id, foundOn: '2026-02-01' }), 'DATE_ORDER_INVALID', 'foundOn'],
      [problem({ source: '巡察', inspectionId: 999_999 }), 'INSPECTION_NOT_FOUND', 'inspectionId'],
      [problem({ deadline: '2026-05-01' }), 'DATE_ORDER_INVALID', 'deadline'],
      [problem({ foundOn: '2026-11-24' }), 'DATE_IN_FUTURE', 'foundOn'],
      [problem({ source: '纪检' as '巡察' }), 'VALUE_NOT_ALLOWED', 'source'],
      [problem({ level: '班子层面' as '组织层面' }), 'VALUE_NOT_ALLOWED', 'level'],
      [problem({ description: ' ' }), 'FIELD_INVALID', 'description'],
      [problem({ orgCode: 'NOPE' }), 'ORG_NOT_FOUND', 'orgCode'],
    ];
    for (const [input, code, field] of cases) {
      const e = await failure(recordProblem(ctx, input));
      expect({ code: e.code, fields: e.issues.map((i) => i.field) }, e.message).toEqual({ code, fields: expect.arrayContaining([field]) });
    }
    expect((await failure(recordProblem(b2sec, problem()))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(recordProblem(t1view, problem()))).code).toBe('PERMISSION_DENIED');
    expect(await snapshotTables(ctx)).toEqual(before);
    // Measures given at registration are counted by line, and the problem still waits for 制定措施.
    const withMeasures = await recordProblem(ctx, problem({ measures: '1. 补齐记录\n2. 建立台账\n\n3. 定期检查' }));
    expect([withMeasures.measuresCount, withMeasures.status]).toEqual([3, '待整改']);
  });

  it('moves a problem forward through the whole workflow, each step an event with who and when, audited', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const secretary = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    const town = await asUser(ctx, await makeUser(ctx, 't1-admin', ['org_admin'], T1));
    const p = await recordProblem(secretary, problem());
    const step = (who: Ctx, action: ProblemAction, on: string, more: { note?: string; evidence?: string; measures?: string } = {}) =>
      stepProblem(who, p.id, { action, on, ...more });

    expect(await step(secretary, '制定措施', '2026-05-15', { measures: '补齐记录\n建立台账' })).toMatchObject({ status: '整改中', measures: '补齐记录\n建立台账', measuresCount: 2 });
    expect((await step(secretary, '报告进展', '2026-06-15', { note: '已补齐5月记录', evidence: '会议记录本照片' })).status).toBe('整改中');
    expect(await step(secretary, '提请验收', '2026-07-20', { note: '整改完成' })).toMatchObject({ status: '待验收', stage: '待验收', rectifiedOn: '2026-07-20' });
    // The branch cannot accept its own rectification; its township can.
    const own = await failure(step(secretary, '验收通过', '2026-07-25'));
    expect([own.code, own.kind]).toEqual(['PERMISSION_DENIED', 'forbidden']);
    expect(own.message).toContain('上级');
    expect(await step(town, '验收不通过', '2026-07-25', { note: '台账不完整' })).toMatchObject({ status: '整改中', rectifiedOn: null });
    await step(secretary, '提请验收', '2026-08-10');
    expect(await step(town, '验收通过', '2026-08-12')).toMatchObject({ status: '待验收', stage: '已验收待销号', acceptedOn: '2026-08-12', acceptedBy: 't1-admin' });
    expect((await failure(step(secretary, '销号', '2026-08-15'))).code).toBe('PERMISSION_DENIED');
    const closed = await step(town, '销号', '2026-08-15');
    expect(closed).toMatchObject({ status: '已销号', closedOn: '2026-08-15', overdue: false, late: false });
    expect((await failure(updateProblem(secretary, p.id, { deadline: '2026-12-31' }))).code).toBe('PROBLEM_CLOSED');
    expect((await failure(step(secretary, '重新整改', '2026-09-01', { note: '问题反弹' }))).code).toBe('PERMISSION_DENIED');
    const reopened = await step(town, '重新整改', '2026-09-01', { note: '问题反弹' });
    expect(reopened).toMatchObject({ status: '整改中', reopened: 1, rectifiedOn: null, acceptedOn: null, acceptedBy: null, closedOn: null, overdue: true });

    const detail = await getProblem(ctx, p.id);
    expect(detail.events.map((e) => [e.action, e.fromStatus, e.toStatus, e.on, e.actor])).toEqual([
      ['登记', null, '待整改', '2026-05-10', 'b1-sec'],
      ['制定措施', '待整改', '整改中', '2026-05-15', 'b1-sec'],
      ['报告进展', '整改中', '整改中', '2026-06-15', 'b1-sec'],
      ['提请验收', '整改中', '待验收', '2026-07-20', 'b1-sec'],
      ['验收不通过', '待验收', '整改中', '2026-07-25', 't1-admin'],
      ['提请验收', '整改中', '待验收', '2026-08-10', 'b1-sec'],
      ['验收通过', '待验收', '待验收', '2026-08-12', 't1-admin'],
      ['销号', '待验收', '已销号', '2026-08-15', 't1-admin'],
      ['重新整改', '已销号', '整改中', '2026-09-01', 't1-admin'],
    ]);
    expect(detail.events[2]).toMatchObject({ note: '已补齐5月记录', evidence: '会议记录本照片' });
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'note', 'changes']).where('record_type', '=', 'problem').orderBy('id').execute();
    expect(audit.map((a) => a.note)).toEqual([null, '制定措施（2026-05-15）', '报告进展（2026-06-15）', '提请验收（2026-07-20）', '验收不通过（2026-07-25）', '提请验收（2026-08-10）', '验收通过（2026-08-12）', '销号（2026-08-15）', '重新整改（2026-09-01）']);
    expect(JSON.parse(audit[7]!.changes!)).toEqual({ status: ['待验收', '已销号'], closedOn: [null, '2026-08-15'] });
  });

  it('refuses every step the status does not allow, and dates that go backwards or ahead, writing nothing', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const p = await recordProblem(ctx, problem());
    const all: ProblemAction[] = ['制定措施', '报告进展', '提请验收', '验收通过', '验收不通过', '销号', '重新整改'];
    const allowed: Record<string, ProblemAction[]> = {
      待整改: ['制定措施'],
      整改中: ['报告进展', '提请验收'],
      待验收: ['验收通过', '验收不通过'],
      已验收待销号: ['销号'],
      已销号: ['重新整改'],
    };
    const path: [string, ProblemAction, string][] = [
      ['待整改', '制定措施', '2026-05-11'],
      ['整改中', '提请验收', '2026-05-12'],
      ['待验收', '验收通过', '2026-05-13'],
      ['已验收待销号', '销号', '2026-05-14'],
      ['已销号', '重新整改', '2026-05-15'],
    ];
    for (const [stage, next, on] of path) {
      expect((await getProblem(ctx, p.id)).stage).toBe(stage);
      const before = await snapshotTables(ctx);
      for (const action of all.filter((a) => !allowed[stage]!.includes(a))) {
        const e = await failure(stepProblem(ctx, p.id, { action, on, note: '说明', measures: action === '制定措施' ? '措施' : undefined }));
        expect([e.code, e.kind, e.issues[0]!.field], `${stage} ${action}`).toEqual(['PROBLEM_TRANSITION_INVALID', 'conflict', 'action']);
        expect(e.message).toContain(`当前状态为“${stage === '已验收待销号' ? '待验收（已验收待销号）' : stage}”`);
        expect(e.message).toContain(action);
      }
      expect(await snapshotTables(ctx)).toEqual(before);
      await stepProblem(ctx, p.id, { action: next, on, note: '说明', measures: next === '制定措施' ? '措施一' : undefined });
    }
    // Now 整改中 again (re-opened on 2026-05-15): a date before the last step, one in the future, a missing note.
    const before = await snapshotTables(ctx);
    const bad: [Parameters<typeof stepProblem>[2], string, string][] = [
      [{ action: '报告进展', on: '2026-05-14', note: '进展' }, 'DATE_ORDER_INVALID', 'on'],
      [{ action: '报告进展', on: '2026-11-24', note: '进展' }, 'DATE_IN_FUTURE', 'on'],
      [{ action: '报告进展', on: '2026-06-01' }, 'FIELD_REQUIRED', 'note'],
      [{ action: '提请验收', on: '2026-06-01', measures: '新措施' }, 'FIELD_INVALID', 'measures'],
      [{ action: '办结' as '销号', on: '2026-06-01' }, 'VALUE_NOT_ALLOWED', 'action'],
      [{ action: '报告进展', on: '2026-06-31', note: '进展' }, 'FIELD_INVALID', 'on'],
    ];
    for (const [input, code, field] of bad) {
      const e = await failure(stepProblem(ctx, p.id, input));
      expect([e.code, e.issues.map((i) => i.field)], e.message).toEqual([code, expect.arrayContaining([field])]);
    }
    expect((await failure(stepProblem(ctx, 999_999, { action: '报告进展', on: '2026-06-01', note: 'x' }))).code).toBe('PROBLEM_NOT_FOUND');
    // 制定措施 with no measures anywhere is refused.
    const bare = await recordProblem(ctx, problem());
    const snap = await snapshotTables(ctx);
    expect((await failure(stepProblem(ctx, bare.id, { action: '制定措施', on: '2026-06-01' }))).code).toBe('FIELD_REQUIRED');
    expect(await snapshotTables(ctx)).toEqual(snap);
    expect(snap.problem_events!.length).toBe(before.problem_events!.length + 1);
  });

  it('answers by scope: a sibling’s problem is not found, a viewer reads only, the root’s problem has only the administrator above it', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const p = await recordProblem(ctx, problem({ orgCode: B2 }));
    await stepProblem(ctx, p.id, { action: '制定措施', on: '2026-05-11', measures: '措施' });
    await stepProblem(ctx, p.id, { action: '提请验收', on: '2026-05-12' });
    const b1sec = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    const t1view = await asUser(ctx, await makeUser(ctx, 't1-view', ['viewer'], T1));
    const t1sec = await asUser(ctx, await makeUser(ctx, 't1-sec', ['secretary'], T1));
    const b2admin = await asUser(ctx, await makeUser(ctx, 'b2-admin', ['org_admin'], B2));
    for (const attempt of [() => getProblem(b1sec, p.id), () => stepProblem(b1sec, p.id, { action: '验收通过', on: '2026-05-13' }), () => updateProblem(b1sec, p.id, { ownerName: 'x' })]) {
      const e = await failure(attempt);
      expect([e.code, e.message]).toEqual(['PROBLEM_NOT_FOUND', `整改问题 ${p.id} 不存在`]);
    }
    expect((await getProblem(t1view, p.id)).id).toBe(p.id);
    const viewing = await failure(stepProblem(t1view, p.id, { action: '验收通过', on: '2026-05-13' }));
    expect([viewing.code, viewing.message]).toEqual(['PERMISSION_DENIED', '您的角色只能查看，不能修改']);
    expect((await failure(stepProblem(b2admin, p.id, { action: '验收通过', on: '2026-05-13' }))).code).toBe('PERMISSION_DENIED');
    // The township's secretary writes the township exactly: that is the branch's parent, so the superior.
    expect((await stepProblem(t1sec, p.id, { action: '验收通过', on: '2026-05-13' })).acceptedBy).toBe('t1-sec');
    expect((await findProblems(b1sec, {})).total).toBe(0);
    expect((await findProblems(t1view, {})).total).toBe(1);

    const root = await recordProblem(ctx, problem({ orgCode: 'C' }));
    await stepProblem(ctx, root.id, { action: '制定措施', on: '2026-05-11', measures: '措施' });
    await stepProblem(ctx, root.id, { action: '提请验收', on: '2026-05-12' });
    const cAdmin = await asUser(ctx, await makeUser(ctx, 'c-admin', ['org_admin'], 'C'));
    expect((await failure(stepProblem(cAdmin, root.id, { action: '验收通过', on: '2026-05-13' }))).code).toBe('PERMISSION_DENIED');
    expect((await stepProblem(ctx, root.id, { action: '验收通过', on: '2026-05-13' })).stage).toBe('已验收待销号');
  });

  it('lists problems by source, category, status, overdue, round and dates; the round shows its problems and their counts', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const r = await createInspection(ctx, round({ targets: [{ orgCode: T1 }] }));
    const a = await recordProblem(ctx, problem({ source: '巡察', inspectionId: r.id, category: '四风', foundOn: '2026-04-01', deadline: '2026-06-30' }));
    const b = await recordProblem(ctx, problem({ source: '巡察', inspectionId: r.id, orgCode: B2, foundOn: '2026-04-02', deadline: '2026-12-31' }));
    const c = await recordProblem(ctx, problem({ foundOn: '2026-05-01', deadline: '2026-06-01' }));
    await stepProblem(ctx, c.id, { action: '制定措施', on: '2026-05-02', measures: 'x' });
    await stepProblem(ctx, c.id, { action: '提请验收', on: '2026-06-10' });
    await stepProblem(ctx, c.id, { action: '验收通过', on: '2026-06-11' });
    await stepProblem(ctx, c.id, { action: '销号', on: '2026-06-12' });
    const ids = async (q: Parameters<typeof findProblems>[1], who: Ctx = ctx) => (await findProblems(who, q)).items.map((p) => p.id);
    expect(await ids({})).toEqual([c.id, b.id, a.id]);
    expect(await ids({ source: '巡察' })).toEqual([b.id, a.id]);
    expect(await ids({ category: '四风' })).toEqual([a.id]);
    expect(await ids({ status: '已销号' })).toEqual([c.id]);
    expect(await ids({ status: '逾期' })).toEqual([a.id]);
    expect(await ids({ status: 'overdue' })).toEqual([a.id]);
    expect(await ids({ inspection: r.id })).toEqual([b.id, a.id]);
    expect(await ids({ org: B2 })).toEqual([b.id]);
    expect(await ids({ from: '2026-04-02', to: '2026-04-30' })).toEqual([b.id]);
    expect((await failure(findProblems(ctx, { status: '完成' as '已销号' }))).code).toBe('VALUE_NOT_ALLOWED');
    const closed = (await findProblems(ctx, { status: '已销号' })).items[0]!;
    expect([closed.overdue, closed.late]).toEqual([false, true]);

    const detail = await getInspection(ctx, r.id);
    expect(detail.problems.map((p) => p.id)).toEqual([a.id, b.id]);
    expect(detail.statusCounts).toEqual({ 待整改: 2, 整改中: 0, 待验收: 0, 已销号: 0, 逾期: 1, total: 2 });
    // Once the round has problems its kind stays; its start stays before their finding.
    expect((await failure(updateInspection(ctx, r.id, { kind: '专项督查' }))).issues[0]!.field).toBe('kind');
    expect((await failure(updateInspection(ctx, r.id, { startOn: '2026-04-02' }))).issues[0]!.field).toBe('startOn');
    // Corrections before close-out: the deadline moves (not before the finding), and the overdue flag with it.
    expect((await updateProblem(ctx, a.id, { deadline: '2026-12-31', ownerName: '李书记' })).overdue).toBe(false);
    expect((await failure(updateProblem(ctx, a.id, { deadline: '2026-03-01' }))).code).toBe('DATE_ORDER_INVALID');
  });

  it('computes the figures, checked against counts made by hand', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 3);
    await makeOrg(ctx, { code: 'C.D1', name: '县教育局党组', kind: '党组', sector: '机关', parentCode: 'C' });
    const i1 = await createInspection(ctx, round({ targets: [{ orgCode: T1 }, { orgCode: B1 }, { orgCode: B2 }, { unitName: '县医院', unitKind: '医院' }], cluesTransferred: 4, noticesIssued: 1 }));
    const i2 = await createInspection(ctx, round({ title: '第二轮', startOn: '2026-09-01', endOn: '2026-10-31', targets: [{ orgCode: B1 }, { orgCode: 'C.D1' }], cluesTransferred: 2 }));
    const i3 = await createInspection(ctx, round({ kind: '监督检查', title: '作风监督检查', targets: [{ orgCode: B3() }], noticesIssued: 3 }));
    const i4 = await createInspection(ctx, round({ kind: '实地督查', title: '实地督查', targets: [{ orgCode: B1 }, { orgCode: B2 }] }));
    const i5 = await createInspection(ctx, round({ kind: '抽查', title: '抽查三会一课', targets: [] }));
    const i6 = await createInspection(ctx, round({ kind: '调研督导', title: '作风调研', targets: [{ orgCode: T1 }] }));
    await createInspection(ctx, round({ title: '去年的巡察', startOn: '2025-03-01', endOn: '2025-04-01', cluesTransferred: 9 }));

    const rec = (more: Partial<ProblemInput>) => recordProblem(ctx, problem(more));
    const go = async (id: number, steps: [ProblemAction, string][]) => {
      for (const [action, on] of steps) await stepProblem(ctx, id, { action, on, note: '说明', measures: action === '制定措施' ? '措施一\n措施二' : undefined });
    };
    const accepted: [ProblemAction, string][] = [['制定措施', '2026-05-11'], ['提请验收', '2026-05-20'], ['验收通过', '2026-05-25']];
    const p1 = await rec({ source: '巡察', inspectionId: i1.id, foundOn: '2026-04-01', category: '党员发展' });
    await go(p1.id, [...accepted, ['销号', '2026-05-26']]);
    const p2 = await rec({ source: '巡察', inspectionId: i1.id, foundOn: '2026-04-02', deadline: '2026-06-30' }); // overdue, never rectified
    const p3 = await rec({ source: '巡察', inspectionId: i1.id, foundOn: '2026-04-03', category: '组织建设' });
    await go(p3.id, accepted); // accepted, not yet closed: rectified
    const p4 = await rec({ source: '监督检查', inspectionId: i3.id, orgCode: B3(), foundOn: '2026-04-04', category: '四风' });
    await go(p4.id, [...accepted, ['销号', '2026-05-26'], ['重新整改', '2026-07-01']]); // re-opened: no longer rectified
    const p5 = await rec({ source: '专项督查', foundOn: '2026-05-05', category: '四风' });
    await go(p5.id, [['制定措施', '2026-05-11'], ['提请验收', '2026-05-20']]); // awaiting acceptance: not rectified
    const p6 = await rec({ source: '述职评议', foundOn: '2026-02-01', category: '作风建设' });
    const p7 = await rec({ source: '查摆', foundOn: '2026-03-01', level: '个人层面' });
    await go(p7.id, accepted);
    const p8 = await rec({ source: '党建联系点', foundOn: '2025-11-01', deadline: '2026-01-31' });
    await go(p8.id, [['制定措施', '2025-11-05'], ['提请验收', '2026-02-10'], ['验收通过', '2026-02-15'], ['销号', '2026-02-16']]);
    const p9 = await rec({ source: '查摆', foundOn: '2025-06-01', deadline: '2025-12-31' }); // last year's, still open: overdue
    await rec({ source: '查摆', foundOn: '2026-10-01', category: '党员发展', deadline: '2026-12-31' }); // p10: 党员发展, still open

    const values = async (period: string, orgCode?: string) =>
      Object.fromEntries((await inspectionFigures(ctx, { period, ...(orgCode && { orgCode }) })).figures.map((f) => [f.id, f.value]));
    expect(await values('2026')).toEqual({
      inspection_rounds: 2, // i1, i2 (last year's round is not counted)
      inspection_units_covered: 5, // T1, B1, B2, 县医院, D1 (B1 in both rounds, once)
      inspection_villages_covered: 2, // B1, B2 (rural branches: 村)
      inspection_clues_transferred: 6, // 4 + 2
      supervision_checks: 1, // i3
      supervision_notices_issued: 4, // i1 1 + i3 3
      orgs_supervised_onsite: 2, // i4: B1, B2
      three_meetings_spot_checks: 1, // i5
      work_style_survey_rounds: 1, // i6
      work_style_survey_units: 1, // T1
      inspection_problems_found: 3, // p1, p2, p3
      inspection_problems_rectified: 2, // p1 (closed), p3 (accepted, not yet closed)
      inspection_rectification_rate: 66.7,
      supervision_problems_found: 2, // p4, p5
      supervision_problems_rectified: 0, // p4 re-opened, p5 awaiting acceptance
      four_winds_problems_found: 2, // p4, p5
      assessment_feedback_problems_found: 4, // p1, p2, p3 (巡察), p6 (述职评议)
      assessment_feedback_problems_in_progress: 2, // p2, p6
      assessment_feedback_problems_rectified: 2, // p1, p3
      assessment_feedback_problem_categories: 4, // 党员发展, 三会一课, 组织建设, 作风建设
      contact_point_problems_solved: 1, // p8, found in 2025, closed 2026-02-16
      self_check_problems_found: 2, // p7, p10
      rectification_measures: 10, // p1, p3, p4, p5, p7: two each
      member_recruitment_violation_issues: 2, // p1, p10
      member_recruitment_violation_resolved: 1, // p1
      problems_found: 8, // p1–p7, p10
      problems_rectified: 3, // p1, p3, p7
      rectification_rate: 37.5,
      problems_overdue: 7, // as of today: p2, p3, p4, p5, p6, p7 (deadline 08-31 or earlier, not closed), p9 (2025)
      problems_reopened: 1, // p4
    });
    const half = await values('2026H1');
    expect([half.inspection_rounds, half.inspection_units_covered, half.inspection_clues_transferred, half.supervision_notices_issued]).toEqual([1, 4, 4, 4]);
    // As of 2026-06-30: p2's deadline is that day (not yet past); p9 is; p4's re-opening is in July.
    expect([half.problems_found, half.problems_rectified, half.problems_overdue, half.problems_reopened, half.contact_point_problems_solved]).toEqual([7, 3, 1, 0, 1]);
    const b3 = await values('2026', B3());
    expect([b3.inspection_rounds, b3.problems_found, b3.supervision_problems_found, b3.problems_overdue, b3.problems_reopened]).toEqual([0, 1, 1, 1, 1]);

    const set = await inspectionFigures(ctx, { period: '2026', orgCode: 'C' });
    expect(set.org).toEqual({ code: 'C', name: '中共测试县委员会' });
    const covered = set.figures.find((f) => f.id === 'inspection_units_covered')!;
    expect(covered.evidence.table).toBe('inspection_targets');
    expect(covered.evidence.ids).toHaveLength(5);
    const rate = set.figures.find((f) => f.id === 'inspection_rectification_rate')!;
    expect(rate).toMatchObject({ unit: '%', evidence: { table: 'problems', ids: [p1.id, p3.id] } });
    expect(rate.computation).toMatch(/验收/);
    expect(set.figures.find((f) => f.id === 'inspection_rounds')!.evidence).toEqual({ table: 'inspections', ids: [i1.id, i2.id] });
    expect(set.figures.find((f) => f.id === 'problems_overdue')!.evidence.ids).toEqual([p2.id, p3.id, p4.id, p5.id, p6.id, p7.id, p9.id]);
    expect((await values('2027')).rectification_rate).toBeNull();

    const breakdown = await problemBreakdown(ctx, { period: '2026' });
    expect(breakdown.rows.map((r) => `${r.source} ${r.category} ${r.status} ${r.count} ${r.overdue}`)).toEqual([
      '巡察 组织建设 待验收 1 1',
      '巡察 党员发展 已销号 1 0',
      '巡察 三会一课 待整改 1 1',
      '专项督查 四风 待验收 1 1',
      '监督检查 四风 整改中 1 1',
      '查摆 党员发展 待整改 1 0',
      '查摆 三会一课 待验收 1 1',
      '述职评议 作风建设 待整改 1 1',
    ]);
    expect(breakdown.bySource).toEqual([
      { source: '巡察', count: 3 }, { source: '专项督查', count: 1 }, { source: '监督检查', count: 1 }, { source: '查摆', count: 2 }, { source: '述职评议', count: 1 },
    ]);
    expect(breakdown.byStatus).toEqual([{ status: '待整改', count: 3 }, { status: '整改中', count: 1 }, { status: '待验收', count: 3 }, { status: '已销号', count: 1 }]);
    expect([breakdown.total, breakdown.overdue]).toEqual([8, 6]);

    const secretary = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    expect((await inspectionFigures(secretary, { period: '2026' })).figures.find((f) => f.id === 'problems_found')!.value).toBe(7); // all but p4 (B3's)
    expect((await failure(inspectionFigures(secretary, { period: '2026', orgCode: B2 }))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(inspectionFigures(ctx, { period: '2026Q5' }))).code).toBe('FIELD_INVALID');
    void i4; void i5; void i6;
  });

  it('computes the figures and the breakdown in a fixed number of queries, however many records there are', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const counted = async () => {
      const c = countingCtx(ctx);
      await inspectionFigures(c.ctx, { period: '2026', orgCode: 'C' });
      const figures = c.queries();
      c.reset();
      await problemBreakdown(c.ctx, { period: '2026', orgCode: 'C' });
      return [figures, c.queries()];
    };
    const empty = await counted();
    for (let i = 0; i < 4; i++) {
      const r = await createInspection(ctx, round({ title: `第${i + 1}轮`, targets: [{ orgCode: T1 }, { orgCode: B1 }] }));
      const p = await recordProblem(ctx, problem({ source: '巡察', inspectionId: r.id, orgCode: i % 2 ? B1 : B2 }));
      await stepProblem(ctx, p.id, { action: '制定措施', on: '2026-05-11', measures: '措施' });
    }
    expect(await counted()).toEqual(empty);
    expect(empty[0]).toBeLessThanOrEqual(4);
    expect(empty[1]).toBeLessThanOrEqual(2);
  });
});

function B3(): string {
  return 'C.T1.B3';
}
