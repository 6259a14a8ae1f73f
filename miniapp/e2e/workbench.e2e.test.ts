import { ReportDetailSchema } from '@minqing/shared';
import { DEMO_STAFF_PASSWORD } from '../../server/src/db/seed/staff';
import {
  DEMO_VILLAGE,
  TEST_PHOTO_PNG,
  currentPage,
  openTab,
  screenshot,
  submitReportAs,
  useE2e,
} from '../../e2e/harness';

describe('工作台: a grid worker signs in on the phone and settles a matter of their grid on the spot', () => {
  const e2e = useE2e();

  it('wangge signs in from 我的, finds the villager’s report, resolves it on the spot with a photo, and the villager sees it resolved', async () => {
    const { page, citizen, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    const text = '五一村村口垃圾堆了三天没人清理，味道很大';
    const reported = await submitReportAs(citizen, {
      serviceCode: 'direct',
      villageCode: DEMO_VILLAGE.code,
      text,
      withPhoto: true,
    });

    const me = await openTab(page, '我的');
    await me.getByRole('button', { name: '工作人员登录' }).click();
    const login = currentPage(page);
    await login.locator('input[placeholder="请输入账号"]').fill('wangge');
    await login.locator('input[placeholder="请输入密码"]').fill(DEMO_STAFF_PASSWORD);
    await screenshot(page, 'workbench-1-login');
    await login.getByRole('button', { name: '登录' }).click();

    const home = currentPage(page);
    await home.getByRole('tab', { name: /^待签收/ }).waitFor();
    const row = home.getByRole('listitem').filter({ hasText: text });
    await row.waitFor();
    await screenshot(page, 'workbench-2-home');
    await row.click();

    const detail = currentPage(page);
    await detail.getByText(text).first().waitFor();
    await detail.getByText('就地办结', { exact: true }).click();
    await detail.locator('textarea').fill('已联系村保洁员当场清理干净');
    const camera = page.waitForEvent('filechooser');
    await detail.getByText('📷 拍照').click();
    await (await camera).setFiles({ name: 'cleaned.png', mimeType: 'image/png', buffer: TEST_PHOTO_PNG });
    await detail.getByRole('img').first().waitFor();
    await screenshot(page, 'workbench-3-resolve-on-spot');
    await detail.getByRole('button', { name: '确认就地办结' }).click();
    await detail.getByText('这件事项目前不需要您办理').waitFor();
    await screenshot(page, 'workbench-4-resolved');

    // The villager's side: resolved, with the grid worker's note and photo in the public timeline.
    const seen = await citizen.api.call(ReportDetailSchema, 'GET', `/reports/${reported.id}`);
    expect(seen.status).toBe('resolved');
    const onSpot = seen.timeline.find((event) => event.type === 'resolve_on_spot');
    expect(onSpot).toMatchObject({ note: '已联系村保洁员当场清理干净', public: true });
    expect(onSpot?.attachments).toHaveLength(1);
    expect(seen.allowedActions).toContain('rate');
    expect(pageErrors).toEqual([]);
  });
});
