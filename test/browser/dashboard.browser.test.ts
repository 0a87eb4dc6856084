/**
 * The dashboard (党建驾驶舱) and the monitoring notice (监测通报) in the browser: the county sees its charts and its
 * townships' lights, narrows to a township by clicking it, opens a figure's records and downloads the notice; the
 * township sees only its own subtree and its branches' to-dos; the viewer sees everything but no write button; the
 * notice lists a red organization's findings.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginAs, newPage, screenshot, startWebServer, type WebServer } from '../helpers/browser.js';

async function childNames(server: WebServer, code: string): Promise<string[]> {
  const parent = await server.ctx.db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  const rows = await server.ctx.db
    .selectFrom('organizations')
    .select('name')
    .where('parent_id', '=', parent.id)
    .where('kind', '!=', '党小组')
    .execute();
  return rows.map((r) => r.name).sort();
}

/** The names on the red/yellow/green map's tiles (each tile's label starts with the organization's full name). */
async function tileNames(page: Page): Promise<string[]> {
  const tiles = page.getByRole('list', { name: '红黄绿分布' }).getByRole('button');
  await expect.poll(() => tiles.count(), { timeout: 30_000 }).toBeGreaterThan(0);
  const labels = await tiles.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return labels.map((l) => l.split('，')[0]!).sort();
}

async function chartsDrawn(page: Page, atLeast: number): Promise<void> {
  await expect.poll(() => page.locator('canvas').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(atLeast);
}

/**
 * A new page. The UI has no favicon yet (web/index.html), and Chromium's request for /favicon.ico is logged as a
 * console error when it lands after the page loads: answer it here so `errors` holds this page's errors only.
 */
async function open(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const opened = await newPage(browser);
  await opened.page.context().route('**/favicon.ico', (route) => route.fulfill({ status: 204, body: '' }));
  return opened;
}

describe('the dashboard and the monitoring notice', () => {
  let server: WebServer;
  let browser: Browser;
  const account = (name: string) => server.accounts.find((a) => a.username === name)!;
  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('county: charts, its townships’ lights, a figure’s records, the notice as a workbook, and a township narrowed to', async () => {
    const county = account('county');
    const town = account('town');
    const { page, errors } = await open(browser);
    await loginAs(page, server, 'county');
    await page.waitForURL((u) => u.pathname === '/dashboard');
    await expect.poll(() => page.getByRole('heading', { level: 3 }).first().textContent()).toContain(county.orgName);
    expect(await tileNames(page)).toEqual(await childNames(server, county.orgCode));
    // Charts: families, organizations, sectors, development, rectification, dues — and the trend once its 6 months are in.
    await chartsDrawn(page, 6);
    await page.getByRole('img', { name: '近6个月综合落实率趋势' }).waitFor({ timeout: 60_000 });
    await chartsDrawn(page, 7);
    // The county may open a suggested weak organization as a case.
    await expect.poll(() => page.getByRole('button', { name: '列入排查' }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await screenshot(page, '10-dashboard-county');

    // A figure drills down to its records: as many as the figure counts.
    const stat = page.getByRole('button', { name: /^确定入党积极分子：\d+名/ });
    const shown = Number(/：(\d+)名/.exec((await stat.getAttribute('aria-label'))!)![1]);
    expect(shown).toBeGreaterThan(0);
    await stat.click();
    const drawer = page.getByRole('dialog', { name: /确定入党积极分子：所依据的记录/ });
    await expect.poll(() => drawer.getByText(`共${shown}条`).count(), { timeout: 30_000 }).toBe(1);
    expect(await drawer.getByRole('row').count()).toBeGreaterThan(1);
    await drawer.getByRole('button', { name: /Close|关闭/ }).click();

    // The monthly notice downloads as a workbook.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载监测通报/ }).click()]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(readFileSync((await file.path())!).subarray(0, 2).toString()).toBe('PK');

    // Clicking a township's tile narrows the whole dashboard to it.
    await page.getByRole('list', { name: '红黄绿分布' }).getByRole('button', { name: new RegExp(`^${town.orgName}，`) }).click();
    await page.waitForURL((u) => u.searchParams.get('org') === town.orgCode);
    await expect.poll(() => page.getByRole('heading', { level: 3 }).first().textContent()).toContain(town.orgName);
    expect(await tileNames(page)).toEqual(await childNames(server, town.orgCode));
    expect(errors).toEqual([]);
  });

  it('township: only its own subtree’s branches, and what they owe this month', async () => {
    const town = account('town');
    const { page, errors } = await open(browser);
    await loginAs(page, server, 'town');
    await page.waitForURL((u) => u.pathname === '/dashboard');
    await expect.poll(() => page.getByRole('heading', { level: 3 }).first().textContent()).toContain(town.orgName);
    const own = await childNames(server, town.orgCode);
    expect(await tileNames(page)).toEqual(own);
    // No other township appears anywhere on the map.
    const others = (await childNames(server, account('county').orgCode)).filter((n) => n !== town.orgName);
    const text = (await page.getByRole('list', { name: '红黄绿分布' }).textContent()) ?? '';
    for (const name of others) expect(text).not.toContain(name);
    await page.getByText('本月各支部待办').waitFor();
    await chartsDrawn(page, 6);
    await page.getByRole('img', { name: '近6个月综合落实率趋势' }).waitFor({ timeout: 60_000 });
    await screenshot(page, '11-dashboard-town');
    expect(errors).toEqual([]);
  });

  it('viewer: the same dashboard, without a write button', async () => {
    const viewer = account('viewer');
    const { page, errors } = await open(browser);
    await loginAs(page, server, 'viewer');
    await page.waitForURL((u) => u.pathname === '/dashboard');
    await expect.poll(() => page.getByRole('heading', { level: 3 }).first().textContent()).toContain(viewer.orgName);
    await chartsDrawn(page, 6);
    // The suggestions have loaded (their count is shown) and none can be opened as a case.
    await page.getByText(/数据提示\d+个/).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: '列入排查' }).count()).toBe(0);
    // Reading stays open to the viewer: the notice can still be downloaded.
    expect(await page.getByRole('button', { name: /下载监测通报/ }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('the monitoring notice: the table with lights in words, and a red organization’s findings', async () => {
    const { page, errors } = await open(browser);
    await loginAs(page, server, 'county');
    await page.goto(`${server.url}/compliance?light=red&levels=all`);
    await expect.poll(() => page.getByRole('heading', { level: 3 }).first().textContent()).toContain('监测通报');
    // The organizations' rows are those with a link (the organization's name).
    const rows = page.getByRole('row').filter({ has: page.getByRole('link') });
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // Every row shown is red, said in words.
    for (const text of await rows.allTextContents()) expect(text).toContain('红灯');
    await screenshot(page, '12-compliance');
    const first = rows.first().getByRole('link').first();
    const name = (await first.textContent())!;
    await first.click();
    await page.waitForURL((u) => u.searchParams.has('findings'));
    const drawer = page.getByRole('dialog', { name: new RegExp(`${name}：存在的问题`) });
    await expect.poll(() => drawer.getByRole('row').filter({ hasText: /已逾期|未落实|违规|即将到期/ }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const text = (await drawer.textContent()) ?? '';
    expect(text).toMatch(/已逾期|未落实|违规/);
    expect(text).toMatch(/《[^》]+》/);
    await screenshot(page, '12-compliance-findings');
    expect(errors).toEqual([]);
  });
});
