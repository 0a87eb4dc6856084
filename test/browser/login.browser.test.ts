/**
 * Logging in as each demo role: each lands on its home page, sees its own organization at the top of the tree and
 * nothing outside it, and a wrong password is refused with the server's message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, loginAs, newPage, screenshot, startWebServer, type WebServer } from '../helpers/browser.js';

describe('signing in to the web UI', () => {
  let server: WebServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses a wrong password with the server’s message, and keeps the user on the login page', async () => {
    const { page } = await newPage(browser);
    await page.goto(`${server.url}/dashboard`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('用户名').fill('county');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/用户名或密码/);
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, '00-login');
  });

  it.each([
    ['county', '/dashboard'],
    ['town', '/dashboard'],
    ['branch', '/desk'],
    ['viewer', '/dashboard'],
  ])('%s lands on %s and the tree shows its own organization only', async (username, home) => {
    const account = server.accounts.find((a) => a.username === username)!;
    const { page, errors } = await newPage(browser);
    await loginAs(page, server, username);
    await page.waitForURL((u) => u.pathname === home);
    const tree = page.getByLabel('组织树');
    await expect.poll(() => tree.getByRole('treeitem').first().textContent()).toContain(account.orgName);
    // The tree's top is the account's own organization: nothing above or beside it.
    const names = await tree.getByRole('treeitem').allTextContents();
    expect(names[0]).toContain(account.orgName);
    expect(errors).toEqual([]);
  });
});
