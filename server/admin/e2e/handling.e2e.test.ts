import { ReportDetailSchema } from '@minqing/shared';
import { DEMO_VILLAGE, createCitizen, staffAct, staffLogin, submitReportAs } from '../../../e2e/harness';
import { openReportFromQueue, takeAction } from './adminPages';
import { screenshot, useAdminE2e } from './adminHarness';

describe('工单: the power station signs, replies to and resolves a report, and the villager sees the answer', () => {
  const e2e = useAdminE2e();

  it('works the report from the drawer to the citizen’s timeline', async () => {
    const villager = await createCitizen(e2e.origin, { villageCode: DEMO_VILLAGE.code });
    const report = await submitReportAs(villager, {
      serviceCode: 'direct',
      villageCode: DEMO_VILLAGE.code,
      text: '五一村二组电线被树枝压断，一直冒火花',
      withPhoto: true,
    });
    const handler = await staffLogin(e2e.origin, 'gongdian');
    await staffAct(await staffLogin(e2e.origin, 'chengguan'), report.id, {
      action: 'assign',
      departmentId: handler.login.staff.departmentId!,
    });

    const { page, pageErrors } = await e2e.signIn('gongdian');
    const drawer = await openReportFromQueue(page, report.serialNo);
    await drawer.getByText('五一村二组电线被树枝压断，一直冒火花').waitFor();
    await screenshot(page, 'handling-1-drawer');
    await takeAction(page, drawer, '签收');
    await drawer.getByRole('button', { name: /^答\s*复$/ }).waitFor();
    await takeAction(page, drawer, '答复', '已安排电工今天下午到现场处理，请远离断线。');
    await takeAction(page, drawer, '办结', '已更换断线并修剪树枝，线路恢复正常。');
    await drawer.getByText('已办结').first().waitFor();
    await screenshot(page, 'handling-2-resolved');

    const seen = await villager.api.call(ReportDetailSchema, 'GET', `/reports/${report.id}`);
    expect(seen.status).toBe('resolved');
    const notes = seen.timeline.map((event) => event.note);
    expect(notes).toEqual(
      expect.arrayContaining(['已安排电工今天下午到现场处理，请远离断线。', '已更换断线并修剪树枝，线路恢复正常。']),
    );
    expect(pageErrors).toEqual([]);
  });
});
