import { MyReportsResponseSchema, ReportDetailSchema } from '@minqing/shared';
import {
  DEMO_VILLAGE,
  TEST_PHOTO_PNG,
  currentPage,
  openTab,
  resolveReport,
  screenshot,
  submitReportAs,
  useE2e,
} from '../../e2e/harness';

const SERIAL_NO = /HY\d{8}-\d{4}/;

describe('我的反映: a citizen reports a problem, then rates the answer', () => {
  const e2e = useE2e();

  it('submits text + photo, shows the serial number and lists the report in 我的 → 我的反映', async () => {
    const { page, citizen, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    const text = '五一村二组路灯坏了三天，晚上出门看不见路';

    const services = await openTab(page, '民情直达');
    await services.getByText('民情直通', { exact: true }).click();
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
    await screenshot(page, 'report-1-compose');

    await compose.getByText('提交', { exact: true }).click();
    const success = currentPage(page);
    // The page's own headline (the title bar above says 提交成功 too).
    await success.locator('.success__title').filter({ hasText: '提交成功' }).waitFor();
    const serialNo = (await success.getByText(SERIAL_NO).innerText()).trim();
    expect(serialNo).toMatch(new RegExp(`^${SERIAL_NO.source}$`));
    await screenshot(page, 'report-2-success');

    await success.getByText('完成', { exact: true }).click();
    const me = await openTab(page, '我的');
    await me.getByText('我的反映', { exact: true }).click();
    const list = currentPage(page);
    const row = list.locator('[data-testid="report-row"]').filter({ hasText: serialNo });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain(text);
    await screenshot(page, 'report-3-my-reports');

    // What the server keeps: the words and the one photo, under that number.
    const mine = await citizen.api.call(MyReportsResponseSchema, 'GET', '/reports/mine');
    const summary = mine.items.find((item) => item.serialNo === serialNo);
    expect(summary).toBeDefined();
    const report = await citizen.api.call(ReportDetailSchema, 'GET', `/reports/${summary?.id}`);
    expect(report).toMatchObject({ text, serviceCode: 'direct', villageCode: DEMO_VILLAGE.code });
    expect(report.photos).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });

  it('rates a report the department resolved: five stars and a comment, then shows it as 已评价', async () => {
    const { page, citizen, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    const text = '村口变压器嗡嗡响，晚上吵得睡不着';
    const answer = '供电所已更换变压器减震垫，噪音已消除';
    const comment = '第二天就来修了，谢谢供电所';
    const submitted = await submitReportAs(citizen, {
      serviceCode: 'direct',
      villageCode: DEMO_VILLAGE.code,
      text,
      withPhoto: true,
    });
    await resolveReport(e2e.origin, submitted.id, answer);

    const me = await openTab(page, '我的');
    await me.getByText('我的反映', { exact: true }).click();
    const row = currentPage(page).locator('[data-testid="report-row"]').filter({ hasText: submitted.serialNo });
    await row.getByText('已办结，请评价').waitFor();
    await row.click();

    const detail = currentPage(page);
    await detail.getByText(`编号 ${submitted.serialNo}`).waitFor();
    // The department's answer (部门答复), also in the timeline below.
    await detail.getByTestId('answer').getByText(answer).waitFor();
    await detail.getByText(text, { exact: true }).waitFor();
    // The photo is fetched with the citizen's token and shown (decoded, not a broken image).
    const photo = detail.getByLabel('第1张照片，点开看大图').locator('img');
    await photo.waitFor();
    await page.waitForFunction(
      (image) => image instanceof HTMLImageElement && image.complete && image.naturalWidth > 0,
      await photo.elementHandle(),
    );
    await screenshot(page, 'rating-1-resolved-report');
    await detail.getByText('评价', { exact: true }).click();
    await detail.getByText('请您评价办理结果').waitFor();
    await detail.getByRole('radio', { name: /^5星/ }).click();
    await detail.getByText('5星 · 很满意').waitFor();
    await expect(detail.getByRole('radio', { checked: true }).getAttribute('aria-label')).resolves.toMatch(/^5星/);
    await detail.getByRole('textbox', { name: '还想说点什么？（可不填）' }).fill(comment);
    await screenshot(page, 'rating-2-five-stars');

    await detail.getByText('提交评价', { exact: true }).click();
    // Taro's H5 modal asks to confirm ("您打了5星（很满意），确定提交吗？").
    await page.getByText('您打了5星（很满意），确定提交吗？').waitFor();
    await page.getByText('确定提交', { exact: true }).click();

    const thanks = page.getByText('谢谢您的评价');
    await thanks.waitFor();
    await detail.getByText('已评价', { exact: true }).waitFor();
    const yourRating = detail.locator('.detail__card').filter({ hasText: '您的评价' });
    await yourRating.getByText('5星 · 很满意').waitFor();
    await yourRating.getByText(comment, { exact: true }).waitFor();
    await expect(yourRating.getByText('★').count()).resolves.toBe(5);
    await expect(detail.getByText('请您评价办理结果').count()).resolves.toBe(0);
    await thanks.waitFor({ state: 'hidden' });
    await screenshot(page, 'rating-3-rated');

    const saved = await citizen.api.call(ReportDetailSchema, 'GET', `/reports/${submitted.id}`);
    expect(saved).toMatchObject({ status: 'closed', rating: 5, ratingComment: comment });
    expect(pageErrors).toEqual([]);
  });
});
