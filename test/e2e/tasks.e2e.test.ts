/**
 * Responsibility lists and supervised tasks as people reach them: `dangjian lists`, `list …`, `tasks …` and `task …`
 * (the compiled program, both engines) on a small county imported from a workbook, and the /api/lists and /api/tasks
 * routes with a branch secretary's own login.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type Engine } from '../helpers/test-db.js';
import { createCliDatabase, importCounty, runCli as run, type CliDatabase } from '../helpers/cli-db.js';
import { expectError, logIn, useApi } from '../helpers/http.js';
import { makeCounty, makeUser, TEST_PASSWORD } from '../factories.js';

const T1 = 'C.T1';
const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';

/** Runs the command with --json, expecting success, and reads its answer. */
async function json<T>(args: string[]): Promise<T> {
  const r = await run(args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

interface Figures {
  figures: { id: string; value: number | null }[];
}

describe.each(ENGINES)('dangjian lists and tasks on %s', (engine: Engine) => {
  let db = '';
  let cli: CliDatabase | undefined;

  beforeAll(async () => {
    cli = await createCliDatabase(engine, 'tasks');
    db = cli.db;
    await importCounty(
      cli,
      {
        orgs: [
          { code: 'C', name: '中共测试县委员会', kind: '党委', sector: '机关', establishedOn: '1990-01-01' },
          { code: T1, name: '中共测试镇委员会', kind: '党委', sector: '农村', parentCode: 'C', establishedOn: '1990-01-01' },
          { code: B1, name: '中共测试镇一村支部委员会', kind: '党支部', sector: '农村', parentCode: T1, establishedOn: '2000-01-01' },
          { code: B2, name: '中共测试镇二村支部委员会', kind: '党支部', sector: '农村', parentCode: T1, establishedOn: '2000-01-01' },
        ],
      },
      [],
    );
  });

  afterAll(async () => {
    await cli?.drop();
  });

  it('records a list with its items, assigns, reports, supervises and completes tasks, and counts them', async () => {
    const added = await run([
      '--db', db, '--json', 'list', 'add', '--org', T1, '--year', '2026', '--kind', '主体责任清单', '--title', '2026年主体责任清单',
      '--items', '落实“三会一课”制度；计划打造“三治融合”试点村5个|“三治融合”试点村|5|个',
    ]);
    expect(added.code, added.stderr).toBe(0);
    const list = JSON.parse(added.stdout) as { id: number; items: { id: number; seq: number; targetValue: number | null }[] };
    expect(list.items.map((i) => [i.seq, i.targetValue])).toEqual([[1, null], [2, 5]]);
    const file = join(cli!.dir, 'items.txt');
    writeFileSync(file, '制度建设一|党的制度建设\n\n制度建设二|党的制度建设\n');
    const points = await run(['--db', db, 'list', 'add', '--org', 'C', '--year', '2026', '--kind', '工作要点', '--title', '深改工作要点', '--items-file', file]);
    expect(points.code, points.stderr).toBe(0);
    expect(points.stdout).toContain('共2项');
    const lists = await run(['--db', db, 'lists', '--org', 'C', '--year', '2026']);
    expect(lists.stdout).toContain('2026年主体责任清单');
    expect(lists.stdout).toContain('共2份');

    const item = String(list.items[0]!.id);
    const common = ['--by', T1, '--owner', '张书记', '--start', '2026-01-01'];
    const late = await json<{ id: number }>(['--db', db, '--json', 'task', 'add', '--org', B1, ...common, '--title', '整顿软弱涣散', '--deadline', '2026-03-31', '--item', item, '--category', '书记项目']);
    const onTime = await json<{ id: number }>(['--db', db, '--json', 'task', 'add', '--org', B2, ...common, '--title', '规范三会一课', '--deadline', '2026-06-30', '--item', item]);
    expect(late.id).toBeGreaterThan(0);

    const progress = await run(['--db', db, 'task', 'progress', String(late.id), '--on', '2026-02-01', '--content', '已召开专题会议', '--percent', '50']);
    expect(progress.code, progress.stderr).toBe(0);
    expect(progress.stdout).toContain('50%');
    const supervise = await run(['--db', db, 'task', 'supervise', String(late.id), '--kind', '催办', '--on', '2026-04-02', '--content', '已逾期，请抓紧']);
    expect(supervise.code, supervise.stderr).toBe(0);
    expect(supervise.stdout).toContain('逾期');
    const done = await run(['--db', db, 'task', 'done', String(onTime.id), '--on', '2026-06-01']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('按时完成');

    const overdue = await json<{ total: number; items: { id: number }[] }>(['--db', db, '--json', 'tasks', '--org', 'C', '--status', '逾期']);
    expect(overdue.items.map((t) => t.id)).toEqual([late.id]);
    const text = await run(['--db', db, 'tasks', '--category', '书记项目']);
    expect(text.stdout).toContain('整顿软弱涣散');
    expect(text.stdout).toContain('共1项');
    const show = await run(['--db', db, 'task', 'show', String(late.id)]);
    expect(show.stdout).toContain('已召开专题会议');
    expect(show.stdout).toContain('催办');
    expect(show.stdout).toContain('2026年主体责任清单');
    const listShow = await run(['--db', db, 'list', 'show', String(list.id)]);
    expect(listShow.code, listShow.stderr).toBe(0);
    expect(listShow.stdout).toContain('任务合计2项');
    expect(listShow.stdout).toContain('逾期未完成1');
    const open = await run(['--db', db, 'tasks', 'open', '--org', B1]);
    expect(open.code, open.stderr).toBe(0);
    expect(open.stdout).toContain('逾期1项');

    const figures = await json<Figures>(['--db', db, '--json', 'tasks', 'figures', '--org', 'C', '--period', '2026']);
    const value = (id: string) => figures.figures.find((f) => f.id === id)!.value;
    expect([value('responsibility_list_items'), value('secretary_projects'), value('governance_pilot_villages'), value('reform_points_party_institution')]).toEqual([2, 1, 5, 2]);
    expect([value('tasks_total'), value('tasks_completed'), value('tasks_completed_on_time'), value('tasks_overdue'), value('tasks_completion_rate')]).toEqual([2, 1, 1, 1, 50]);
    const figuresText = await run(['--db', db, 'tasks', 'figures', '--org', T1, '--period', '2026H1']);
    expect(figuresText.code, figuresText.stderr).toBe(0);
    expect(figuresText.stdout).toContain('任务完成率');
    const all = await json<{ figures: { id: string }[] }>(['--db', db, '--json', 'figures', '--org', 'C', '--period', '2026', '--ledger', 'tasks']);
    expect(all.figures.map((f) => f.id)).toContain('tasks_overdue');

    const cancelled = await run(['--db', db, 'task', 'cancel', String(late.id), '--note', '任务调整']);
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(cancelled.stdout).toContain('已取消');
  });

  it('refuses bad input with the right exit code, naming the option', async () => {
    const common = ['--org', B1, '--by', T1, '--title', '任务', '--owner', '张书记'];
    const order = await run(['--db', db, '--json', 'task', 'add', ...common, '--start', '2026-05-01', '--deadline', '2026-04-01']);
    expect(order.code).toBe(2);
    expect(JSON.parse(order.stdout)).toMatchObject({ error: { code: 'DATE_ORDER_INVALID', issues: [{ field: 'deadline' }] } });
    const outside = await run(['--db', db, 'task', 'add', ...common.slice(0, 2), '--by', B2, ...common.slice(4), '--start', '2026-05-01', '--deadline', '2026-06-01']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('交办组织');
    const t = await json<{ id: number }>(['--db', db, '--json', 'task', 'add', ...common, '--start', '2026-05-01', '--deadline', '2026-06-01']);
    const percent = await run(['--db', db, 'task', 'progress', String(t.id), '--on', '2026-05-02', '--content', '进展', '--percent', '101']);
    expect(percent.code).toBe(2);
    expect(percent.stderr).toContain('--percent');
    const future = await run(['--db', db, 'task', 'done', String(t.id), '--on', '2099-01-01']);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('完成日期');
    const kind = await run(['--db', db, 'task', 'supervise', String(t.id), '--kind', '进展', '--on', '2026-05-02', '--content', 'x']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('--kind');
    expect((await run(['--db', db, 'task', 'done', String(t.id), '--on', '2026-05-20'])).code).toBe(0);
    expect((await run(['--db', db, 'task', 'done', String(t.id), '--on', '2026-05-21'])).code).toBe(4);
    expect((await run(['--db', db, 'task', 'show', '999999'])).code).toBe(3);
    expect((await run(['--db', db, 'list', 'show', '999999'])).code).toBe(3);
    expect((await run(['--db', db, 'list', 'add', '--org', 'NOPE', '--year', '2026', '--kind', '任务清单', '--title', 'x'])).code).toBe(3);
    const badKind = await run(['--db', db, 'list', 'add', '--org', T1, '--year', '2026', '--kind', '清单', '--title', 'x']);
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toContain('--kind');
    expect((await run(['--db', db, 'list', 'add', '--org', T1, '--year', '2026', '--kind', '任务清单', '--title', 'x', '--items-file', '/nonexistent/items.txt'])).code).toBe(3);
    const status = await run(['--db', db, 'tasks', '--status', '拖延']);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('--status');
    const period = await run(['--db', db, 'tasks', 'figures', '--period', '2026Q9']);
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('统计期');
  });
});

describe.each(ENGINES)('the lists and tasks API on %s', (engine: Engine) => {
  const api = useApi(engine);

  it('records lists and tasks, keeps each side to its own actions, and counts them', async () => {
    await makeCounty(api.ctx, 2);
    await makeUser(api.ctx, 'api-b1-sec', ['secretary'], B1);
    await makeUser(api.ctx, 'api-b2-sec', ['secretary'], B2);
    const as = async (username: string) => {
      const headers = await logIn(api.app, username, TEST_PASSWORD);
      return (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
        api.app.inject({ method, url, headers, ...(body !== undefined && { payload: body as object }) });
    };
    const b1 = await as('api-b1-sec');
    const b2 = await as('api-b2-sec');

    const created = await api.request('POST', '/api/lists', {
      orgCode: T1, year: 2026, kind: '任务清单', title: '镇任务清单', issuedOn: '2026-02-01', items: [{ content: '包联支部', category: '包联支部' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const list = created.json() as { id: number; items: { id: number }[] };
    const appended = await api.request('POST', `/api/lists/${list.id}/items`, { items: [{ content: '文明创建', targetValue: 3, targetUnit: '个' }] });
    expect(appended.statusCode, appended.body).toBe(201);
    expect(appended.json()).toMatchObject({ itemCount: 2, items: [{ seq: 1 }, { seq: 2, targetValue: 3 }] });
    const item = (appended.json() as { items: { id: number }[] }).items[1]!.id;
    const fixedItem = await api.request('PATCH', `/api/lists/${list.id}/items/${item}`, { category: '文明创建' });
    expect(fixedItem.statusCode, fixedItem.body).toBe(200);
    expect((await api.request('PATCH', `/api/lists/${list.id}`, { title: '镇任务清单（修订）' })).json()).toMatchObject({ title: '镇任务清单（修订）' });
    expectError(await api.request('POST', '/api/lists', { orgCode: T1, year: 2026, kind: '清单', title: 'x' }), 400, 'VALUE_NOT_ALLOWED', '类别');
    expectError(await api.request('GET', '/api/lists/2000000000'), 404, 'LIST_NOT_FOUND', '清单');
    expectError(await b1('GET', `/api/lists/${list.id}`), 404, 'LIST_NOT_FOUND');
    expect((await api.request('GET', '/api/lists?org=C&year=2026')).json()).toMatchObject({ total: 1 });

    const body = { orgCode: B1, assignedByCode: T1, itemId: item, title: '创建文明村', category: '文明创建', ownerName: '王村长', startOn: '2026-01-01', deadline: '2026-10-31' };
    const t = await api.request('POST', '/api/tasks', body);
    expect(t.statusCode, t.body).toBe(201);
    const task = t.json() as { id: number };
    expect(t.json()).toMatchObject({ orgCode: B1, assignedByCode: T1, status: '未开始', overdue: true, item: { seq: 2 } });
    expectError(await api.request('POST', '/api/tasks', { ...body, deadline: '2025-12-31' }), 400, 'DATE_ORDER_INVALID', '完成时限');
    expectError(await api.request('POST', '/api/tasks', { ...body, status: '已完成', completedOn: '2026-12-01' }), 400, 'DATE_IN_FUTURE', '完成日期');
    expectError(await api.request('POST', '/api/tasks', { ...body, urgent: true }), 400, 'FIELD_INVALID');
    expectError(await b1('POST', '/api/tasks', body), 404, 'ORG_NOT_FOUND', T1);

    // The branch reports and completes; it may not edit or supervise. Another branch sees nothing.
    expectError(await b1('PATCH', `/api/tasks/${task.id}`, { title: '改' }), 403, 'PERMISSION_DENIED', '交办组织');
    expectError(await b1('POST', `/api/tasks/${task.id}/events`, { kind: '督办', happenedOn: '2026-05-01', content: '督办' }), 403, 'PERMISSION_DENIED');
    expectError(await b2('GET', `/api/tasks/${task.id}`), 404, 'TASK_NOT_FOUND', '任务');
    expectError(await b2('POST', `/api/tasks/${task.id}/complete`, { completedOn: '2026-05-01' }), 404, 'TASK_NOT_FOUND');
    expectError(await b1('POST', `/api/tasks/${task.id}/events`, { kind: '进展', happenedOn: '2026-05-01', content: '进展', percent: 101 }), 400, 'FIELD_INVALID', '完成进度');
    const reported = await b1('POST', `/api/tasks/${task.id}/events`, { kind: '进展', happenedOn: '2026-05-01', content: '已完成环境整治', percent: 60 });
    expect(reported.statusCode, reported.body).toBe(201);
    expect(reported.json()).toMatchObject({ status: '进行中', percent: 60, events: [{ kind: '进展', actor: 'api-b1-sec' }] });
    const supervised = await api.request('POST', `/api/tasks/${task.id}/events`, { kind: '督办', happenedOn: '2026-11-01', content: '已逾期' });
    expect(supervised.statusCode, supervised.body).toBe(201);
    const open = await b1('GET', '/api/tasks/open');
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json()).toMatchObject({ org: { code: B1 }, counts: { overdue: 1 }, items: [{ id: task.id, state: '进行中（逾期23天）' }] });
    const done = await b1('POST', `/api/tasks/${task.id}/complete`, { completedOn: '2026-11-10' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: '已完成', completedLate: true, overdue: false });
    expectError(await b1('POST', `/api/tasks/${task.id}/complete`, { completedOn: '2026-11-11' }), 409, 'TASK_CLOSED');

    const page = await api.request('GET', `/api/tasks?org=C&year=2026&category=${encodeURIComponent('文明创建')}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ total: 1, items: [{ id: task.id, completedLate: true }] });
    expect((await b2('GET', '/api/tasks')).json()).toMatchObject({ total: 0 });
    const detail = await api.request('GET', `/api/lists/${list.id}`);
    expect(detail.json()).toMatchObject({ counts: { total: 1, completed: 1, completedLate: 1 } });
    const figures = await api.request('GET', '/api/tasks/figures?org=C&period=2026');
    expect(figures.statusCode, figures.body).toBe(200);
    const value = (id: string) => (figures.json() as Figures).figures.find((f) => f.id === id)!.value;
    expect([value('civilized_village_creation_completed'), value('tasks_total'), value('tasks_completed_on_time'), value('tasks_completion_rate')]).toEqual([1, 1, 0, 100]);
    expectError(await api.request('GET', '/api/tasks/figures?period=2026Q5'), 400, 'FIELD_INVALID', '统计期');
    const cancelled = await api.request('PATCH', `/api/tasks/${task.id}`, { status: '已取消' });
    expect(cancelled.json()).toMatchObject({ status: '已取消', completedOn: null });
  });
});
