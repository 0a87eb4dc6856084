import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import { ENGINES, useTestDatabase, type Engine } from '../../../test/helpers/test-db.js';
import { failure } from '../../../test/helpers/errors.js';
import { snapshotTables } from '../../../test/helpers/db-snapshot.js';
import { countingCtx } from '../../../test/helpers/query-counter.js';
import { asUser, makeCounty, makeOrg, makeUser } from '../../../test/factories.js';
import { addListItems } from './add-list-items.js';
import { completeTask } from './complete-task.js';
import { createList } from './create-list.js';
import { createTask } from './create-task.js';
import { findLists, getList } from './find-lists.js';
import { findTasks, openTasks } from './find-tasks.js';
import { getTask } from './get-task.js';
import { recordTaskEvent } from './record-task-event.js';
import { taskFigures } from './task-figures.js';
import { updateList } from './update-list.js';
import { updateListItem } from './update-list-item.js';
import { updateTask } from './update-task.js';
import type { TaskInput } from './tasks.schema.js';

// Today in these tests is 2026-11-23 (TEST_TODAY).
const T1 = 'C.T1';
const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';

function task(more: Partial<TaskInput> = {}): TaskInput {
  return { orgCode: B1, assignedByCode: T1, title: '整顿软弱涣散', ownerName: '张书记', startOn: '2026-03-01', deadline: '2026-12-31', ...more };
}

