import { TAB_LABELS, currentPage, screenshot, tabBar, useE2e } from '../../e2e/harness';

describe('the H5 build on a phone (smoke)', () => {
  const e2e = useE2e();

  it('opens the home page, signed in, with the tab bar 首页 / 民情直达 / 政务村务 / 我的', async () => {
    const { page, pageErrors } = await e2e.openApp();
    const labels = await tabBar(page).locator('.weui-tabbar__label').allInnerTexts();
    expect(labels.map((label) => label.trim())).toEqual(TAB_LABELS);
    // Signed in through dev-login: the home page shows content from the API (the articles).
    await currentPage(page).getByText('办事指南', { exact: true }).waitFor();
    await screenshot(page, 'home');
    expect(pageErrors).toEqual([]);
  });
});
