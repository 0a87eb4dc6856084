/**
 * The administration pages as the county organization department and a system administrator use them: a workbook
 * with a bad row is refused whole and its problems listed by sheet, row and column (nothing written), a good one
 * imported with its rows per sheet; an account created (a weak password refused under 密码), listed, and its creation
 * in the audit log; and what a read-only viewer and a non-administrator are told.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUser } from '../../src/modules/users/create-user.js';
import { DEMO_PASSWORD, launchBrowser, loginAs, newPage, screenshot, startWebServer, type WebServer } from '../helpers/browser.js';
import { workbookBuffer } from '../helpers/workbook.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The console errors a page may log here: the browser logs every 4xx answer as an error, so the API's refusals the
 * page is meant to show (by status) are expected, as is the missing /favicon.ico (the UI declares none). The returned
 * check gives the helper's errors less those.
 */
function tolerate(page: Page, errors: string[], statuses: number[]): () => string[] {
  const allowed: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const url = m.location().url;
    if (url.endsWith('/favicon.ico') || (url.includes('/api/') && statuses.some((s) => m.text().includes(`status of ${s}`)))) allowed.push(m.text());
  });
  return () => {
    const rest = [...allowed];
    return errors.filter((e) => {
      const i = rest.indexOf(e);
      if (i < 0) return true;
      rest.splice(i, 1);
      return false;
    });
  };
}

