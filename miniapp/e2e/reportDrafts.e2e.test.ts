import { MyReportsResponseSchema, ReportDetailSchema } from '@minqing/shared';
import { DEMO_VILLAGE, TEST_PHOTO_PNG, currentPage, goBack, openTab, screenshot, useE2e } from '../../e2e/harness';

const SERIAL_NO = /HY\d{8}-\d{4}/;

describe('a report is never lost nor seems sent before it is', () => {
  const e2e = useE2e();

  it('a report left half-way shows on 民情直达 and in 我的反映 with 继续提交, and goes out from there', async () => {
    const { page, citizen, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    const text = '五一村三组的水渠堵了，雨一大就漫到路上';

    let services = await openTab(page, '民情直达');
    await services.getByText('民情直通', { exact: true }).click();
    const compose = currentPage(page);
    await compose.getByRole('textbox', { name: '在这里写下您要反映的事情' }).fill(text);
    // H5 has no bound phone: the form offers the field.
    await compose.getByText('联系电话（方便工作人员联系您）').waitFor();
    await compose.getByRole('spinbutton', { name: '手机号，可不填' }).fill('13800138000');
    await goBack(page);

    services = await openTab(page, '民情直达');
    const unsent = services.getByTestId('unsent-draft');
    await unsent.waitFor();
    await expect(unsent.innerText()).resolves.toContain('民情直通：五一村三组的水渠堵了');
    await screenshot(page, 'drafts-1-report-tab');

    const me = await openTab(page, '我的');
    await me.getByText('我的反映', { exact: true }).click();
    const list = currentPage(page);
    await list.getByText('还没有提交').waitFor();
    await list.getByTestId('unsent-draft').getByText('继续提交', { exact: true }).click();

    const restored = currentPage(page);
    await restored.getByText('已为您恢复上次没有提交的内容').waitFor();
    await expect(restored.getByRole('textbox', { name: '在这里写下您要反映的事情' }).inputValue()).resolves.toBe(text);
    await expect(restored.getByRole('spinbutton', { name: '手机号，可不填' }).inputValue()).resolves.toBe(
      '13800138000',
    );
    await screenshot(page, 'drafts-2-restored');
    await restored.getByText('提交', { exact: true }).click();

    const success = currentPage(page);
    await success.getByText('提交成功').first().waitFor();
    const serialNo = (await success.getByText(SERIAL_NO).innerText()).trim();

    const mine = await citizen.api.call(MyReportsResponseSchema, 'GET', '/reports/mine');
    expect(mine.items.map((item) => item.serialNo)).toEqual([serialNo]);
    const report = await citizen.api.call(ReportDetailSchema, 'GET', `/reports/${mine.items[0].id}`);
    expect(report).toMatchObject({ text, serviceCode: 'direct', villageCode: DEMO_VILLAGE.code });
    // Nothing is left waiting on the phone.
    await success.getByText('完成', { exact: true }).click();
    services = await openTab(page, '民情直达');
    await expect(services.getByTestId('unsent-draft').count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('关怀模式 拍一拍 opens the camera and sends the photo with one big 发送, for the village of the profile', async () => {
    const { page, citizen, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });

    const me = await openTab(page, '我的');
    await me.getByRole('button', { name: /^关怀模式/ }).click();
    await currentPage(page)
      .getByRole('button', { name: /^开启关怀模式/ })
      .click();
    await currentPage(page).getByText('现在：已开启').waitFor();
    await goBack(page);
    const home = await openTab(page, '首页');

    // The camera is the H5 build's file input with capture: it opens as the page does.
    const camera = page.waitForEvent('filechooser');
    await home.getByRole('button', { name: /^拍一拍/ }).click();
    const chooser = await camera;
    expect(await chooser.element().getAttribute('capture')).toBe('environment');
    await chooser.setFiles({ name: 'broken-bridge.png', mimeType: 'image/png', buffer: TEST_PHOTO_PNG });

    const quick = currentPage(page);
    await quick.getByLabel('第1张照片').waitFor();
    await quick.getByText(`反映到：城关镇 ${DEMO_VILLAGE.name}`).waitFor();
    // One thing asked, one thing to press: no text box, category, place or phone.
    await expect(quick.getByRole('textbox').count()).resolves.toBe(0);
    await expect(quick.getByText('选择问题类别（可不选）').count()).resolves.toBe(0);
    await screenshot(page, 'care-report-1-photo');
    await quick.getByRole('button', { name: /^发送/ }).click();

    await currentPage(page).getByText('提交成功').first().waitFor();
    await screenshot(page, 'care-report-2-sent');
    const mine = await citizen.api.call(MyReportsResponseSchema, 'GET', '/reports/mine');
    expect(mine.items).toHaveLength(1);
    const report = await citizen.api.call(ReportDetailSchema, 'GET', `/reports/${mine.items[0].id}`);
    expect(report).toMatchObject({ serviceCode: 'direct', villageCode: DEMO_VILLAGE.code });
    expect(report.photos).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });
});
