import { DEMO_VILLAGE, TEST_PHOTO_PNG, currentPage, openTab, screenshot, useE2e } from './harness';

const SERIAL_NO = /HY\d{8}-\d{4}/;

describe('民情直达: a citizen reports a problem with words and a photo', () => {
  const e2e = useE2e();

  it('submits text + photo, shows the serial number and lists the report in 我的 → 我的反映', async () => {
    const { page } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    const text = '五一村二组路灯坏了三天，晚上出门看不见路';

    await openTab(page, '民情直达');
    await currentPage(page).getByText('民情直通', { exact: true }).click();
    const compose = currentPage(page);
    await compose.getByText('写一写（可不填）').waitFor();
    await compose.getByRole('textbox', { name: '在这里写下您要反映的事情' }).fill(text);
    await compose.getByText(`${text.length}/`).waitFor();

    // 从相册选 → Taro.chooseMedia → the H5 build's hidden <input type=file>.
    const chooser = page.waitForEvent('filechooser');
    await compose.getByText('从相册选').click();
    await (await chooser).setFiles({ name: 'street-lamp.png', mimeType: 'image/png', buffer: TEST_PHOTO_PNG });
    await compose.getByText('已放 1 张，还可以放 8 张').waitFor();
    await compose.getByText('城关镇 五一村').waitFor();
    await screenshot(page, '01-report-compose');

    await compose.getByText('提交', { exact: true }).click();
    const success = currentPage(page);
    await success.getByText('提交成功').waitFor();
    const serialNo = (await success.getByText(SERIAL_NO).innerText()).trim();
    expect(serialNo).toMatch(new RegExp(`^${SERIAL_NO.source}$`));
    await screenshot(page, '02-report-success');

    await success.getByText('完成', { exact: true }).click();
    await openTab(page, '我的');
    await currentPage(page).getByText('我的反映', { exact: true }).click();
    const mine = currentPage(page);
    const row = mine.locator('[data-testid="report-row"]').filter({ hasText: serialNo });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain(text);
    await screenshot(page, '03-my-reports');
  });
});
