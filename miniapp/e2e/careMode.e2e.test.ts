import type { Locator } from 'playwright-core';
import { DEMO_VILLAGE, currentPage, goBack, openTab, screenshot, useE2e } from '../../e2e/harness';

/** WeChat's 关怀模式 body text is about 24 px; its minimum tap target is 48 px. */
const MIN_BODY_FONT_PX = 24;
const MIN_TAP_TARGET_PX = 48;

/** Every visible element of `root` that holds text of its own, with its computed font size. */
function textSizes(root: Locator): Promise<{ text: string; fontSize: number }[]> {
  return root.evaluate((element) => {
    const sizes: { text: string; fontSize: number }[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent) continue;
      const box = parent.getBoundingClientRect();
      const style = getComputedStyle(parent);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      sizes.push({ text, fontSize: parseFloat(style.fontSize) });
    }
    return sizes;
  });
}

async function heightOf(target: Locator): Promise<number> {
  const box = await target.boundingBox();
  if (!box) throw new Error('the element has no box (not visible)');
  return box.height;
}

describe('关怀模式: large type and a simple home for elderly villagers', () => {
  const e2e = useE2e();

  it('turns on in 我的 and gives 首页 body text ≥ 24px and the big 说一说 / 拍一拍 / 听通知 buttons', async () => {
    const { page, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });

    const me = await openTab(page, '我的');
    await me.getByRole('button', { name: /^关怀模式/ }).click();
    const settings = currentPage(page);
    await settings.getByText('现在：未开启').waitFor();
    await settings.getByRole('button', { name: /^开启关怀模式/ }).click();
    await settings.getByText('现在：已开启').waitFor();
    await screenshot(page, 'care-mode-1-settings');

    // Back (the phone's back key) to 我的, which says so, then to 首页.
    await goBack(page);
    await me.getByRole('button', { name: /^关怀模式，已开启/ }).waitFor();
    const home = await openTab(page, '首页');
    const speak = home.getByRole('button', { name: /^说一说/ });
    const photo = home.getByRole('button', { name: /^拍一拍/ });
    const listen = home.getByRole('button', { name: /^听通知/ });
    for (const button of [speak, photo, listen]) await button.waitFor();
    // The standard home's sections are gone.
    await expect(home.getByText('办事指南').count()).resolves.toBe(0);

    const rootFontSize = await home
      .locator('.care-mode')
      .first()
      .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(rootFontSize).toBeGreaterThanOrEqual(MIN_BODY_FONT_PX);
    const tooSmall = (await textSizes(home)).filter((entry) => entry.fontSize < MIN_BODY_FONT_PX);
    expect(tooSmall).toEqual([]);

    for (const button of [speak, photo, listen]) {
      expect(await heightOf(button)).toBeGreaterThanOrEqual(MIN_TAP_TARGET_PX);
    }
    await screenshot(page, 'care-mode-2-home');
    expect(pageErrors).toEqual([]);
  });
});
