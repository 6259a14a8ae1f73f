import type { Page } from 'playwright-core';
import { MODERATOR_ROLES, type StaffRole } from '@minqing/shared';
import { DEMO_ACCOUNTS } from '../../../server/src/db/seed/staff';
import { DEMO_VILLAGE, createCitizen, staffAct, staffLogin, submitReportAs } from '../../../e2e/harness';
import type { StaffUsername } from '../../../e2e/harness';
import { openScreen, screenshot, useAdminE2e } from './adminHarness';

/** Every 403 the page meets, and the console's errors, while it is watched. */
function watchRefusals(page: Page): { refused: string[]; consoleErrors: string[] } {
  const watched = { refused: [] as string[], consoleErrors: [] as string[] };
  page.on('response', (response) => {
    if (response.status() === 403)
      watched.refused.push(`${response.request().method()} ${new URL(response.url()).pathname}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watched.consoleErrors.push(message.text());
  });
  return watched;
}

/** Whether the demo account sees 内容审核 in the report drawer. */
function moderates(username: StaffUsername): boolean {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.username === username);
  return (MODERATOR_ROLES as readonly StaffRole[]).includes(account!.role);
}

describe('what a township clerk meets in the admin panel (1440×900)', () => {
  const e2e = useAdminE2e();

  it.each<StaffUsername>(['chengguan', 'gongdian', 'county', 'cadre'])(
    'opens a report drawer as %s without a single 403',
    async (username) => {
      const villager = await createCitizen(e2e.origin, { villageCode: DEMO_VILLAGE.code });
      const written = '五一村二组路灯不亮好几天了';
      const report = await submitReportAs(villager, {
        serviceCode: 'direct',
        villageCode: DEMO_VILLAGE.code,
        text: written,
        withPhoto: true,
      });
      const station = await staffLogin(e2e.origin, 'gongdian');
      await staffAct(await staffLogin(e2e.origin, 'chengguan'), report.id, {
        action: 'assign',
        departmentId: station.login.staff.departmentId!,
      });

      const { page, pageErrors } = await e2e.signIn(username);
      const watched = watchRefusals(page);
      await openScreen(page, `queue?tab=all&report=${report.id}`);
      const drawer = page.locator('.ant-drawer-content').filter({ hasText: `事项 ${report.serialNo}` });
      const text = drawer.getByText(written);
      if (moderates(username)) {
        // Demo mode has no WeChat check, so the public report's text also waits in the 内容审核 notice.
        await drawer.getByRole('alert').filter({ hasText: '内容审核' }).getByText(written).waitFor();
        expect(await text.count()).toBe(2);
      } else {
        await text.waitFor();
      }
      await drawer.getByText('暂无内部备注').waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, `clerk-drawer-${username}`);
      expect(watched.refused).toEqual([]);
      expect(watched.consoleErrors.filter((text) => text.includes('403'))).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
  );

  it("lists the township's own stations before the county bureaus in the dispatch picker", async () => {
    const { page, pageErrors } = await e2e.signIn('chengguan');
    await page.getByRole('menuitem', { name: '分派' }).click();
    await page.locator('.ant-select').filter({ hasText: '承办部门' }).click();
    await page.keyboard.type('民政');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    expect(await options.allInnerTexts()).toEqual(['城关镇民政办', '县民政局']);
    const groups = await page.locator('.ant-select-dropdown:visible .ant-select-item-group').allInnerTexts();
    expect(groups).toEqual(['本镇', '县直']);
    await screenshot(page, 'clerk-dispatch-picker');
    await page.keyboard.press('Enter');
    await page.locator('.ant-select').filter({ hasText: '城关镇民政办' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('rings the bell for a 督办 and opens its report from the message centre', async () => {
    const villager = await createCitizen(e2e.origin, { villageCode: DEMO_VILLAGE.code });
    const report = await submitReportAs(villager, {
      serviceCode: 'direct',
      villageCode: DEMO_VILLAGE.code,
      text: '五一村三组水渠堵了，一直没人管',
    });
    const dispatcher = await staffLogin(e2e.origin, 'chengguan');
    const station = await staffLogin(e2e.origin, 'gongdian');
    await staffAct(dispatcher, report.id, { action: 'assign', departmentId: station.login.staff.departmentId! });
    await staffAct(await staffLogin(e2e.origin, 'county'), report.id, {
      action: 'escalate',
      note: '群众多次反映，请加快办理',
    });

    const { page, pageErrors } = await e2e.signIn('chengguan');
    const bell = page.getByRole('button', { name: /^消息中心，\d+ 条未读$/ });
    await bell.waitFor();
    const unreadBefore = Number((await bell.getAttribute('aria-label'))?.match(/\d+/)?.[0]);
    await bell.click();
    const centre = page.locator('.ant-drawer-content').filter({ hasText: '消息中心' });
    const message = centre.locator('.ant-list-item').filter({ hasText: report.serialNo }).first();
    await message.waitFor();
    await message.getByText('督办', { exact: true }).waitFor();
    await screenshot(page, 'clerk-message-centre');
    await message.click();
    // The message centre closes; the report's own drawer opens over the queue.
    await centre.waitFor({ state: 'hidden' });
    await page
      .getByRole('dialog', { name: `事项 ${report.serialNo}` })
      .getByText('五一村三组水渠堵了，一直没人管')
      // Shown as the report's content, and again in the 内容审核 notice while the text awaits review.
      .first()
      .waitFor();
    const after = unreadBefore - 1;
    await page.getByRole('button', { name: after ? `消息中心，${after} 条未读` : '消息中心' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('shows the attachment field as its button only, without a bare file input', async () => {
    const { page, pageErrors } = await e2e.signIn('chengguan');
    await page.getByRole('menuitem', { name: '公告' }).click();
    await page.getByRole('button', { name: /新建公告/ }).click();
    await page.getByPlaceholder('请填写标题').fill('城关镇关于春季防汛的通知');
    await page.locator('.ant-form-item').filter({ hasText: '栏目' }).locator('.ant-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '政务公告' }).click();
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('请各村做好防汛准备。');
    await page.getByRole('button', { name: /保存草稿/ }).click();
    const add = page.getByRole('button', { name: /添加附件/ });
    await add.waitFor();
    const fileInputs = page.locator('input[type="file"]');
    expect(await fileInputs.count()).toBeGreaterThan(0);
    for (const input of await fileInputs.all()) expect(await input.isVisible()).toBe(false);
    await screenshot(page, 'clerk-attachment-field');
    expect(pageErrors).toEqual([]);
  });
  it('keeps every column of the work queue within reach on a 1366×768 office screen', async () => {
    const villager = await createCitizen(e2e.origin, { villageCode: DEMO_VILLAGE.code });
    await submitReportAs(villager, {
      serviceCode: 'direct',
      villageCode: DEMO_VILLAGE.code,
      text: '村口水管漏水好几天了',
    });
    const { page, pageErrors } = await e2e.signIn('chengguan');
    await page.setViewportSize({ width: 1366, height: 768 });
    await openScreen(page, 'queue?tab=all');
    await page.locator('.ant-table-row').first().waitFor();
    // The page itself never scrolls sideways; the table does, inside its own frame.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    const lastHeader = page.locator('.ant-table-thead th').filter({ hasText: '办结时限' });
    await lastHeader.scrollIntoViewIfNeeded();
    const box = await lastHeader.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
    await screenshot(page, 'clerk-queue-1366');
    expect(pageErrors).toEqual([]);
  });

  it('offers the page size under the work queue, and pages by it', async () => {
    const { page, pageErrors } = await e2e.signIn('chengguan');
    await openScreen(page, 'queue?tab=all');
    await page.locator('.ant-table-row').first().waitFor();
    // The page-size select is fetched when the pager is first drawn (vite.config.ts DRAWN_LATER).
    const sizeChanger = page.locator('.ant-pagination-options .ant-select');
    await sizeChanger.waitFor();
    await expect(sizeChanger.textContent()).resolves.toContain('20 条/页');
    await sizeChanger.click();
    const asked = page.waitForRequest((request) => /\/staff\/reports\?.*pageSize=10/.test(request.url()));
    await page.locator('.ant-select-item-option').filter({ hasText: '10 条/页' }).click();
    await asked;
    await expect(sizeChanger.textContent()).resolves.toContain('10 条/页');
    expect(pageErrors).toEqual([]);
  });
});
