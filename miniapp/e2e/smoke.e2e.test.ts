import { TAB_LABELS, currentPage, screenshot, tabBar, useE2e } from './harness';

describe('the H5 build on a phone (smoke)', () => {
  const e2e = useE2e();

  it('opens the home page with the tab bar 首页 / 民情直达 / 政务村务 / 我的', async () => {
    const { page, pageErrors } = await e2e.openApp();
    const labels = tabBar(page).locator('.weui-tabbar__label');
    await expectTexts(labels.allInnerTexts(), [...TAB_LABELS]);
    await currentPage(page).getByText('有事您说话，我们马上办').waitFor();
    await screenshot(page, '00-home');
    expect(pageErrors).toEqual([]);
  });
});

async function expectTexts(actual: Promise<string[]>, expected: string[]): Promise<void> {
  expect((await actual).map((text) => text.trim())).toEqual(expected);
}
