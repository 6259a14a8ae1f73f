import { z } from 'zod';
import { DepartmentSchema, ReportDetailSchema } from '@minqing/shared';
import { DEMO_VILLAGE, createCitizen, staffLogin, submitReportAs } from '../../../e2e/harness';
import { openScreen, screenshot, useAdminE2e } from './adminHarness';

describe('分派: the township dispatcher sends what villagers submitted to the department that must act', () => {
  const e2e = useAdminE2e();

  it('dispatches a report from the triage queue, and the villager sees it was dispatched', async () => {
    const villager = await createCitizen(e2e.origin, { villageCode: DEMO_VILLAGE.code });
    const report = await submitReportAs(villager, {
      serviceCode: 'direct',
      villageCode: DEMO_VILLAGE.code,
      text: '五一村四组变压器嗡嗡响，晚上还冒火星',
      withPhoto: true,
    });
    expect(report.status).toBe('submitted');
    const handler = await staffLogin(e2e.origin, 'gongdian');
    const departments = await handler.api.call(z.array(DepartmentSchema), 'GET', '/staff/departments');
    const station = departments.find((department) => department.id === handler.login.staff.departmentId)!;

    const { page, pageErrors } = await e2e.signIn('chengguan');
    await page.getByRole('menuitem', { name: '分派' }).click();
    const row = page.locator('.ant-table-row').filter({ hasText: report.serialNo });
    await row.waitFor();
    await screenshot(page, 'triage-1-queue');
    await row.locator('.ant-checkbox-input').check();
    await page.locator('.ant-select').filter({ hasText: '承办部门' }).click();
    await page.keyboard.type(station.name);
    await page.locator('.ant-select-item-option').filter({ hasText: station.name }).first().click();
    await page.getByRole('button', { name: '批量派单' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确定派单' }).click();
    await row.waitFor({ state: 'detached' });
    await screenshot(page, 'triage-2-dispatched');

    const seen = await villager.api.call(ReportDetailSchema, 'GET', `/reports/${report.id}`);
    expect(seen).toMatchObject({ status: 'dispatched', department: { id: station.id } });
    // The power station now finds it in its 待签收 tab.
    const handlerPage = await e2e.signIn('gongdian');
    await openScreen(handlerPage.page, 'queue?tab=dispatched');
    await handlerPage.page.locator('.ant-table-row').filter({ hasText: report.serialNo }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
