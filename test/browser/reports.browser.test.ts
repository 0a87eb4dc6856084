/**
 * Reports in the browser: the county generates last year's annual report, sees it laid out as a 公文 (title, numbered
 * headings), opens a figure's evidence, writes the first narrative slot (kept across a reload) and downloads the DOCX
 * with it; a branch secretary asking for the county's report is told it is not found; an organization without any
 * record gets the plain statement that there is nothing to count.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import yauzl from 'yauzl';
import { createOrg } from '../../src/modules/orgs/create-org.js';
import { launchBrowser, loginAs, newPage, screenshot, SCREENSHOT_DIR, startWebServer, type WebServer } from '../helpers/browser.js';

/** One entry of a zip file (a DOCX) as text. */
function zipEntry(buffer: Buffer, name: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(null));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Picks an option of an antd Select: opens it (its shown value covers the input, hence force) and clicks the option. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click({ force: true });
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

const LAST_YEAR = String(new Date().getFullYear() - 1);
const EMPTY_ORG = { code: 'ZZEMPTY', name: '中共青禾测试园区工作委员会' };

describe('reports in the web UI', () => {
  let server: WebServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    // An organization set up this year with no record at all: its report for last year has nothing to count.
    await createOrg(server.ctx, { code: EMPTY_ORG.code, name: EMPTY_ORG.name, parentCode: server.countyCode, kind: '党工委', sector: '机关', establishedOn: `${new Date().getFullYear()}-06-01` });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('previews last year’s annual report, explains a figure, keeps a narrative and writes it into the DOCX', async () => {
    const county = server.accounts.find((a) => a.username === 'county')!;
    const { page, errors } = await newPage(browser);
    // The UI declares no icon: Chromium asks for /favicon.ico on a reload and logs the 404 as an error.
    await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
    await loginAs(page, server, 'county');
    await page.goto(`${server.url}/reports?org=${encodeURIComponent(county.orgCode)}`);
    await expect.poll(() => page.getByText('点击“生成预览”').count()).toBeGreaterThan(0);

    await choose(page, '报告类型', '年度党建工作报告');
    await page.getByRole('radio', { name: '年度' }).check();
    await choose(page, '年份', `${LAST_YEAR}年`);
    await page.getByRole('button', { name: /生成预览/ }).click();

    const preview = page.getByRole('article', { name: '报告预览' });
    const title = preview.getByRole('heading', { level: 1 });
    await title.waitFor({ timeout: 60_000 });
    expect(await title.textContent()).toContain(county.orgName);
    expect(await title.textContent()).toContain(`${LAST_YEAR}年`);
    const headings = await preview.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings[0]).toMatch(/^一、/);
    expect(headings[1]).toMatch(/^二、/);
    expect(await preview.getByRole('heading', { level: 3 }).first().textContent()).toMatch(/^（一）/);
    expect(await page.getByText('附：数据说明').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('period')).toBe(LAST_YEAR);
    await screenshot(page, '40-report-preview');

    // A figure with records behind it: its link opens the drawer with its computation and the records, paged.
    const figures = preview.getByRole('button', { name: /：\d/ });
    const count = await figures.count();
    expect(count).toBeGreaterThan(10);
    let opened = false;
    for (let i = 0; i < count && !opened; i++) {
      const link = figures.nth(i);
      const name = (await link.getAttribute('aria-label'))!;
      const [label] = name.split('：');
      await link.click();
      const drawer = page.getByRole('dialog');
      await drawer.getByText('依据的记录', { exact: true }).waitFor();
      expect(await drawer.textContent()).toContain(label!);
      await expect.poll(() => drawer.getByText(/共\s*\d+\s*条/).count()).toBeGreaterThan(0);
      const total = Number(/共\s*(\d+)\s*条/.exec((await drawer.getByText(/共\s*\d+\s*条/).first().textContent()) ?? '')?.[1] ?? 0);
      if (total > 0) {
        expect(await drawer.textContent()).toContain('系统计算');
        const rows = drawer.getByRole('table').last().locator('tbody tr:not([aria-hidden])');
        await expect.poll(() => rows.count()).toBe(Math.min(total, 20));
        for (const header of ['编号', '组织', '日期', '内容']) expect(await drawer.getByRole('columnheader', { name: header }).count()).toBeGreaterThan(0);
        // The drawer as the user sees it (a full-page capture would place the fixed drawer mid-document).
        await page.screenshot({ path: join(SCREENSHOT_DIR, '41-evidence-drawer.png') });
        opened = true;
      }
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
    }
    expect(opened).toBe(true);

    // The first narrative slot, written in place; kept across a reload (same organization, period and genre).
    const typed = '坚持以党的政治建设为统领，推动各项工作落地见效（浏览器测试撰写）';
    await preview.getByRole('button', { name: /^撰写：/ }).first().click();
    await page.getByRole('textbox', { name: /^撰写内容：/ }).fill(typed);
    await page.keyboard.press('Tab');
    expect(await preview.getByText(typed).count()).toBe(1);
    await page.reload();
    await preview.getByRole('heading', { level: 1 }).waitFor({ timeout: 60_000 });
    expect(await preview.getByText(typed).count()).toBe(1);

    // The DOCX carries what was written.
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载 Word/ }).click()]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = readFileSync((await docx.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = (await zipEntry(bytes, 'word/document.xml')) ?? '';
    expect(xml.replace(/<[^>]+>/g, '')).toContain(typed);

    expect(errors).toEqual([]);
  });

  it('tells a branch secretary the county’s report is not found', async () => {
    const { page, errors } = await newPage(browser);
    await loginAs(page, server, 'branch');
    await page.goto(`${server.url}/reports?org=${encodeURIComponent(server.countyCode)}&period=${LAST_YEAR}&template=annual`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toMatch(/不存在/);
    expect(await alert.textContent()).toContain(server.countyCode);
    expect(await page.getByRole('article', { name: '报告预览' }).count()).toBe(0);
    // The API says the same to a direct request.
    const res = await page.request.get(`${server.url}/api/reports?org=${encodeURIComponent(server.countyCode)}&period=${LAST_YEAR}`);
    expect(res.status()).toBe(404);
    // 404 responses are logged by the browser as failed resources: nothing else may be.
    expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
  });

  it('says plainly that an organization without records has nothing to count', async () => {
    const { page, errors } = await newPage(browser);
    await loginAs(page, server, 'county');
    await page.goto(`${server.url}/reports`);
    await page.getByLabel('组织', { exact: true }).click({ force: true });
    await page.getByLabel('组织', { exact: true }).fill('测试园区');
    await page.locator('.ant-select-dropdown:visible').getByTitle(EMPTY_ORG.name).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('org')).toBe(EMPTY_ORG.code);
    await choose(page, '年份', `${LAST_YEAR}年`);
    await page.getByRole('button', { name: /生成预览/ }).click();
    await expect.poll(() => page.getByText(/没有可以统计的工作记录/).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await page.getByText(`${EMPTY_ORG.name}${LAST_YEAR}年（${LAST_YEAR}年1月1日至${LAST_YEAR}年12月31日）没有可以统计的工作记录`, { exact: false }).count()).toBe(1);
    expect(await page.getByRole('article', { name: '报告预览' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
