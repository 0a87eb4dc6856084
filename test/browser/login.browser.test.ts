/**
 * Logging in as each demo role: each lands on its home page, sees its own organization at the top of the tree and
 * nothing outside it, and a wrong password is refused with the server's message. The keyboard alone suffices to sign
 * in, move between pages and open and close a form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, loginAs, newPage, screenshot, startWebServer, type WebServer } from '../helpers/browser.js';

/**
 * What has the keyboard focus: an attribute of it, its text, or whether it is inside a dialog ('' when nothing has
 * it — a Tab can pass through the page's end to the browser itself, which a `:focus` locator would wait on).
 */
function focused(page: Page, what: 'autocomplete' | 'href' | 'text' | 'inDialog'): Promise<string> {
  const expression: Record<typeof what, string> = {
    autocomplete: "document.activeElement?.getAttribute('autocomplete') ?? ''",
    href: "document.activeElement?.getAttribute('href') ?? ''",
    text: "document.activeElement?.textContent ?? ''",
    inDialog: "String(!!document.activeElement?.closest('[role=dialog]'))",
  };
  return page.evaluate<string>(expression[what]);
}

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

  it('works from the keyboard alone: sign in, move through the menu, open a form and close it with Escape', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.url}/login`);
    // The user name has the focus; Tab moves to the password, Enter signs in.
    await expect.poll(() => focused(page, 'autocomplete')).toBe('username');
    await page.keyboard.type('branch');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page, 'autocomplete')).toBe('current-password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/desk');

    // Tab reaches the menu's link to the roster (党员), and Enter follows it.
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await focused(page, 'href')).startsWith('/members');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname.startsWith('/members'));

    // Tab reaches 登记党员, Enter opens its drawer with the focus inside, Escape closes it.
    reached = false;
    for (let i = 0; i < 200 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = /登记党员/.test(await focused(page, 'text'));
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog');
    await drawer.waitFor();
    await expect.poll(() => focused(page, 'inDialog')).toBe('true');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  });
});
