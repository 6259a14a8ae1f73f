/**
 * End-to-end harness for the staff admin panel: the demo server of e2e/harness.ts (the real
 * app on a fresh seeded SQLite file, serving server/admin/dist at /admin/), Debian's Chromium on a
 * desktop-sized window, one fresh browser context per signed-in staff member, and screenshots in
 * test-artifacts/admin/.
 *
 *   const e2e = useAdminE2e();
 *   const page = await e2e.signIn('chengguan');     // on the first screen of the menu
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_STAFF_PASSWORD } from '../../../server/src/db/seed/staff';
import { REPO_ROOT, UI_TIMEOUT_MS, type StaffUsername, useServerAndBrowser } from '../../../e2e/harness';

export const ADMIN_DIR = path.join(REPO_ROOT, 'server', 'admin', 'dist');
const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-artifacts', 'admin');

const DESKTOP = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } as const;

export interface SignedInPage {
  page: Page;
  /** Uncaught errors in the page, for the test to show when something fails. */
  pageErrors: string[];
}

export interface AdminE2e {
  readonly origin: string;
  /** A fresh browser context signed in through the login form as a demo staff member. */
  signIn(username: StaffUsername): Promise<SignedInPage>;
}

/** Registers the hooks of one test file: server and browser for the file, contexts closed after each test. */
export function useAdminE2e(): AdminE2e {
  beforeAll(() => {
    if (!fs.existsSync(path.join(ADMIN_DIR, 'index.html'))) {
      throw new Error(
        'The admin panel is not built (server/admin/dist/index.html): `npm run build:admin`; `npm test` does this before jest.',
      );
    }
  });
  const { running, track } = useServerAndBrowser();

  return {
    get origin() {
      return running().server.origin;
    },
    async signIn(username) {
      const { server: demo, browser: chromiumBrowser } = running();
      const context = track(await chromiumBrowser.newContext({ ...DESKTOP, baseURL: demo.origin }));
      context.setDefaultTimeout(UI_TIMEOUT_MS);
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto('/admin/', { waitUntil: 'load' });
      await page.getByLabel('账号').fill(username);
      await page.getByLabel('密码').fill(DEMO_STAFF_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByRole('button', { name: /退出登录/ }).waitFor();
      return { page, pageErrors };
    },
  };
}

/** Opens a screen of the panel by its hash (`queue`, `triage`, `stats?from=…`). */
export async function openScreen(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = `/${target}`;
  }, hash);
}

/** A full-page PNG in test-artifacts/admin/ (not committed). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
