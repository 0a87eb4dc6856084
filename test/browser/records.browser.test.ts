/**
 * The rectification ledger (整改台账) and the work ledgers (工作台账) in the browser: the county sees its overdue
 * problems; the township, superior of its branches, accepts a branch's rectification; the branch secretary is
 * offered its own steps and never the superior's; the branch records a volunteer service (a missing title is named
 * under 标题 and nothing is saved; an out-of-range duration is refused by the server under its field), corrects and
 * deletes one (the buttons come from the record's own allowed actions: a viewer is offered none); every ledger tab
 * loads without console errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, loginAs, newPage, screenshot, startWebServer, type WebServer } from '../helpers/browser.js';
import { recordProblem } from '../../src/modules/inspections/record-problem.js';
import { stepProblem } from '../../src/modules/inspections/step-problem.js';
import { addDays } from '../../src/shared/dates.js';
import { createServiceRecord } from '../../src/modules/service/create-service-record.js';

/** The error shown for an input (antd links it by aria-describedby), or '' when the input is valid. */
async function fieldError(page: Page, input: Locator): Promise<string> {
  if ((await input.getAttribute('aria-invalid')) !== 'true') return '';
  const ids = (await input.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(ids.split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

/** Waits for a value on a slow shared machine (expect.poll's own default is one second). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 200 });

/**
 * A page with console errors collected. The UI has no favicon yet (web/index.html): the browser's own request for
 * /favicon.ico is answered here so that its 404 is not taken for an error of these pages.
 */
async function open(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const opened = await newPage(browser);
  await opened.page.route('**/favicon.ico', (r) => r.fulfill({ status: 204, body: '' }));
  return opened;
}

async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByTitle(option, { exact: true }).last().click();
}

describe('整改台账 and 工作台账 in the browser', () => {
  let server: WebServer;
  let browser: Browser;
  let branchCode: string;
  let awaiting: number;
  let rectifying: number;
  let today: string;

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    branchCode = server.accounts.find((a) => a.username === 'branch')!.orgCode;
    today = server.ctx.clock.today();
    const base = {
      orgCode: branchCode,
      source: '查摆' as const,
      category: '党费',
      level: '组织层面' as const,
      ownerName: '王支书',
      foundOn: today,
      deadline: addDays(today, 30),
    };
    // A branch problem submitted for acceptance (待验收), and one being rectified (整改中).
    const a = await recordProblem(server.ctx, { ...base, description: '浏览器测试：党费收缴登记不及时' });
    await stepProblem(server.ctx, a.id, { action: '制定措施', on: today, measures: '逐月核对党费收缴\n建立收缴台账' });
    await stepProblem(server.ctx, a.id, { action: '提请验收', on: today, evidence: '党费收缴台账' });
    awaiting = a.id;
    const b = await recordProblem(server.ctx, { ...base, description: '浏览器测试：主题党日活动形式单一' });
    await stepProblem(server.ctx, b.id, { action: '制定措施', on: today, measures: '每季度确定一个主题' });
    rectifying = b.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the county its overdue problems, named as overdue in words', async () => {
    const overdue = await server.ctx.db
      .selectFrom('problems')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '!=', '已销号')
      .where('deadline', '<', today)
      .executeTakeFirstOrThrow();
    const expected = Number(overdue.n);
    expect(expected).toBeGreaterThan(0);

    const { page, errors } = await open(browser);
    await loginAs(page, server, 'county');
    await page.getByRole('link', { name: '整改台账' }).click();
    await page.waitForURL(/\/problems/);
    const summary = page.getByLabel('整改进度');
    await poll(() => summary.textContent()).toContain('逾期未销号');
    expect(await summary.textContent()).toContain(`逾期未销号${expected}件`);

    await choose(page, page.getByRole('form', { name: '筛选' }), '整改状态', '逾期未销号');
    await poll(() => page.getByText(`共 ${expected} 个问题`).count()).toBe(1);
    const rows = page.getByRole('row');
    await poll(() => rows.filter({ hasText: '已逾期' }).count()).toBe(Math.min(expected, 20));
    await screenshot(page, '50-problems');

    // A problem's detail: its history, and the overdue named above it.
    await rows.filter({ hasText: '已逾期' }).first().getByRole('button', { name: /查看问题/ }).click();
    const drawer = page.getByRole('dialog', { name: '整改问题' });
    await poll(() => drawer.textContent()).toContain('办理记录');
    expect(await drawer.textContent()).toContain('已超过整改时限');
    expect(await drawer.textContent()).toMatch(/登记（待整改）/);
    expect(errors).toEqual([]);
  });

  it('lets the township accept a branch’s rectification, and the status changes', async () => {
    const { page, errors } = await open(browser);
    await loginAs(page, server, 'town');
    await page.goto(`${server.url}/problems?org=${branchCode}&problem=${awaiting}`);
    const drawer = page.getByRole('dialog', { name: '整改问题' });
    await poll(() => drawer.textContent()).toContain('浏览器测试：党费收缴登记不及时');
    const accept = drawer.getByRole('button', { name: /^验收通过$/ });
    await accept.waitFor();
    expect(await drawer.getByRole('button', { name: '验收不通过' }).count()).toBe(1);
    await accept.click();
    const modal = page.getByRole('dialog', { name: '办理：验收通过' });
    await modal.getByLabel('说明').fill('台账齐全，验收通过');
    await modal.getByRole('button', { name: /提\s*交/ }).click();
    await poll(() => drawer.textContent()).toContain('已验收待销号');
    expect(await drawer.textContent()).toContain('台账齐全，验收通过');
    // Next for the superior: 销号.
    await drawer.getByRole('button', { name: /^销\s*号$/ }).waitFor();
    const row = await server.ctx.db.selectFrom('problems').select(['status', 'accepted_on']).where('id', '=', awaiting).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: '待验收', accepted_on: today });
    expect(errors).toEqual([]);
  });

  it('offers the branch secretary its own steps and never the superior’s', async () => {
    const { page, errors } = await open(browser);
    await loginAs(page, server, 'branch');
    await page.goto(`${server.url}/problems?problem=${rectifying}`);
    const drawer = page.getByRole('dialog', { name: '整改问题' });
    await drawer.getByRole('button', { name: '提请验收' }).waitFor();
    expect(await drawer.getByRole('button', { name: '报告进展' }).count()).toBe(1);
    expect(await drawer.getByRole('button', { name: /^销\s*号$/ }).count()).toBe(0);
    expect(await drawer.getByRole('button', { name: /^验收通过$/ }).count()).toBe(0);

    // Its accepted problem waits for the township's 销号: nothing for the branch to do.
    await page.goto(`${server.url}/problems?problem=${awaiting}`);
    await poll(() => drawer.textContent()).toContain('已验收待销号');
    await poll(() => drawer.textContent()).toContain('当前状态下您没有可办理的步骤');
    expect(await drawer.getByRole('button', { name: /^销\s*号$/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('lets the branch record a volunteer service: a missing title is named under 标题 and nothing is saved', async () => {
    const count = async () =>
      Number(
        (
          await server.ctx.db
            .selectFrom('service_records as s')
            .innerJoin('organizations as o', 'o.id', 's.org_id')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('o.code', '=', branchCode)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const { page, errors } = await open(browser);
    await loginAs(page, server, 'branch');
    await page.getByRole('link', { name: '工作台账' }).click();
    await page.getByRole('tab', { name: '服务' }).click();
    await page.getByRole('button', { name: '登记服务记录' }).click();
    const form = page.getByRole('form', { name: '登记服务记录' });
    await choose(page, form, '类别', '志愿服务');
    await form.getByLabel('服务时长（小时）').fill('2');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    const title = form.getByLabel('标题', { exact: true });
    await poll(() => fieldError(page, title)).toContain('请填写标题');
    await screenshot(page, '52-records-service-form');
    expect(await count()).toBe(before);

    // The server's own check, named under its field: more than 24 hours in one record. The browser logs the
    // refused request (400) as a console error: that one, and only that one, is expected here.
    await title.fill('清理村口河道垃圾');
    const hours = form.getByLabel('服务时长（小时）');
    await hours.fill('30');
    const logged = errors.length;
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await poll(() => fieldError(page, hours)).toContain('不超过24');
    expect(await fieldError(page, title)).toBe('');
    expect(await count()).toBe(before);
    expect(errors.slice(logged).every((e) => /status of 400/.test(e))).toBe(true);
    errors.splice(logged);

    await hours.fill('2');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await poll(() => page.getByRole('row').filter({ hasText: '清理村口河道垃圾' }).count()).toBe(1);
    expect(await page.getByRole('row').filter({ hasText: '清理村口河道垃圾' }).textContent()).toContain('已办结');
    expect(await count()).toBe(before + 1);
    expect(errors).toEqual([]);
  });

  it('lets the branch correct and delete its service record, by the record’s allowed actions; the viewer is offered neither', async () => {
    const record = await createServiceRecord(server.ctx, { orgCode: branchCode, kind: '志愿服务', title: '浏览器测试：帮助孤寡老人收玉米', happenedOn: today, hours: '2' });
    const stored = () => server.ctx.db.selectFrom('service_records').select(['title', 'minutes']).where('id', '=', record.id).executeTakeFirst();
    const openRecord = async (page: Page, title: string) => {
      await page.goto(`${server.url}/records?org=${branchCode}`);
      await page.getByRole('tab', { name: '服务' }).click();
      const row = page.getByRole('row').filter({ hasText: title });
      await row.getByRole('button', { name: '查看服务记录' }).click();
      const drawer = page.getByRole('dialog', { name: '服务记录详情' });
      await poll(() => drawer.textContent()).toContain(title);
      return drawer;
    };

    // The viewer reads the record but is offered no button to change it.
    const viewer = await open(browser);
    await loginAs(viewer.page, server, 'viewer');
    const seen = await openRecord(viewer.page, '浏览器测试：帮助孤寡老人收玉米');
    expect(await seen.getByRole('button', { name: /修\s*改/ }).count()).toBe(0);
    expect(await seen.getByRole('button', { name: /删\s*除/ }).count()).toBe(0);
    expect(viewer.errors).toEqual([]);

    const { page, errors } = await open(browser);
    await loginAs(page, server, 'branch');
    const drawer = await openRecord(page, '浏览器测试：帮助孤寡老人收玉米');
    await drawer.getByRole('button', { name: /修\s*改/ }).click();
    const form = page.getByRole('form', { name: '修改' });
    const title = form.getByLabel('标题', { exact: true });
    expect(await title.inputValue()).toBe('浏览器测试：帮助孤寡老人收玉米');
    await title.fill('浏览器测试：帮助孤寡老人收玉米和大豆');
    await form.getByLabel('服务时长（小时）').fill('3.5');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await poll(() => drawer.textContent()).toContain('浏览器测试：帮助孤寡老人收玉米和大豆');
    expect(await stored()).toEqual({ title: '浏览器测试：帮助孤寡老人收玉米和大豆', minutes: 210 });
    await screenshot(page, '53-records-correct');

    await drawer.getByRole('button', { name: /删\s*除/ }).click();
    await page.getByRole('button', { name: /^确\s*定$/ }).click();
    await drawer.waitFor({ state: 'hidden' });
    await poll(() => page.getByRole('row').filter({ hasText: '帮助孤寡老人收玉米和大豆' }).count()).toBe(0);
    expect(await stored()).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('lets the branch record its self-assessment under a scheme, with the running total and grade, and list itself for 软弱涣散 排查, which the township then 认定s, and the township decides the rating', async () => {
    const year = Number(today.slice(0, 4));
    // The demo may have rated the branch this year already: start without it.
    const branchId = (await server.ctx.db.selectFrom('organizations').select('id').where('code', '=', branchCode).executeTakeFirstOrThrow()).id;
    await server.ctx.db.deleteFrom('ratings').where('org_id', '=', branchId).where('year', '=', year).execute();
    const { page, errors } = await open(browser);
    await loginAs(page, server, 'branch');
    await page.goto(`${server.url}/records/ratings/ratings?org=${branchCode}`);
    await page.getByRole('button', { name: '登记自评' }).click();
    const form = page.getByRole('form', { name: '登记自评' });
    await choose(page, form, '评定方案', '基层党组织分类定级（中央指导意见模式）（分类定级）');
    await poll(() => form.getByText(/已填0\/7项/).count()).toBe(1);
    const boxes = form.getByRole('spinbutton', { name: /满分\d+分/ });
    expect(await boxes.count()).toBe(7);
    for (const [i, v] of ['18', '9', '13.5', '9', '8', '17', '14'].entries()) await boxes.nth(i).fill(v);
    await poll(() => form.getByText('自评总分88.5分（满分100分）', { exact: false }).count()).toBe(1);
    await form.getByLabel('群众满意率（%）').fill('85');
    // The grade as the server will compute it: 88.5 is 较好 by the bands, moved down by 85% satisfaction.
    await poll(() => form.getByText(/计算等次：一般（按分数为较好/).count()).toBe(1);
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await poll(() => page.getByText(/已保存，计算等次为一般/).count()).toBeGreaterThan(0);
    const stored = await server.ctx.db.selectFrom('ratings').select(['self_score', 'self_grade']).where('org_id', '=', branchId).where('year', '=', year).executeTakeFirstOrThrow();
    expect(stored).toEqual({ self_score: 88.5, self_grade: '一般' });

    // 列入排查: a missing 认定情形 is named under it; filled, the case waits for the township's 研判.
    await server.ctx.db.deleteFrom('weak_org_cases').where('org_id', '=', branchId).execute();
    await page.goto(`${server.url}/records/ratings/weak?org=${branchCode}`);
    await page.getByRole('button', { name: '列入排查' }).click();
    const weak = page.getByRole('form', { name: '列入排查' });
    await choose(page, weak, '来源', '自查');
    await weak.getByRole('button', { name: /保\s*存/ }).click();
    await poll(() => weak.textContent()).toContain('请填写认定情形');
    expect(await server.ctx.db.selectFrom('weak_org_cases').select('id').where('org_id', '=', branchId).execute()).toEqual([]);
    await weak.getByLabel('认定情形').fill('长期不开展组织生活');
    await weak.getByRole('button', { name: /保\s*存/ }).click();
    await poll(() => page.getByRole('row').filter({ hasText: '待研判' }).count()).toBe(1);
    const cases = await server.ctx.db.selectFrom('weak_org_cases').selectAll().where('org_id', '=', branchId).execute();
    expect(cases.length).toBe(1);
    expect(JSON.stringify(cases[0])).toContain('长期不开展组织生活');
    // The branch is offered no 认定 of its own case: that is the township's.
    await page.getByRole('row').filter({ hasText: '待研判' }).getByRole('button', { name: /查看/ }).click();
    const own = page.getByRole('dialog', { name: /详情/ });
    await poll(() => own.textContent()).toContain('待研判');
    expect(await own.getByRole('button', { name: /整顿方案|不予认定|销\s*号/ }).count()).toBe(0);
    expect(errors).toEqual([]);

    // The township 认定 it with a 整顿方案: the case moves to 整顿中, and 销号 is offered next.
    const town = await open(browser);
    await loginAs(town.page, server, 'town');
    await town.page.goto(`${server.url}/records/ratings/weak?org=${branchCode}`);
    await town.page.getByRole('row').filter({ hasText: '待研判' }).getByRole('button', { name: /查看/ }).click();
    const detail = town.page.getByRole('dialog', { name: /详情/ });
    await detail.getByRole('button', { name: '整顿方案' }).click();
    const plan = town.page.getByRole('form', { name: '整顿方案' });
    await plan.getByLabel('整顿方案').fill('选优配强支部班子，每月召开一次整顿推进会');
    await plan.getByLabel('整顿责任人').fill('镇党委组织委员');
    await plan.getByLabel('整顿期限').fill(addDays(today, 90));
    await plan.getByLabel('整顿期限').press('Enter'); // Enter in the last field saves the form
    await poll(() => detail.textContent()).toContain('整顿中');
    await detail.getByRole('button', { name: /销\s*号/ }).waitFor();
    expect((await server.ctx.db.selectFrom('weak_org_cases').select('status').where('org_id', '=', branchId).executeTakeFirstOrThrow()).status).toBe('整顿中');

    // …and decides the branch's self-assessment (上级评定), which the branch itself is never offered.
    await town.page.goto(`${server.url}/records/ratings/ratings?org=${branchCode}`);
    await town.page.getByRole('row').filter({ hasText: '待评定' }).first().getByRole('button', { name: /查看/ }).click();
    const rated = town.page.getByRole('dialog', { name: /详情/ });
    await rated.getByRole('button', { name: '上级评定' }).click();
    const decision = town.page.getByRole('form', { name: '上级评定' });
    await decision.getByLabel('备注').fill('经镇党委研究，同意自评');
    await decision.getByRole('button', { name: /保\s*存/ }).click();
    await poll(() => rated.textContent()).toContain('已评定');
    expect((await server.ctx.db.selectFrom('ratings').select('final_grade').where('org_id', '=', branchId).where('year', '=', year).executeTakeFirstOrThrow()).final_grade).toBe('一般');
    expect(town.errors).toEqual([]);
  });

  it('loads every ledger tab and list without errors', async () => {
    const { page, errors } = await open(browser);
    await loginAs(page, server, 'county');
    await page.goto(`${server.url}/records`);
    const ledgers = ['学习培训', '服务', '表彰', '捐款', '任务', '巡察督查', '分类定级', '三务公开', '干部', '宣传', '手工填报'];
    const subLists: Record<string, string[]> = {
      学习培训: ['教育培训', '学习记录'],
      服务: ['服务队伍'],
      任务: ['责任清单'],
      分类定级: ['软弱涣散整顿', '示范创建'],
    };
    for (const name of ledgers) {
      await page.getByRole('tab', { name, exact: true }).click();
      await page.waitForLoadState('networkidle');
      expect(await page.getByRole('alert').count(), name).toBe(0);
      for (const sub of subLists[name] ?? []) {
        await page.getByRole('tab', { name: sub, exact: true }).click();
        await page.waitForLoadState('networkidle');
        expect(await page.getByRole('alert').count(), `${name}/${sub}`).toBe(0);
      }
    }
    // The county's study records: a full first page, and the create button (the county may record).
    await page.getByRole('tab', { name: '学习培训', exact: true }).click();
    await page.getByRole('tab', { name: '学习记录', exact: true }).click();
    await poll(() => page.getByText(/共 \d+ 条/).count()).toBe(1);
    expect(await page.getByRole('button', { name: '登记党员学习' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: /导出本组织工作簿/ }).getAttribute('href')).toContain('/api/export?org=');
    await screenshot(page, '51-records-study');
    expect(errors).toEqual([]);
  });
});
