/**
 * The branch secretary's day: the desk lists what is due, a 支委会 is recorded from the desk's "登记会议" with one
 * absentee, it shows in the list and its detail, a date after today is refused under 日期 with nothing saved, and the
 * monitoring for the branch no longer finds this month's 支委会 missing. A viewer sees no button that records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginAs, newPage, screenshot, startWebServer, type WebServer } from '../helpers/browser.js';
import { chineseDate } from '../../src/shared/dates.js';

interface Finding {
  org: string;
  rule: string;
  status: string;
}
interface NoticeBody {
  rows: { org: string; families: Record<string, { met: number; failed: number }> }[];
  findings: Finding[];
}

/** How long to wait for what the page loads (the machine is shared: be patient, assert nothing about time). */
const WAIT = { timeout: 20_000 };

/** Today and tomorrow in China, as the server counts days. */
function chinaDay(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe('the desk and organizational life', () => {
  let server: WebServer;
  let browser: Browser;
  let branch: { code: string; name: string };
  const month = chinaDay().slice(0, 7);
  let topic = `研究本月发展党员工作（浏览器测试${Date.now() % 100000}）`;

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    const account = server.accounts.find((a) => a.username === 'branch')!;
    branch = { code: account.orgCode, name: account.orgName };
    // The story starts with a branch that has not yet held this month's 支委会 (the demo may have held one already).
    const org = await server.ctx.db.selectFrom('organizations').select('id').where('code', '=', branch.code).executeTakeFirstOrThrow();
    const held = await server.ctx.db
      .selectFrom('meetings')
      .select('id')
      .where('org_id', '=', org.id)
      .where('kind', '=', '支委会')
      .where('held_on', '>=', `${month}-01`)
      .execute();
    if (held.length) {
      const ids = held.map((m) => m.id);
      await server.ctx.db.deleteFrom('meeting_absences').where('meeting_id', 'in', ids).execute();
      await server.ctx.db.deleteFrom('meetings').where('id', 'in', ids).execute();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * The UI declares no icon, so Chromium asks for /favicon.ico, which the server answers 404 — logged as a console error
   * once a page stays open long enough. Not this page's error: answer it here.
   */
  async function openPage(): Promise<{ page: Page; errors: string[] }> {
    const opened = await newPage(browser);
    await opened.page.route('**/favicon.ico', (route) => route.fulfill({ status: 204, body: '' }));
    return opened;
  }

  async function notice(page: Page): Promise<NoticeBody> {
    const res = await page.request.get(`${server.url}/api/checks?org=${encodeURIComponent(branch.code)}&period=${month}`);
    expect(res.status()).toBe(200);
    return (await res.json()) as NoticeBody;
  }
  async function meetingTotal(page: Page): Promise<number> {
    const res = await page.request.get(`${server.url}/api/meetings?org=${encodeURIComponent(branch.code)}&limit=1`);
    expect(res.status()).toBe(200);
    return ((await res.json()) as { total: number }).total;
  }
  const committeeMissing = (n: NoticeBody) => n.findings.filter((f) => f.rule === 'life.committee-meeting' && f.org === branch.code);

  it('a branch secretary records a 支委会 from the desk, refuses a future date, and the monitoring sees it', async () => {
    const { page, errors } = await openPage();
    await loginAs(page, server, 'branch');
    await page.waitForURL((u) => u.pathname === '/desk');

    // The desk: this month's 支委会 is due, under 组织生活, with a button that records it.
    const lifeCard = page.getByLabel('组织生活', { exact: true });
    const committeeItem = lifeCard.getByRole('listitem').filter({ hasText: '尚未召开支委会' });
    await expect.poll(() => committeeItem.count(), WAIT).toBe(1);
    expect(await committeeItem.textContent()).toMatch(/还有\d+天|今天到期/);
    expect(await page.getByText('待办合计').count()).toBe(1);
    await screenshot(page, '20-desk-branch');

    const before = await notice(page);
    expect(committeeMissing(before).length).toBeGreaterThan(0);
    const metBefore = before.rows.find((r) => r.org === branch.code)!.families['org-life']!.met;
    const totalBefore = await meetingTotal(page);

    // The committee, counted here from the roster: those holding a 党内职务 in the branch.
    const rosterRes = await page.request.get(`${server.url}/api/members?org=${encodeURIComponent(branch.code)}&subtree=false&limit=1000`);
    const roster = ((await rosterRes.json()) as { items: { name: string; partyPost: string | null }[] }).items;
    const committee = roster.filter((m) => m.partyPost);
    expect(committee.length).toBeGreaterThan(1);
    const absentee = committee.find((m) => m.partyPost !== '书记')!;

    // Record it in under a minute: kind and date are filled in, everyone ticked; untick one, give the reason.
    const started = Date.now();
    await committeeItem.getByRole('button', { name: '登记会议' }).click();
    await page.waitForURL((u) => u.pathname === '/meetings/new');
    expect(new URL(page.url()).searchParams.get('kind')).toBe('支委会');
    await expect.poll(() => page.getByTestId('attendance-summary').textContent(), WAIT).toBe(`应到${committee.length}人，实到${committee.length}人，缺席0人`);
    expect(await page.locator('.ant-form-item').filter({ hasText: '会议类型' }).first().textContent()).toContain('支委会');
    expect(await page.getByLabel('日期').inputValue()).toBe(chineseDate(chinaDay())); // shown in Chinese; typed ISO dates are accepted too
    await page.getByLabel('主题').fill(topic);
    await page.getByRole('group', { name: '出席人员' }).getByRole('checkbox', { name: absentee.name, exact: true }).uncheck();
    await page.getByLabel(`${absentee.name}的缺席原因`).fill('外出务工');
    expect(await page.getByTestId('attendance-summary').textContent()).toBe(`应到${committee.length}人，实到${committee.length - 1}人，缺席1人`);
    await screenshot(page, '21-meeting-form');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL((u) => /^\/meetings\/\d+$/.test(u.pathname));
    console.log(`recorded a 支委会 through the form in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // The detail: the attendance and the absentee with the reason.
    await expect.poll(() => page.getByRole('heading', { name: `支委会：${topic}` }).count(), WAIT).toBe(1);
    expect(await page.getByText(`应到${committee.length}人，实到${committee.length - 1}人`).count()).toBe(1);
    const absentRow = page.getByRole('table', { name: '缺席人员' }).getByRole('row').filter({ hasText: absentee.name });
    expect(await absentRow.textContent()).toContain('外出务工');

    // Correcting it (the record's own allowed actions offer 修改): the form comes back filled, only the topic
    // changes, and the absentee and the reason are kept.
    await page.getByRole('button', { name: /修\s*改/ }).click();
    expect(await page.getByLabel('主题').inputValue()).toBe(topic);
    // The stored attendance is back on the roster once the roster has loaded (saving earlier is checked against none).
    await expect.poll(() => page.getByTestId('attendance-summary').textContent(), WAIT).toBe(`应到${committee.length}人，实到${committee.length - 1}人，缺席1人`);
    topic = `${topic}（更正）`;
    await page.getByLabel('主题').fill(topic);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: `支委会：${topic}` }).count(), WAIT).toBe(1);
    expect(await absentRow.textContent()).toContain('外出务工');

    // The list: it is there, newest first.
    await page.getByRole('button', { name: '返回列表' }).click();
    await page.waitForURL((u) => u.pathname === '/meetings');
    const table = page.getByRole('table', { name: '会议记录' });
    await expect.poll(() => table.getByRole('row').filter({ hasText: topic }).count(), WAIT).toBe(1);
    expect(await table.getByRole('row').filter({ hasText: topic }).textContent()).toContain(absentee.name);
    expect(await meetingTotal(page)).toBe(totalBefore + 1);
    await screenshot(page, '22-meetings-list');

    // A date after today: the error under 日期, and nothing saved.
    await page.getByRole('button', { name: '登记会议' }).click();
    await page.waitForURL((u) => u.pathname === '/meetings/new');
    await page.getByRole('combobox', { name: '会议类型' }).click();
    await page.getByRole('combobox', { name: '会议类型' }).fill('支委会');
    await page.getByRole('combobox', { name: '会议类型' }).press('Enter');
    await expect.poll(() => page.locator('.ant-form-item').filter({ hasText: '会议类型' }).first().textContent(), WAIT).toContain('支委会');
    const tomorrow = chinaDay(1);
    const date = page.getByLabel('日期');
    await date.click();
    await date.fill(tomorrow);
    await date.press('Enter');
    await page.getByLabel('主题').fill('日期有误的会议');
    const dateItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('日期') });
    // The message is under the field: the input names it as its description (aria-describedby).
    expect(await dateItem.count()).toBe(1);
    await expect.poll(() => dateItem.textContent(), WAIT).toContain(`会议日期${tomorrow}晚于今天`);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    const help = page.locator(`[id="${await date.getAttribute('aria-describedby')}"]`);
    await expect.poll(() => help.textContent(), WAIT).toContain(`会议日期${tomorrow}晚于今天`);
    expect(new URL(page.url()).pathname).toBe('/meetings/new');
    expect(await meetingTotal(page)).toBe(totalBefore + 1);

    // The monitoring for this month: the 支委会 is no longer missing. Two more duties of organizational life are met:
    // the month's 支委会 held, and its quorum (more than half of the committee attended: all but one of at least two).
    const after = await notice(page);
    expect(committeeMissing(after)).toEqual([]);
    expect(committee.length - 1).toBeGreaterThan(committee.length / 2);
    expect(after.rows.find((r) => r.org === branch.code)!.families['org-life']!.met).toBe(metBefore + 2);
    // …and the desk no longer lists it.
    await page.getByRole('link', { name: '工作台（待办）' }).click();
    await page.waitForURL((u) => u.pathname === '/desk');
    await expect.poll(() => page.getByLabel('组织生活', { exact: true }).or(page.getByText('工作都已按期落实')).count(), WAIT).toBeGreaterThan(0);
    expect(await page.getByRole('listitem').filter({ hasText: '尚未召开支委会' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a viewer sees the meetings and what is due, but no button that records', async () => {
    const { page, errors } = await openPage();
    await loginAs(page, server, 'viewer');
    await page.goto(`${server.url}/meetings?org=${encodeURIComponent(branch.code)}`);
    const table = page.getByRole('table', { name: '会议记录' });
    await expect.poll(() => table.getByRole('row').filter({ hasText: topic }).count(), WAIT).toBe(1);
    expect(await page.getByRole('button', { name: '登记会议' }).count()).toBe(0);

    await page.goto(`${server.url}/desk?org=${encodeURIComponent(branch.code)}`);
    await expect.poll(() => page.getByText('待办合计').count(), WAIT).toBe(1);
    expect(await page.getByRole('button', { name: '登记会议' }).count()).toBe(0);

    await page.goto(`${server.url}/meetings/new?org=${encodeURIComponent(branch.code)}&kind=支委会`);
    await expect.poll(() => page.getByText('无权登记会议').count(), WAIT).toBe(1);
    expect(await page.getByLabel('主题').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
