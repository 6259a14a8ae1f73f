import { DEMO_VILLAGE, currentPage, h5Path, openTab, screenshot, settle, tabBar, useE2e } from '../../e2e/harness';

describe('a way back from every page, and no blank page for an unknown address', () => {
  const e2e = useE2e();

  it('返回 goes back to the page that opened a sub-page', async () => {
    const { page, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    const me = await openTab(page, '我的');
    await me.getByRole('button', { name: /^我的积分/ }).click();
    await settle(page);
    const points = currentPage(page);
    await points.getByRole('heading').filter({ hasText: '我的积分' }).waitFor();
    await screenshot(page, 'way-back-1-points');
    await points.getByRole('button', { name: '返回', exact: true }).click();
    await settle(page);
    await me.getByRole('button', { name: /^我的积分/ }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('a sub-page opened from a link offers 返回首页, which opens the home page', async () => {
    const { page, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    await page.goto(h5Path('packages/profile/messages/index'), { waitUntil: 'load' });
    await settle(page);
    await currentPage(page).getByRole('button', { name: '返回首页' }).click();
    await tabBar(page).waitFor({ state: 'visible' });
    await settle(page);
    await currentPage(page).getByText('办事指南', { exact: true }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('a report that does not exist says 找不到这条反映 with the way back, and offers no 重试', async () => {
    const { page, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    await page.goto(h5Path('packages/my-reports/detail/index?id=01M81KNHEEZY3C4PCQ1HHZPW27'), { waitUntil: 'load' });
    const detail = currentPage(page);
    await detail.getByText('找不到这条反映').waitFor();
    await expect(detail.getByRole('button', { name: '重试' }).count()).resolves.toBe(0);
    await screenshot(page, 'way-back-report-not-found');
    await detail.getByRole('button', { name: '返回首页' }).last().click();
    await tabBar(page).waitFor({ state: 'visible' });
    await settle(page);
    await currentPage(page).getByText('办事指南', { exact: true }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it.each(['packages/nothing-here/index', 'pages/no-such-page'])(
    'an unknown address (%s) says 页面不存在 and goes home',
    async (path) => {
      const { page, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
      await page.goto(h5Path(path), { waitUntil: 'load' });
      const notFound = currentPage(page);
      await notFound.getByText('页面不存在').waitFor();
      await screenshot(page, `way-back-not-found-${path.split('/')[1]}`);
      await notFound.getByRole('button', { name: '返回首页' }).click();
      await tabBar(page).waitFor({ state: 'visible' });
      await settle(page);
      await currentPage(page).getByText('办事指南', { exact: true }).waitFor();
      expect(pageErrors).toEqual([]);
    },
  );
});
