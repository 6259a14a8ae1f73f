import type { Page } from 'playwright-core';
import { DEMO_STAFF_PASSWORD } from '../../server/src/db/seed/staff';
import {
  DEMO_VILLAGE,
  TEST_PHOTO_PNG,
  currentPage,
  goBack,
  openTab,
  screenshot,
  settle,
  useE2e,
} from '../../e2e/harness';
import { auditSizes, describeOffenders } from './sizeAudit';

async function signIn(page: Page, username: string): Promise<void> {
  const me = await openTab(page, '我的');
  await me.getByRole('button', { name: '工作人员登录' }).click();
  const login = currentPage(page);
  await login.locator('input[placeholder="请输入账号"]').fill(username);
  await login.locator('input[placeholder="请输入密码"]').fill(DEMO_STAFF_PASSWORD);
  await login.getByRole('button', { name: '登录' }).click();
}

/** API answers the staff member's screens got refused with (a 403 would mean a screen calls a route not meant for them). */
function refusals(page: Page): string[] {
  const refused: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/v1/') && response.status() >= 400)
      refused.push(`${response.status()} ${response.url()}`);
  });
  return refused;
}

describe('工作台: 住户走访 and 代报 in the field', () => {
  const e2e = useE2e();

  it('wangge opens a household of 五一村第一网格, records a visit with a photo and 同时代报, and finds the 代报 under 我代报的', async () => {
    const { page, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    const refused = refusals(page);
    await signIn(page, 'wangge');

    const home = currentPage(page);
    await home.getByRole('tab', { name: /^待签收/ }).waitFor();
    await home.getByRole('button', { name: /^住户走访/ }).click();

    const households = currentPage(page);
    const elderly = households.getByRole('listitem').filter({ hasText: '李德顺' });
    await elderly.getByText('独居老人').waitFor();
    await screenshot(page, 'workbench-households-1-list');
    await elderly.click();

    const household = currentPage(page);
    await household.getByText('走访记录', { exact: true }).waitFor();
    const note = '李德顺老人说厨房屋顶漏雨，下雨天没法做饭';
    await household.locator('textarea').fill(note);
    const camera = page.waitForEvent('filechooser');
    await household.getByText('📷 拍照').click();
    await (await camera).setFiles({ name: 'roof.png', mimeType: 'image/png', buffer: TEST_PHOTO_PNG });
    await household.getByRole('img').first().waitFor();
    await household.getByRole('checkbox', { name: '同时代报' }).click();
    await screenshot(page, 'workbench-households-2-visit');
    await household.getByRole('button', { name: '保存走访并代报' }).click();

    await page.getByText('走访已记录，已代报').waitFor();
    await page.getByText('留在本页', { exact: true }).click();
    await household.getByRole('listitem').filter({ hasText: note }).waitFor();
    await screenshot(page, 'workbench-households-3-visited');

    await goBack(page);
    await goBack(page);
    await settle(page);
    const back = currentPage(page);
    await back.getByRole('tab', { name: /^我代报的/ }).click();
    await back.getByRole('listitem').filter({ hasText: note }).waitFor();
    await screenshot(page, 'workbench-households-4-filed');
    expect(refused).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('sanxian, a 三线成员, sees their households and their visits instead of a report queue, without errors', async () => {
    const { page, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    const refused = refusals(page);
    await signIn(page, 'sanxian');

    const home = currentPage(page);
    await home.getByRole('button', { name: /^我的住户/ }).click();
    const households = currentPage(page);
    await households.getByRole('listitem').filter({ hasText: '李德顺' }).waitFor();
    expect(await households.getByRole('listitem').count()).toBeGreaterThan(0);
    await screenshot(page, 'workbench-households-5-sanxian');
    await goBack(page);
    expect(await currentPage(page).getByRole('tab').count()).toBe(0);
    await currentPage(page)
      .getByRole('button', { name: /^走访记录/ })
      .click();
    await currentPage(page)
      .getByText(/^走访人 何建国/)
      .first()
      .waitFor();
    await screenshot(page, 'workbench-households-6-sanxian-visits');
    expect(refused).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('in 关怀模式 the signed-in 三线成员’s 工作台, households, a household, 走访记录 and 代报 show text ≥ 24 px and targets ≥ 48 px', async () => {
    const { page, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    const me = await openTab(page, '我的');
    await me.getByRole('button', { name: /^关怀模式/ }).click();
    await currentPage(page)
      .getByRole('button', { name: /^开启关怀模式/ })
      .click();
    await currentPage(page).getByText('现在：已开启').waitFor();
    await goBack(page);
    await signIn(page, 'sanxian');

    const offenders: string[] = [];
    const audit = async (name: string) => {
      await settle(page);
      const sizes = await auditSizes(page, { minFontPx: 24, minTargetPx: 48 });
      offenders.push(...describeOffenders(name, sizes.smallText), ...describeOffenders(name, sizes.smallTargets));
      await screenshot(page, `workbench-households-care-${name}`);
    };
    const home = currentPage(page);
    await home.getByRole('button', { name: /^我的住户/ }).waitFor();
    await audit('home');
    await home.getByRole('button', { name: /^我的住户/ }).click();
    await currentPage(page).getByRole('listitem').filter({ hasText: '李德顺' }).click();
    await currentPage(page).getByText('走访记录', { exact: true }).waitFor();
    await currentPage(page).getByRole('listitem').first().waitFor();
    await audit('household');
    await goBack(page);
    await audit('households');
    await goBack(page);
    await currentPage(page)
      .getByRole('button', { name: /^走访记录/ })
      .click();
    await currentPage(page).getByRole('listitem').first().waitFor();
    await audit('visits');
    await goBack(page);
    await currentPage(page).getByRole('button', { name: /^代报/ }).click();
    await currentPage(page).getByRole('radio', { name: '李德顺' }).waitFor();
    await audit('onbehalf');
    expect(offenders).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
