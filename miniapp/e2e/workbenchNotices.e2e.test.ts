import { StaffNoticePageSchema } from '@minqing/shared';
import { DEMO_STAFF_PASSWORD } from '../../server/src/db/seed/staff';
import {
  DEMO_VILLAGE,
  TEST_PHOTO_PNG,
  currentPage,
  h5Path,
  openTab,
  screenshot,
  staffLogin,
  useE2e,
} from '../../e2e/harness';

describe('工作台: a village cadre publishes a notice from the phone', () => {
  const e2e = useE2e();

  it('cadre photographs the paper notice and publishes it to 五一村; a villager of 五一村 reads it and the cadre sees the read', async () => {
    const { page, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    const title = '五一村冬季防火安全告知';

    const me = await openTab(page, '我的');
    await me.getByRole('button', { name: '工作人员登录' }).click();
    const login = currentPage(page);
    await login.locator('input[placeholder="请输入账号"]').fill('cadre');
    await login.locator('input[placeholder="请输入密码"]').fill(DEMO_STAFF_PASSWORD);
    await login.getByRole('button', { name: '登录' }).click();

    await currentPage(page)
      .getByRole('button', { name: /^政务村务公告/ })
      .click();
    await currentPage(page)
      .getByRole('button', { name: /^发布新公告/ })
      .click();
    const compose = currentPage(page);
    await compose.locator('input[placeholder^="例如"]').fill(title);
    const camera = page.waitForEvent('filechooser');
    await compose.getByText('📷 拍照').click();
    await (await camera).setFiles({ name: 'paper-notice.png', mimeType: 'image/png', buffer: TEST_PHOTO_PNG });
    await compose.getByRole('img').first().waitFor();
    await compose.getByRole('radio', { name: '村务公开' }).click();
    await screenshot(page, 'workbench-notice-1-compose');
    await compose.getByRole('button', { name: '发布' }).click();

    const mine = currentPage(page);
    const card = mine.locator('[data-testid="my-notice"]').filter({ hasText: title });
    await card.waitFor();
    await expect(card.innerText()).resolves.toContain('村务公开 · 已发布 · 已读 0 人');
    await screenshot(page, 'workbench-notice-2-mine');

    // The villager of 五一村 (this phone's citizen) finds it on the board at once and opens it.
    await page.goto(h5Path(), { waitUntil: 'load' });
    const board = await openTab(page, '政务村务');
    const link = board.getByRole('link', { name: new RegExp(title) });
    await link.waitFor();
    await link.click();
    await currentPage(page).getByText(title, { exact: true }).waitFor();
    await screenshot(page, 'workbench-notice-3-villager');

    const cadre = await staffLogin(e2e.origin, 'cadre');
    const notices = await cadre.api.call(StaffNoticePageSchema, 'GET', '/staff/notices');
    const published = notices.items.find((item) => item.title === title);
    expect(published).toMatchObject({
      status: 'published',
      category: 'village',
      regionCode: DEMO_VILLAGE.code,
      body: '详见公告图片',
      readCount: 1,
    });
    expect(published?.imageUploadIds).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });
});
