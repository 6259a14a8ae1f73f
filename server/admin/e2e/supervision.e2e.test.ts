import { openScreen, screenshot, useAdminE2e } from './adminHarness';

describe('走访督导 in the admin panel (1440×900)', () => {
  const e2e = useAdminE2e();

  it('lets the county open the 未走访 list of 五一村第一网格 from the 住户 screen', async () => {
    const { page, pageErrors } = await e2e.signIn('county');
    await openScreen(page, 'households');
    const card = page.locator('.ant-card').filter({ hasText: '走访督导' });
    const gridRow = card.locator('tr').filter({ hasText: '五一村 · 第一网格' }).first();
    await gridRow.waitFor();
    // The demo's 三线成员 visited one of the grid's three households five days ago.
    await gridRow.getByRole('button', { name: '2' }).click();
    const list = page.locator('.ant-modal-content').filter({ hasText: '五一村 · 第一网格 未走访住户' });
    await list.getByText('王桂英').waitFor();
    await list.getByText('张有福').waitFor();
    expect(await list.getByText('李德顺').count()).toBe(0);
    expect(await list.getByText(/^155\*\*\*\*\d{4}$/).count()).toBe(2);
    await screenshot(page, 'supervision-not-visited');
    expect(pageErrors).toEqual([]);
  });
});
