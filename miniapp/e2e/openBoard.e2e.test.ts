import { ModerationItemSchema, ModerationPageSchema } from '@minqing/shared';
import {
  DEMO_VILLAGE,
  createCitizen,
  currentPage,
  openTab,
  resolveReport,
  screenshot,
  settle,
  staffLogin,
  submitReportAs,
  useE2e,
} from '../../e2e/harness';

/**
 * Open by default: the 排行榜 page shows the month's ranking, and 本村动态 lists a neighbour's resolved
 * 民情直通 report with the department's answer — once a moderator has checked its text and photo in
 * 内容审核 (the demo has no WeChat to check them) — and never the neighbour's name.
 */
describe('排行榜 and 本村动态', () => {
  const e2e = useE2e();

  const text = '五一村三组到村委会的路灯坏了五盏，晚上走路看不见';
  const answer = '已更换五盏路灯，当晚恢复照明。';
  const nickname = '邻居赵大姐';

  /** A neighbour's public report: checked by a moderator, then assigned, signed and resolved by 城关镇供电所. */
  async function resolvedNeighbourReport() {
    const neighbour = await createCitizen(e2e.origin, { villageCode: DEMO_VILLAGE.code, nickname });
    const report = await submitReportAs(neighbour, {
      serviceCode: 'direct',
      villageCode: DEMO_VILLAGE.code,
      text,
      withPhoto: true,
    });
    const moderator = await staffLogin(e2e.origin, 'county');
    const held = await moderator.api.call(ModerationPageSchema, 'GET', `/staff/moderation?reportId=${report.id}`);
    expect(held.items.length).toBeGreaterThanOrEqual(2);
    for (const item of held.items)
      await moderator.api.call(ModerationItemSchema, 'POST', `/staff/moderation/${item.id}/decision`, {
        decision: 'release',
      });
    await resolveReport(e2e.origin, report.id, answer);
    return report;
  }

  it('shows the ranking from 首页, and a department’s months on tap', async () => {
    await resolvedNeighbourReport();
    const { page, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    await currentPage(page).getByRole('button', { name: '排行榜' }).click();
    await settle(page);
    const ranking = currentPage(page);
    await ranking.getByText('各部门、各镇办理群众反映的情况，每月公开', { exact: false }).waitFor();
    const row = ranking.getByTestId('ranking-row').filter({ hasText: '城关镇供电所' });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/办结率 \d/);
    await ranking.getByRole('tab', { name: '乡镇' }).waitFor();
    await ranking.getByRole('region', { name: '各项指标怎么算' }).waitFor();
    await screenshot(page, 'open-1-ranking');

    await row.getByRole('button').first().click();
    const trend = ranking.getByTestId('trend');
    await trend.waitFor();
    await expect(trend.getByTestId('trend-month').count()).resolves.toBe(6);
    await screenshot(page, 'open-2-trend');
    expect(pageErrors).toEqual([]);
  });

  it('lists the neighbour’s resolved report with its answer on 本村动态, reached from 政务村务', async () => {
    const report = await resolvedNeighbourReport();
    const { page, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    const notices = await openTab(page, '政务村务');
    await notices.getByRole('link', { name: /本村动态/ }).click();
    await settle(page);
    const board = currentPage(page);
    const card = board.getByTestId('board-report').filter({ hasText: report.serialNo });
    await card.waitFor();
    const shown = await card.innerText();
    expect(shown).toContain(text);
    expect(shown).toContain('已办结');
    expect(shown).toContain('办理部门：城关镇供电所');
    expect(shown).not.toContain(nickname);
    await expect(card.getByTestId('board-answer').innerText()).resolves.toContain(answer);
    // The checked photo is shown (a signed link), and loads.
    const photo = card.getByLabel('现场照片');
    await photo.waitFor();
    await screenshot(page, 'open-3-village-board');

    await board.getByRole('tab', { name: '办理中' }).click();
    await board.getByTestId('board-report').filter({ hasText: report.serialNo }).waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });
});