async function meetingCount(server: WebServer, topics: string[]): Promise<number> {
  const row = await server.ctx.db
    .selectFrom('meetings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('topic', 'in', topics)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function totalMeetings(server: WebServer): Promise<number> {
  const row = await server.ctx.db.selectFrom('meetings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function upload(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: XLSX, buffer });
  await page.getByRole('button', { name: '开始导入' }).click();
}

describe('import, users and audit in the web UI', () => {
  let server: WebServer;
  let browser: Browser;
  let branchCode: string;
  const topics = ['学习贯彻党的二十届四中全会精神（测试）', '开展主题党日活动（测试）'];
  const newUser = { username: 'lisi2026', displayName: '李思源' };

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    branchCode = server.accounts.find((a) => a.username === 'branch')!.orgCode;
    // The demo has no system administrator (only it reads the audit log): one is made here, as the command line would.
    await createUser(server.ctx, { username: 'sysadmin', displayName: '系统管理员', orgCode: null, roles: ['admin'], password: DEMO_PASSWORD, mustChangePassword: false });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses a workbook with a bad date whole, listing sheet, row and column, then imports the corrected one', async () => {
    const meeting = (topic: string, heldOn: string) => ({ orgCode: branchCode, kind: '支部党员大会', heldOn, topic, host: '张书记', expectedCount: 12, attendedCount: 12 });
    const bad = await workbookBuffer({ meetings: [meeting(topics[0]!, '2025-06-10'), meeting(topics[1]!, '2025-02-30')] });
    const good = await workbookBuffer({ meetings: [meeting(topics[0]!, '2025-06-10'), meeting(topics[1]!, '2025-06-24')] });
    const before = await totalMeetings(server);

    const { page, errors } = await newPage(browser);
    const unexpected = tolerate(page, errors, [400]);
    await loginAs(page, server, 'county');
    await page.goto(`${server.url}/import?org=${server.countyCode}`);
    await page.getByRole('heading', { name: '导入导出' }).waitFor();
    await upload(page, '组织生活（有错）.xlsx', bad);

    // The report names the sheet, the Excel row (header is row 1, so the second record is row 3) and the column.
    const row = page.getByRole('row').filter({ hasText: '第3行' });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['组织生活', '第3行', '日期', expect.stringContaining('2025-02-30')]);
    expect(await page.getByRole('row').count()).toBe(2); // the header and the one problem: the good row is not listed
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContainEqual(expect.stringContaining('没有写入任何数据'));
    // All or nothing: the good row of the same file was not written either.
    expect(await meetingCount(server, topics)).toBe(0);
    expect(await totalMeetings(server)).toBe(before);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载错误清单/ }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^导入错误清单_.*\.csv$/);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\r\n').slice(0, 2)).toEqual(['\uFEFF工作表,行,列,问题', expect.stringMatching(/^组织生活,3,日期,.*2025-02-30/)]);
    await screenshot(page, '60-import-errors');

    await upload(page, '组织生活.xlsx', good);
    await expect.poll(() => page.getByText(/已导入，共2行/).count()).toBe(1);
    const counts = page.getByRole('row').filter({ hasText: '组织生活' });
    expect(await counts.getByRole('cell').allTextContents()).toEqual(['组织生活', '2']);
    expect(await meetingCount(server, topics)).toBe(2);
    expect(await totalMeetings(server)).toBe(before + 2);
    expect(unexpected()).toEqual([]);
  });

  it('creates an account: a weak password is refused under 密码, a strong one lists the new user with the role by name', async () => {
    const { page, errors } = await newPage(browser);
    const unexpected = tolerate(page, errors, [400]);
    await loginAs(page, server, 'county');
    await page.goto(`${server.url}/users?org=${server.countyCode}`);
    await page.getByRole('heading', { name: '用户和角色' }).waitFor();
    // The demo accounts of the county's subtree are listed, with their roles in Chinese.
    await page.getByRole('cell', { name: 'town', exact: true }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'viewer' }).textContent()).toContain('查看');

    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('用户名').fill(newUser.username);
    await dialog.getByLabel('姓名').fill(newUser.displayName);
    await dialog.getByLabel('组织管理员').check();
    const password = dialog.getByLabel('密码', { exact: true });
    await password.fill('abc12345');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    // The server's reasons appear under the password field itself (its help text, tied to the input).
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    const helpId = (await password.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('_help'))!;
    const help = await page.locator(`[id="${helpId}"]`).textContent();
    expect(help).toContain('密码至少需要10个字符');
    expect(help).toContain('三类');
    expect(await server.ctx.db.selectFrom('users').select('id').where('username', '=', newUser.username).executeTakeFirst()).toBeUndefined();

    await password.fill('Zhibu#2026-Strong');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: newUser.username });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 5)).toEqual([newUser.username, newUser.displayName, server.accounts[0]!.orgName, '组织管理员支部书记/党务工作者', '待修改密码']);
    await screenshot(page, '61-users');
    expect(unexpected()).toEqual([]);
  });

  it('shows the system administrator the account’s creation in the audit log, with its fields', async () => {
    const created = await server.ctx.db.selectFrom('users').select('id').where('username', '=', newUser.username).executeTakeFirstOrThrow();
    const { page, errors } = await newPage(browser);
    const unexpected = tolerate(page, errors, []);
    await loginAs(page, server, 'sysadmin');
    await page.goto(`${server.url}/audit`);
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: '新增' }).filter({ has: page.getByRole('cell', { name: String(created.id), exact: true }) });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(1, 5)).toEqual(['county', '新增', '用户', String(created.id)]);
    // The import is there too, with what it brought in.
    expect(await page.getByRole('row').filter({ hasText: '工作簿' }).textContent()).toContain('组织生活记录2条');
    expect(cells[5]).toBe('6个字段：用户名、姓名、组织代码、角色等');
    await screenshot(page, '62-audit');

    await row.getByRole('button', { name: '查看' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('变更内容').waitFor();
    const change = (label: string) => drawer.getByRole('row').filter({ hasText: label }).getByRole('cell').allTextContents();
    expect(await change('用户名（username）')).toEqual(['用户名（username）', '—', newUser.username]);
    expect(await change('角色（roles）')).toEqual(['角色（roles）', '—', '组织管理员、支部书记/党务工作者']);
    await screenshot(page, '62-audit-detail');

    // Filtering by user and action narrows the list to what county did.
    await page.keyboard.press('Escape');
    await page.getByLabel('操作人').fill('county');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(async () => (await page.getByRole('row').allTextContents()).slice(1).every((t) => t.includes('county'))).toBe(true);
    expect(unexpected()).toEqual([]);
  });

  it('tells an organization administrator plainly that the audit log is for system administrators', async () => {
    const { page, errors } = await newPage(browser);
    const unexpected = tolerate(page, errors, [403]);
    await loginAs(page, server, 'county');
    await page.goto(`${server.url}/audit`);
    await page.getByText('只有系统管理员可以查看审计日志').waitFor();
    expect(unexpected()).toEqual([]);
  });

  it('gives the viewer no 用户和角色 menu, and a plain refusal at /users', async () => {
    const { page, errors } = await newPage(browser);
    const unexpected = tolerate(page, errors, []);
    await loginAs(page, server, 'viewer');
    const menu = page.getByRole('menu');
    await menu.getByText('党建驾驶舱').waitFor();
    expect(await menu.getByText('用户和角色').count()).toBe(0);
    expect(await menu.getByText('审计日志').count()).toBe(0);
    await page.goto(`${server.url}/users`);
    await page.getByText('无权访问“用户和角色”').waitFor();
    expect(await page.getByText('没有管理用户和角色的权限').count()).toBe(1);
    expect(await page.getByRole('button', { name: '新建用户' }).count()).toBe(0);
    expect(unexpected()).toEqual([]);
  });
});
