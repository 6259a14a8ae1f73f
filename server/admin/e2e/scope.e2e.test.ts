import { DEMO_VILLAGE, createCitizen, staffAct, staffLogin, submitReportAs } from '../../../e2e/harness';
import { openScreen, screenshot, useAdminE2e } from './adminHarness';

describe('scope: a handler of another township reaches nothing of 城关镇, by the screens or by a link', () => {
  const e2e = useAdminE2e();

  it('neither lists nor opens the report, and the server refuses it', async () => {
    const villager = await createCitizen(e2e.origin, { villageCode: DEMO_VILLAGE.code });
    const report = await submitReportAs(villager, {
      serviceCode: 'direct',
      villageCode: DEMO_VILLAGE.code,
      text: '五一村五组路边电杆歪了',
    });
    const owner = await staffLogin(e2e.origin, 'gongdian');
    await staffAct(await staffLogin(e2e.origin, 'chengguan'), report.id, {
      action: 'assign',
      departmentId: owner.login.staff.departmentId!,
    });

    const { page, pageErrors } = await e2e.signIn('jianchi_gongdian');
    await openScreen(page, `queue?tab=all&serialNo=${report.serialNo}`);
    await page.getByText('共 0 件').or(page.locator('.ant-table-placeholder')).first().waitFor();
    expect(await page.locator('.ant-table-row').filter({ hasText: report.serialNo }).count()).toBe(0);

    await openScreen(page, `queue?tab=all&report=${report.id}`);
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText('该事项不在您的管辖范围内').waitFor();
    expect(await drawer.getByRole('button', { name: /签\s*收/ }).count()).toBe(0);
    await screenshot(page, 'scope-1-refused');

    const other = await staffLogin(e2e.origin, 'jianchi_gongdian');
    const direct = await fetch(`${e2e.origin}/api/v1/staff/reports/${report.id}`, {
      headers: { Authorization: `Bearer ${other.login.token}` },
    });
    expect(direct.status).toBe(403);
    expect(pageErrors).toEqual([]);
  });
});
