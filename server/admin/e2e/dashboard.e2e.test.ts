import { z } from 'zod';
import { DepartmentSchema } from '@minqing/shared';
import { DEMO_VILLAGE, createCitizen, resolveReport, staffLogin, submitReportAs } from '../../../e2e/harness';
import { screenshot, useAdminE2e } from './adminHarness';

describe('统计: the county supervisor opens the department ranking and drills down to the reports behind it', () => {
  const e2e = useAdminE2e();

  it('a ranking row opens the work queue filtered to that department', async () => {
    const villager = await createCitizen(e2e.origin, { villageCode: DEMO_VILLAGE.code });
    const report = await submitReportAs(villager, {
      serviceCode: 'direct',
      villageCode: DEMO_VILLAGE.code,
      text: '五一村三组路灯不亮已经一周了',
    });
    await resolveReport(e2e.origin, report.id, '已更换灯泡，恢复照明');
    const handler = await staffLogin(e2e.origin, 'gongdian');
    const departments = await handler.api.call(z.array(DepartmentSchema), 'GET', '/staff/departments');
    const station = departments.find((department) => department.id === handler.login.staff.departmentId);
    if (!station) throw new Error('the demo handler’s department is missing');

    const { page, pageErrors } = await e2e.signIn('county');
    await page.getByRole('menuitem', { name: '统计' }).click();
    const ranking = page.locator('.ant-card').filter({ has: page.getByText('部门排名', { exact: true }) });
    const row = ranking.locator('tr').filter({ hasText: station.name }).first();
    await row.waitFor();
    await screenshot(page, 'dashboard-1-county');
    await row.click();
    await page.waitForFunction(
      (id) => window.location.hash.startsWith('#/queue') && window.location.hash.includes(id),
      station.id,
    );
    await page.getByText(report.serialNo).waitFor();
    await screenshot(page, 'dashboard-2-drill-down-queue');
    expect(pageErrors).toEqual([]);
  });
});
