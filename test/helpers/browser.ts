/**
 * Driving the web UI in a real browser: a small demo county (the same generator as `npm start`, fewer members) in a
 * SQLite file, the real server (API and the built UI from dist/web) on a free port, and Debian's Chromium through
 * playwright-core (never a downloaded browser). Screenshots go to screenshots/ at the repository root (not committed).
 *
 * Browser tests run on SQLite only: the UI is the same over either engine, and every API route it calls is tested on
 * both engines in test/e2e.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createDemoAccounts, DEMO_PASSWORD, type DemoAccount } from '../../src/modules/demo/demo-accounts.js';
import { generateDemo } from '../../src/modules/demo/generate-demo.js';
import { SYSTEM_ACTOR } from '../../src/modules/access/actor.js';
import { buildApp } from '../../src/server/app.js';
import { systemClock } from '../../src/shared/clock.js';
import { plainVault } from '../../src/shared/id-vault.js';
import type { Ctx } from '../../src/context.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOT_DIR = join(ROOT, 'screenshots');
export const CHROMIUM = process.env.DANGJIAN_CHROMIUM ?? '/usr/bin/chromium';
export { DEMO_PASSWORD };

export interface WebServer {
  url: string;
  ctx: Ctx;
  app: FastifyInstance;
  handle: DatabaseHandle;
  countyCode: string;
  accounts: DemoAccount[];
  close(): Promise<void>;
}

/** A small demo county (about `members` members) and the server on it; the UI must have been built (npm run build). */
export async function startWebServer(opts: { members?: number } = {}): Promise<WebServer> {
  if (!existsSync(join(ROOT, 'dist', 'web', 'index.html'))) {
    throw new Error('dist/web is missing: run `npm run build` before the browser tests');
  }
  const dir = mkdtempSync(join(tmpdir(), 'dangjian-web-'));
  const handle = openDatabase({ engine: 'sqlite', file: join(dir, 'web.db') });
  await migrateToLatest(handle.db);
  const ctx: Ctx = { db: handle.db, clock: systemClock, actor: SYSTEM_ACTOR, vault: plainVault };
  const summary = await generateDemo(ctx, { members: opts.members ?? 1500 });
  const accounts = await createDemoAccounts(ctx, summary.countyCode);
  const app = await buildApp({ ctx, cookieSecure: false, loginRate: { max: 1000, windowMs: 60_000 } });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    ctx,
    app,
    handle,
    countyCode: summary.countyCode,
    accounts,
    close: async () => {
      await app.close();
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/** A new page (tablet or desktop size) with console errors collected, for the test to assert there were none. */
export async function newPage(browser: Browser, size: 'desktop' | 'tablet' = 'desktop'): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: size === 'desktop' ? { width: 1366, height: 900 } : { width: 820, height: 1180 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // 401 from /api/auth/me before login is expected; anything else logged as an error is a failure.
    if (m.type() === 'error' && !/401|Unauthorized/.test(m.text())) errors.push(m.text());
  });
  return { page, errors };
}

/** Logs in through the login form as a demo account and waits for the home page. */
export async function loginAs(page: Page, server: WebServer, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Saves a full-page screenshot as screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
