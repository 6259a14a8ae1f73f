import { NoticePageSchema } from '@minqing/shared';
import { DEMO_VILLAGE, createCitizen } from '../../../e2e/harness';
import { screenshot, useAdminE2e } from './adminHarness';

describe('公告: the village cadre writes and publishes a notice that villagers then receive', () => {
  const e2e = useAdminE2e();

  it('goes from the editor to the citizen’s notice board', async () => {
    const { page, pageErrors } = await e2e.signIn('cadre');
    await page.getByRole('menuitem', { name: '公告' }).click();
    await page.getByRole('button', { name: /新建公告/ }).click();
    const title = '五一村关于冬季防火的通知';
    await page.getByPlaceholder('请填写标题').fill(title);
    await page.locator('.ant-form-item').filter({ hasText: '栏目' }).locator('.ant-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '村务公开' }).click();
    const body = page.locator('.ProseMirror');
    await body.click();
    await page.keyboard.type('各位村民：冬季天干物燥，请勿在山林焚烧秸秆。');
    await screenshot(page, 'notice-1-editor');
    await page.getByRole('button', { name: /^发\s*布$/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /^发\s*布$/ })
      .click();
    await page.locator('.ant-message').getByText('已发布').waitFor();
    await page.getByText('已发布', { exact: true }).first().waitFor();
    await screenshot(page, 'notice-2-published');

    const villager = await createCitizen(e2e.origin, { villageCode: DEMO_VILLAGE.code });
    const board = await villager.api.call(NoticePageSchema, 'GET', '/notices');
    expect(board.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title, body: '各位村民：冬季天干物燥，请勿在山林焚烧秸秆。' }),
      ]),
    );
    expect(pageErrors).toEqual([]);
  });
});