describe.each(ENGINES)('responsibility lists and tasks on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  it('records a list with its items in one call, appends and corrects items, and shows each item with its tasks', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const list = await createList(ctx, {
      orgCode: T1,
      year: 2026,
      kind: '主体责任清单',
      title: '2026年全面从严治党主体责任清单',
      issuedOn: '2026-02-10',
      items: [{ content: '落实“三会一课”制度' }, { content: '计划打造“三治融合”试点村5个', category: '“三治融合”试点村', targetValue: 5, targetUnit: '个' }],
    });
    expect(list).toMatchObject({ orgCode: T1, year: 2026, kind: '主体责任清单', itemCount: 2, counts: { total: 0 } });
    expect(list.items.map((i) => [i.seq, i.content, i.targetValue])).toEqual([
      [1, '落实“三会一课”制度', null],
      [2, '计划打造“三治融合”试点村5个', 5],
    ]);
    const more = await addListItems(ctx, list.id, { items: [{ content: '开展党建联系点调研', category: '党建联系点' }] });
    expect(more.items.map((i) => i.seq)).toEqual([1, 2, 3]);
    const fixed = await updateListItem(ctx, list.id, list.items[0]!.id, { content: '严格落实“三会一课”制度', category: '组织生活' });
    expect(fixed).toMatchObject({ seq: 1, content: '严格落实“三会一课”制度', category: '组织生活' });
    expect((await updateList(ctx, list.id, { title: '主体责任清单（修订）' })).title).toBe('主体责任清单（修订）');

    const a = await createTask(ctx, task({ itemId: list.items[0]!.id, deadline: '2026-06-30' }));
    await createTask(ctx, task({ itemId: list.items[0]!.id, orgCode: B2, status: '已完成', completedOn: '2026-05-01' }));
    await createTask(ctx, task({ itemId: list.items[0]!.id, orgCode: B2, deadline: '2026-04-30', status: '已完成', completedOn: '2026-05-10' }));
    const detail = await getList(ctx, list.id);
    expect(detail.items[0]!.tasks.map((t) => t.orgCode)).toEqual([B2, B1, B2]);
    expect(detail.items[0]!.counts).toEqual({ total: 3, notStarted: 1, inProgress: 0, completed: 2, cancelled: 0, overdue: 1, completedLate: 1 });
    expect(detail.items[1]!.counts.total).toBe(0);
    expect(detail.counts.total).toBe(3);
    expect((await getTask(ctx, a.id)).item).toMatchObject({ listId: list.id, seq: 1, content: '严格落实“三会一课”制度' });

    // A branch secretary sees the list only if it is the branch's; the tasks of another branch are not shown.
    const b1 = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    expect((await failure(getList(b1, list.id))).code).toBe('LIST_NOT_FOUND');
    const own = await createList(b1, { orgCode: B1, year: 2026, kind: '任务清单', title: '一村任务清单', items: [{ content: '甲' }] });
    expect((await findLists(b1, {})).items.map((l) => l.id)).toEqual([own.id]);
    expect((await findLists(ctx, { org: 'C', year: 2026, kind: '主体责任清单' })).items.map((l) => l.id)).toEqual([list.id]);
    expect((await findLists(ctx, { year: 2025 })).total).toBe(0);

    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'record_type']).where('record_type', 'in', ['responsibility_list', 'list_item']).orderBy('id').execute();
    expect(audit.filter((r) => r.record_type === 'list_item').length).toBe(5);
    expect(audit.filter((r) => r.record_type === 'responsibility_list').map((r) => r.action)).toEqual(['create', 'update', 'create']);
  });

  it('refuses bad lists, naming the field, and writes nothing', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const list = await createList(ctx, { orgCode: T1, year: 2026, kind: '任务清单', title: '镇任务清单', items: [{ content: '甲' }] });
    const b1 = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    const viewer = await asUser(ctx, await makeUser(ctx, 't1-view', ['viewer'], T1));
    const before = await snapshotTables(ctx);
    const good = { orgCode: T1, year: 2026, kind: '任务清单' as const, title: '清单' };
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => createList(ctx, { ...good, kind: '清单' as '任务清单' }), 'VALUE_NOT_ALLOWED', 'kind'],
      [() => createList(ctx, { ...good, year: 1900 }), 'FIELD_INVALID', 'year'],
      [() => createList(ctx, { ...good, issuedOn: '2026-11-24' }), 'DATE_IN_FUTURE', 'issuedOn'],
      [() => createList(ctx, { ...good, items: [{ content: '甲', targetUnit: '个' }] }), 'FIELD_INVALID', 'items.0.targetUnit'],
      [() => createList(ctx, { ...good, items: [{ content: ' ' }] }), 'FIELD_INVALID', 'items.0.content'],
      [() => createList(ctx, { ...good, orgCode: 'NOPE' }), 'ORG_NOT_FOUND', 'orgCode'],
      [() => createList(b1, good), 'ORG_NOT_FOUND', 'orgCode'],
      [() => createList(viewer, good), 'PERMISSION_DENIED', 'orgCode'],
      [() => addListItems(b1, list.id, { items: [{ content: '乙' }] }), 'LIST_NOT_FOUND', 'id'],
      [() => addListItems(viewer, list.id, { items: [{ content: '乙' }] }), 'PERMISSION_DENIED', 'orgCode'],
      [() => addListItems(ctx, 999_999, { items: [{ content: '乙' }] }), 'LIST_NOT_FOUND', 'id'],
      [() => updateListItem(ctx, list.id + 1, list.items[0]!.id, { content: '乙' }), 'LIST_ITEM_NOT_FOUND', 'itemId'],
      [() => updateListItem(ctx, list.id, list.items[0]!.id, { targetUnit: '个' }), 'FIELD_INVALID', 'targetUnit'],
      [() => updateListItem(b1, list.id, list.items[0]!.id, { content: '乙' }), 'LIST_ITEM_NOT_FOUND', 'itemId'],
      [() => updateList(viewer, list.id, { title: '乙' }), 'PERMISSION_DENIED', 'orgCode'],
    ];
    for (const [p, code, field] of cases) {
      const e = await failure(p);
      expect({ code: e.code, fields: e.issues.map((i) => i.field) }, e.message).toEqual({ code, fields: expect.arrayContaining([field]) });
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await snapshotTables(ctx)).toEqual(before);
  });

  it('lets the assigning side edit, cancel and supervise and the responsible side report and complete; outside scope is "not found"', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    await makeOrg(ctx, { code: 'C.T2', name: '中共测试二镇委员会', kind: '党委', sector: '农村', parentCode: 'C' });
    const t1 = await asUser(ctx, await makeUser(ctx, 't1-admin', ['org_admin'], T1));
    const b1 = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    const b2 = await asUser(ctx, await makeUser(ctx, 'b2-sec', ['secretary'], B2));
    const b1Viewer = await asUser(ctx, await makeUser(ctx, 'b1-view', ['viewer'], B1));
    const t = await createTask(t1, task());
    expect(t).toMatchObject({ orgCode: B1, assignedByCode: T1, status: '未开始', overdue: false, events: [] });

    const denied = async (who: Ctx, p: (c: Ctx) => Promise<unknown>) => {
      const e = await failure(p(who));
      return e.code;
    };
    // The responsible branch may not edit, cancel or supervise; its viewer may do nothing; another branch sees nothing.
    expect(await denied(b1, (c) => updateTask(c, t.id, { title: '改' }))).toBe('PERMISSION_DENIED');
    expect(await denied(b1, (c) => updateTask(c, t.id, { status: '已取消' }))).toBe('PERMISSION_DENIED');
    expect(await denied(b1, (c) => recordTaskEvent(c, t.id, { kind: '督办', happenedOn: '2026-05-01', content: '督办' }))).toBe('PERMISSION_DENIED');
    expect(await denied(b1Viewer, (c) => recordTaskEvent(c, t.id, { kind: '进展', happenedOn: '2026-05-01', content: '进展' }))).toBe('PERMISSION_DENIED');
    expect(await denied(b2, (c) => getTask(c, t.id))).toBe('TASK_NOT_FOUND');
    expect(await denied(b2, (c) => recordTaskEvent(c, t.id, { kind: '进展', happenedOn: '2026-05-01', content: '进展' }))).toBe('TASK_NOT_FOUND');
    expect(await denied(b2, (c) => completeTask(c, t.id, { completedOn: '2026-05-01' }))).toBe('TASK_NOT_FOUND');
    const missing = await failure(getTask(b2, 999_999));
    const foreign = await failure(getTask(b2, t.id));
    expect(foreign.message.replace(String(t.id), '#')).toBe(missing.message.replace('999999', '#'));
    // Assigning: from an organization the caller may change, to one in its subtree.
    expect((await failure(createTask(b1, task()))).issues[0]).toMatchObject({ code: 'ORG_NOT_FOUND', field: 'assignedByCode' });
    expect((await failure(createTask(t1, task({ orgCode: 'C', assignedByCode: T1 })))).issues[0]).toMatchObject({ code: 'ORG_NOT_FOUND', field: 'orgCode' });
    expect((await failure(createTask(ctx, task({ orgCode: 'C.T2' })))).issues[0]).toMatchObject({ code: 'FIELD_INVALID', field: 'orgCode' });
    expect((await failure(createTask(b1Viewer, task({ assignedByCode: B1 })))).code).toBe('PERMISSION_DENIED');
    expect((await createTask(b1, task({ assignedByCode: B1, title: '支部自定任务' }))).assignedByCode).toBe(B1);

    // The branch reports progress (the task moves to 进行中) and completes; the town supervises and edits.
    const reported = await recordTaskEvent(b1, t.id, { kind: '进展', happenedOn: '2026-05-01', content: '已召开专题会议', percent: 40 });
    expect(reported).toMatchObject({ status: '进行中', percent: 40, events: [{ kind: '进展', actor: 'b1-sec', percent: 40 }] });
    const supervised = await recordTaskEvent(t1, t.id, { kind: '督办', happenedOn: '2026-06-01', content: '请加快进度' });
    expect(supervised.events.map((e) => `${e.kind} ${e.actor}`)).toEqual(['进展 b1-sec', '督办 t1-admin']);
    expect(supervised.percent).toBe(40);
    expect((await updateTask(t1, t.id, { ownerName: '李书记', deadline: '2026-12-20' })).ownerName).toBe('李书记');
    const done = await completeTask(b1, t.id, { completedOn: '2026-11-20' });
    expect(done).toMatchObject({ status: '已完成', completedOn: '2026-11-20', completedLate: false, state: '已完成' });
    expect((await failure(completeTask(b1, t.id, { completedOn: '2026-11-21' }))).code).toBe('TASK_CLOSED');
    expect((await failure(recordTaskEvent(t1, t.id, { kind: '催办', happenedOn: '2026-11-21', content: '催' }))).kind).toBe('conflict');
    // The town may reopen it (the completion date is cleared) or cancel it.
    expect(await updateTask(t1, t.id, { status: '进行中' })).toMatchObject({ status: '进行中', completedOn: null });
    expect((await updateTask(t1, t.id, { status: '已取消' })).status).toBe('已取消');

    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'record_type', 'note']).where('record_type', 'in', ['task', 'task_event']).orderBy('id').execute();
    expect(audit.map((r) => `${r.action} ${r.record_type}`)).toEqual([
      'create task', 'create task', 'create task_event', 'update task', 'create task_event', 'update task', 'update task', 'update task', 'update task',
    ]);
  });

  it('refuses bad tasks and events, naming the field, and writes nothing', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const t = await createTask(ctx, task());
    const done = await createTask(ctx, task({ status: '已完成', completedOn: '2026-04-01' }));
    const before = await snapshotTables(ctx);
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => createTask(ctx, task({ deadline: '2026-02-28' })), 'DATE_ORDER_INVALID', 'deadline'],
      [() => createTask(ctx, task({ status: '已完成' })), 'FIELD_REQUIRED', 'completedOn'],
      [() => createTask(ctx, task({ status: '已完成', completedOn: '2026-11-24' })), 'DATE_IN_FUTURE', 'completedOn'],
      [() => createTask(ctx, task({ status: '已完成', completedOn: '2026-02-01' })), 'DATE_ORDER_INVALID', 'completedOn'],
      [() => createTask(ctx, task({ completedOn: '2026-04-01' })), 'FIELD_INVALID', 'completedOn'],
      [() => createTask(ctx, task({ status: '逾期' as '进行中' })), 'VALUE_NOT_ALLOWED', 'status'],
      [() => createTask(ctx, task({ startOn: '2026-02-30' })), 'FIELD_INVALID', 'startOn'],
      [() => createTask(ctx, task({ ownerName: '' })), 'FIELD_INVALID', 'ownerName'],
      [() => createTask(ctx, { ...task(), ownerName: undefined as unknown as string }), 'FIELD_REQUIRED', 'ownerName'],
      [() => createTask(ctx, task({ itemId: 999_999 })), 'LIST_ITEM_NOT_FOUND', 'itemId'],
      [() => createTask(ctx, task({ assignedByCode: B2 })), 'FIELD_INVALID', 'orgCode'],
      [() => updateTask(ctx, t.id, { deadline: '2026-01-01' }), 'DATE_ORDER_INVALID', 'deadline'],
      [() => updateTask(ctx, 999_999, { title: '改' }), 'TASK_NOT_FOUND', 'id'],
      [() => recordTaskEvent(ctx, t.id, { kind: '进展', happenedOn: '2026-05-01', content: '进展', percent: 101 }), 'FIELD_INVALID', 'percent'],
      [() => recordTaskEvent(ctx, t.id, { kind: '进展', happenedOn: '2026-05-01', content: '进展', percent: 12.5 }), 'FIELD_INVALID', 'percent'],
      [() => recordTaskEvent(ctx, t.id, { kind: '督办', happenedOn: '2026-05-01', content: '督办', percent: 10 }), 'FIELD_INVALID', 'percent'],
      [() => recordTaskEvent(ctx, t.id, { kind: '表扬' as '督办', happenedOn: '2026-05-01', content: '督办' }), 'VALUE_NOT_ALLOWED', 'kind'],
      [() => recordTaskEvent(ctx, t.id, { kind: '进展', happenedOn: '2026-11-24', content: '进展' }), 'DATE_IN_FUTURE', 'happenedOn'],
      [() => recordTaskEvent(ctx, t.id, { kind: '进展', happenedOn: '2026-02-01', content: '进展' }), 'DATE_ORDER_INVALID', 'happenedOn'],
      [() => recordTaskEvent(ctx, t.id, { kind: '进展', happenedOn: '2026-05-01', content: '' }), 'FIELD_INVALID', 'content'],
      [() => recordTaskEvent(ctx, done.id, { kind: '进展', happenedOn: '2026-05-01', content: '进展' }), 'TASK_CLOSED', 'id'],
      [() => completeTask(ctx, t.id, { completedOn: '2026-11-24' }), 'DATE_IN_FUTURE', 'completedOn'],
      [() => completeTask(ctx, t.id, { completedOn: '2026-01-01' }), 'DATE_ORDER_INVALID', 'completedOn'],
      [() => completeTask(ctx, done.id, { completedOn: '2026-05-01' }), 'TASK_CLOSED', 'id'],
    ];
    for (const [p, code, field] of cases) {
      const e = await failure(p);
      expect({ code: e.code, fields: e.issues.map((i) => i.field) }, e.message).toEqual({ code, fields: expect.arrayContaining([field]) });
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await snapshotTables(ctx)).toEqual(before);
    // The category is free text: one not in the suggested list is recorded as given.
    expect((await createTask(ctx, task({ category: '乡村振兴' }))).category).toBe('乡村振兴');
  });

  it('derives overdue and completed late from the deadline, filters by it, and lists a branch’s open tasks overdue first', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const late = await createTask(ctx, task({ title: '逾期任务', startOn: '2026-01-01', deadline: '2026-11-13', status: '进行中' }));
    const soon = await createTask(ctx, task({ title: '临期任务', deadline: '2026-12-01' }));
    const later = await createTask(ctx, task({ title: '远期任务', deadline: '2027-03-01' }));
    const lateDone = await createTask(ctx, task({ title: '逾期完成', deadline: '2026-04-30', status: '已完成', completedOn: '2026-05-03' }));
    const cancelled = await createTask(ctx, task({ title: '已取消', deadline: '2026-04-30', status: '已取消' }));
    await createTask(ctx, task({ orgCode: B2, title: '二村逾期', deadline: '2026-10-01' }));

    expect(await getTask(ctx, late.id)).toMatchObject({ overdue: true, daysOverdue: 10, state: '进行中（逾期10天）' });
    expect(await getTask(ctx, lateDone.id)).toMatchObject({ overdue: false, completedLate: true, daysOverdue: 3, state: '逾期完成（超期3天）' });
    expect(await getTask(ctx, cancelled.id)).toMatchObject({ overdue: false, state: '已取消' });
    expect((await findTasks(ctx, { status: '逾期' })).items.map((t) => t.title)).toEqual(['二村逾期', '逾期任务']);
    expect((await findTasks(ctx, { org: B1, status: '逾期' })).total).toBe(1);
    expect((await findTasks(ctx, { org: B1, status: '未完成' })).total).toBe(3);
    expect((await findTasks(ctx, { status: '已完成' })).items.map((t) => t.id)).toEqual([lateDone.id]);
    expect((await findTasks(ctx, { year: 2027 })).items.map((t) => t.id)).toEqual([later.id]);
    expect((await findTasks(ctx, { from: '2026-11-01', to: '2026-12-31' })).total).toBe(2);
    expect((await findTasks(ctx, { assignedBy: T1, limit: 2 })).items.length).toBe(2);

    const open = await openTasks(ctx, { org: B1, days: 30 });
    expect(open.items.map((t) => t.id)).toEqual([late.id, soon.id, later.id]);
    expect(open.items.map((t) => t.dueSoon)).toEqual([false, true, false]);
    expect(open.counts).toEqual({ overdue: 1, dueSoon: 1, later: 1 });
    const b1 = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    expect((await openTasks(b1, {})).org.code).toBe(B1);
    expect((await failure(openTasks(b1, { org: B2 }))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(openTasks(ctx, {}))).code).toBe('FIELD_REQUIRED');
  });

  it('computes the figures by catalog id, matching counts made by hand, in a fixed number of queries', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 3);
    const B3 = 'C.T1.B3';
    const counted = async () => {
      const c = countingCtx(ctx);
      await taskFigures(c.ctx, { period: '2026', orgCode: 'C' });
      return c.queries();
    };
    const empty = await counted();
    await createList(ctx, {
      orgCode: 'C', year: 2026, kind: '主体责任清单', title: '县委主体责任清单',
      items: [
        { content: '一' }, { content: '二' },
        { content: '计划打造“三治融合”试点村5个', category: '“三治融合”试点村', targetValue: 5, targetUnit: '个' },
        { content: '选派村书记赴外参观学习', category: '赴外参观学习', targetValue: 20, targetUnit: '名' },
      ],
    });
    await createList(ctx, { orgCode: T1, year: 2026, kind: '主体责任清单', title: '镇主体责任清单', items: [{ content: '三' }, { content: '计划试点村', category: '“三治融合”试点村', targetValue: 2, targetUnit: '个' }] });
    await createList(ctx, { orgCode: T1, year: 2025, kind: '主体责任清单', title: '去年清单', items: [{ content: '旧' }] });
    await createList(ctx, { orgCode: 'C', year: 2026, kind: '工作要点', title: '深改工作要点', items: [{ content: '制度一', category: '党的制度建设' }, { content: '制度二', category: '党的制度建设' }, { content: '其他', category: '经济' }] });

    const by = (more: Partial<TaskInput>) => createTask(ctx, { ...task(), assignedByCode: 'C', ...more });
    await by({ category: '书记项目', startOn: '2026-02-01' });
    await by({ category: '书记项目', orgCode: B2, startOn: '2025-12-01' });
    await by({ category: '党建品牌项目', orgCode: B2, startOn: '2026-03-01' });
    await by({ category: '包联支部', orgCode: B1, ownerName: '王县长', startOn: '2026-01-01', deadline: '2026-12-31' });
    await by({ category: '包联支部', orgCode: B2, ownerName: '王县长', startOn: '2026-01-01', deadline: '2026-12-31' });
    await by({ category: '包联支部', orgCode: B3, ownerName: '赵部长', startOn: '2026-01-01', deadline: '2026-12-31' });
    await by({ category: '包联支部', orgCode: B3, ownerName: '钱部长', startOn: '2026-01-01', deadline: '2026-12-31', status: '已取消' });
    const point1 = await by({ category: '党建联系点', orgCode: B1, ownerName: '王县长', startOn: '2026-01-01', deadline: '2026-12-31' });
    const point2 = await by({ category: '党建联系点', orgCode: B2, ownerName: '赵部长', startOn: '2026-01-01', deadline: '2026-12-31' });
    for (const on of ['2026-03-01', '2026-06-01', '2026-09-01']) await recordTaskEvent(ctx, point1.id, { kind: '进展', happenedOn: on, content: '到联系点调研' });
    await recordTaskEvent(ctx, point2.id, { kind: '进展', happenedOn: '2026-04-01', content: '到联系点调研' });
    await recordTaskEvent(ctx, point2.id, { kind: '督办', happenedOn: '2026-04-02', content: '督办' });
    await by({ category: '责任书签订', orgCode: B1, startOn: '2026-01-01', deadline: '2026-03-31', status: '已完成', completedOn: '2026-02-20' });
    await by({ category: '责任书签订', orgCode: B1, startOn: '2026-01-01', deadline: '2026-03-31', status: '已完成', completedOn: '2026-03-01' });
    await by({ category: '责任书签订', orgCode: B2, startOn: '2026-01-01', deadline: '2026-03-31', status: '已完成', completedOn: '2026-04-10' });
    await by({ category: '经济事项交接', orgCode: T1, startOn: '2026-01-01', deadline: '2026-06-30', status: '已完成', completedOn: '2026-05-01' });
    await by({ category: '文明创建', orgCode: B3, startOn: '2026-01-01', deadline: '2026-10-31', status: '已完成', completedOn: '2026-10-01' });
    await by({ category: '文明创建', orgCode: B2, startOn: '2026-01-01', deadline: '2026-10-31' });
    const talent = await by({ category: '人才工作', orgCode: T1, startOn: '2026-01-01', deadline: '2026-12-31' });
    await by({ category: '人才工作', orgCode: T1, startOn: '2025-01-01', deadline: '2025-12-31', status: '已完成', completedOn: '2025-12-01' });
    await recordTaskEvent(ctx, talent.id, { kind: '督办', happenedOn: '2026-05-01', content: '调度' });
    await recordTaskEvent(ctx, talent.id, { kind: '催办', happenedOn: '2026-07-01', content: '催办' });
    await recordTaskEvent(ctx, talent.id, { kind: '提醒', happenedOn: '2026-07-02', content: '提醒' });
    await recordTaskEvent(ctx, talent.id, { kind: '进展', happenedOn: '2026-07-03', content: '进展' });

    const values = async (period: string, c: Ctx = ctx, orgCode = 'C') =>
      Object.fromEntries((await taskFigures(c, { period, orgCode })).figures.map((f) => [f.id, f.value]));
    const year = await values('2026');
    expect(year).toMatchObject({
      responsibility_list_items: 6,
      secretary_projects: 1,
      party_brand_projects: 1,
      contact_branches_assigned: 3,
      leaders_with_contact_branches: 2,
      leader_contact_point_visits: 4,
      leader_contact_point_visits_min: 1,
      responsibility_letters_signed: 2,
      units_economic_handover: 1,
      civilized_village_creation_completed: 1,
      talent_group_duties: 1,
      talent_work_dispatches: 2,
      governance_pilot_villages: 7,
      secretaries_study_tour: 20,
      reform_points_party_institution: 2,
    });
    // Due in 2026 (cancelled left out; 书记项目 and 品牌 run to 2026-12-31 too): count them by hand.
    const all = await ctx.db.selectFrom('tasks').selectAll().execute();
    const due = all.filter((t) => t.status !== '已取消' && t.deadline >= '2026-01-01' && t.deadline <= '2026-12-31');
    const completed = due.filter((t) => t.status === '已完成');
    const onTime = completed.filter((t) => t.completed_on! <= t.deadline);
    const overdue = all.filter((t) => t.status !== '已取消' && t.status !== '已完成' && t.deadline < '2026-11-23');
    expect([year['tasks_total'], year['tasks_completed'], year['tasks_completed_on_time'], year['tasks_overdue']]).toEqual([
      due.length, completed.length, onTime.length, overdue.length,
    ]);
    expect(overdue.length).toBe(1);
    expect(year['tasks_completion_rate']).toBe(Math.round((completed.length / due.length) * 1000) / 10);

    // The first quarter: only what falls in it; the letter signed in April is not counted.
    const q1 = await values('2026Q1');
    expect(q1).toMatchObject({ responsibility_letters_signed: 1, leader_contact_point_visits: 1, leader_contact_point_visits_min: 0, responsibility_list_items: 6, tasks_total: 3, tasks_completed: 2, tasks_overdue: 0 });
    // A township's subtree, and the evidence is the records counted.
    const town = await taskFigures(ctx, { period: '2026', orgCode: T1 });
    const f = (id: string) => town.figures.find((x) => x.id === id)!;
    expect([f('responsibility_list_items').value, f('governance_pilot_villages').value, f('secretaries_study_tour').value]).toEqual([2, 2, null]);
    expect(f('leader_contact_point_visits').evidence.table).toBe('task_events');
    expect(f('leader_contact_point_visits').evidence.ids.length).toBe(4);
    // A branch secretary's figures are the branch's own; another branch is "not found".
    const b1 = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    expect((await values('2026', b1, B1))['contact_branches_assigned']).toBe(1);
    expect((await failure(taskFigures(b1, { period: '2026', orgCode: B2 }))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(taskFigures(ctx, { period: '2026Q5' }))).code).toBe('FIELD_INVALID');

    expect(await counted()).toBe(empty);
    expect(empty).toBeLessThanOrEqual(4);
  });
});
