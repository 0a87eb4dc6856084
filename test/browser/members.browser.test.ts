/**
 * 党员名册 and 发展党员 in the browser: the county sees a branch's roster with ID numbers masked, the viewer sees
 * the same masked data and no button to change it, and the branch secretary records a step of a person's development,
 * seeing the rule a date breaks as it is typed, before saving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginAs, newPage, screenshot, startWebServer, type WebServer } from '../helpers/browser.js';
import { createDevelopment } from '../../src/modules/development/record-development.js';
import { makeIdNumber } from '../../src/shared/id-number.js';
import { addDays, addMonths } from '../../src/shared/dates.js';

const MASKED_ID = /^\d{6}\*{8}\d{3}[\dX]$/;

describe('党员名册 and 发展党员', () => {
  let server: WebServer;
  let browser: Browser;
  let branchCode: string;
  let rosterSize: number;
  let devId: number;
  const dates = { appliedOn: '', interviewedOn: '', activistOn: '', contactsOn: '' };
  let today: string;

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    branchCode = server.accounts.find((a) => a.username === 'branch')!.orgCode;
    const branch = await server.ctx.db.selectFrom('organizations').select('id').where('code', '=', branchCode).executeTakeFirstOrThrow();
    const row = await server.ctx.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', branch.id)
      .where('left_on', 'is', null)
      .executeTakeFirstOrThrow();
    rosterSize = Number(row.n);
    // An activist of 14 months in the branch: 确定发展对象 is due, and may not come before one year of training.
    today = server.ctx.clock.today();
    dates.appliedOn = addMonths(today, -24);
    dates.interviewedOn = addDays(dates.appliedOn, 10);
    dates.activistOn = addMonths(today, -14);
    dates.contactsOn = addDays(dates.activistOn, 2);
    const created = await createDevelopment(server.ctx, {
      name: '测试积极分子',
      idNumber: makeIdNumber('330122', '1996-05-17', 731),
      orgCode: branchCode,
      introducers: '张三、李四',
      ...dates,
    });
    devId = created.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * A page whose favicon request is answered: web/index.html names no icon, so Chromium asks for /favicon.ico and
   * logs its 404 as a console error (not this page's error; reported to the lead).
   */
  async function open(size: 'desktop' | 'tablet' = 'desktop'): Promise<{ page: Page; errors: string[] }> {
    const opened = await newPage(browser, size);
    await opened.page.route('**/favicon.ico', (route) => route.fulfill({ status: 204, body: '' }));
    return opened;
  }

  async function idCells(page: Page): Promise<string[]> {
    const headers = await page.locator('thead th').allTextContents();
    const col = headers.findIndex((h) => h.includes('公民身份号码'));
    expect(col).toBeGreaterThanOrEqual(0);
    return (await page.locator(`tbody tr.ant-table-row td:nth-child(${col + 1})`).allTextContents()).map((s) => s.trim());
  }

  it('the county sees the roster of a branch, every ID number masked', async () => {
    const { page, errors } = await open();
    await loginAs(page, server, 'county');
    await page.goto(`${server.url}/members?org=${branchCode}`);
    await expect.poll(() => page.getByText(/共 \d+ 名党员/).textContent()).toBe(`共 ${rosterSize} 名党员`);
    const ids = await idCells(page);
    expect(ids.length).toBe(Math.min(20, rosterSize));
    for (const id of ids) expect(id).toMatch(MASKED_ID);
    await expect.poll(() => page.getByRole('button', { name: /登记党员/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^编辑/ }).count()).toBe(ids.length);
    expect(await page.getByRole('link', { name: /导出工作簿/ }).getAttribute('href')).toBe(`/api/export?org=${encodeURIComponent(branchCode)}`);
    await screenshot(page, '30-members');
    expect(errors).toEqual([]);
  });

  it('the viewer sees the same masked data, in the list and in a member’s record, and no button to change it', async () => {
    // On a tablet: the table scrolls sideways, the drawer fits the screen.
    const { page, errors } = await open('tablet');
    await loginAs(page, server, 'viewer');
    await page.goto(`${server.url}/members?org=${branchCode}`);
    await expect.poll(() => page.getByText(/共 \d+ 名党员/).textContent()).toBe(`共 ${rosterSize} 名党员`);
    const ids = await idCells(page);
    for (const id of ids) expect(id).toMatch(MASKED_ID);
    expect(await page.getByRole('button', { name: /登记党员/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^编辑/ }).count()).toBe(0);
    // The record in the drawer: still masked, still nothing to change.
    const first = page.locator('tbody tr.ant-table-row').first();
    const name = (await first.locator('td').first().textContent())!.trim();
    await first.getByRole('button', { name: `查看${name}` }).click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.getByText(`${name}的党员信息`).count()).toBe(1);
    const text = (await drawer.textContent()) ?? '';
    expect(text).toMatch(/公民身份号码\d{6}\*{8}\d{3}[\dX]/);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(await drawer.getByRole('button', { name: /编\s*辑|离\s*开|转接/ }).count()).toBe(0);
    await screenshot(page, '30-members-viewer-tablet');
    expect(errors).toEqual([]);
  });

  it('the branch secretary sees a date that breaks a rule as it is typed, and a valid date saved updates the timeline', async () => {
    const { page, errors } = await open();
    await loginAs(page, server, 'branch');
    await page.goto(`${server.url}/development?org=${branchCode}`);
    await page.getByRole('link', { name: '测试积极分子' }).click();
    await page.waitForURL(new RegExp(`/development/${devId}`));
    const step = page.getByRole('group', { name: '⑦确定发展对象' });
    await expect.poll(() => step.textContent()).toContain('待办理');
    await step.getByRole('button', { name: '登记确定发展对象日期' }).click();

    const dialog = page.getByRole('dialog');
    const input = dialog.getByLabel('确定发展对象日期');
    // Six months after 确定入党积极分子: 《细则》第十三条 asks for more than a year.
    const early = addMonths(dates.activistOn, 6);
    await input.fill(early);
    await expect.poll(() => dialog.getByRole('alert').first().textContent()).toMatch(/经过1年以上培养教育和考察方可确定为发展对象.*间隔6个月，不足12个月/);
    expect(await dialog.textContent()).toContain('第十三条');
    // The picker's calendar closed (it covers the message otherwise), the message stays.
    await dialog.getByText(/^登记：/).click();
    await expect.poll(() => dialog.getByText(/不足12个月/).count()).toBe(1);
    // Nothing saved yet.
    const before = await server.ctx.db.selectFrom('development_records').select('candidate_on').where('id', '=', devId).executeTakeFirstOrThrow();
    expect(before.candidate_on).toBeNull();
    await screenshot(page, '31-development-step-check');

    // One month ago: 13 months after 确定入党积极分子.
    const valid = addMonths(today, -1);
    await input.fill(valid);
    await expect.poll(() => dialog.getByText(/不足12个月/).count()).toBe(0);
    await input.press('Enter');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const [y, m, d] = valid.split('-').map(Number) as [number, number, number];
    await expect.poll(() => step.textContent()).toContain(`${y}年${m}月${d}日`);
    expect(await step.textContent()).toContain('已完成');
    const after = await server.ctx.db.selectFrom('development_records').select(['candidate_on', 'stage']).where('id', '=', devId).executeTakeFirstOrThrow();
    expect(after).toEqual({ candidate_on: valid, stage: '发展对象' });
    // The stage follows the dates, and the next steps of 发展对象 are open.
    await expect.poll(() => page.getByRole('group', { name: '⑩进行政治审查' }).textContent()).toContain('待办理');
    await screenshot(page, '31-development-timeline');
    expect(errors).toEqual([]);
  });
});
