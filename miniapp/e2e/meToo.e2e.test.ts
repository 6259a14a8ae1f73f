import {
  FollowingResponseSchema,
  MessagePageSchema,
  ModerationItemSchema,
  ModerationPageSchema,
} from '@minqing/shared';
import {
  DEMO_VILLAGE,
  createCitizen,
  currentPage,
  goBack,
  openTab,
  resolveReport,
  screenshot,
  settle,
  staffLogin,
  submitReportAs,
  useE2e,
} from '../../e2e/harness';

/**
 * 我也遇到: a neighbour has reported the leaning pole (checked in 内容审核, the demo has no WeChat). A
 * villager starts a report of the same pole, sees the neighbour's among 本村已有相似的问题 and taps
 * 我也遇到 instead of filing it again; when 城关镇供电所 resolves it, both are told.
 */
describe('我也遇到', () => {
  const e2e = useE2e();

  const reported = '五一村村口的电线杆倾斜了，快要倒了，很危险';
  const answer = '已扶正电线杆并加固拉线。';
  const nickname = '邻居孙大哥';

  it('shows the similar report while composing, follows it with one tap, and tells both villagers when it is resolved', async () => {
    const neighbour = await createCitizen(e2e.origin, { villageCode: DEMO_VILLAGE.code, nickname });
    const report = await submitReportAs(neighbour, {
      serviceCode: 'direct',
      villageCode: DEMO_VILLAGE.code,
      text: reported,
    });
    const moderator = await staffLogin(e2e.origin, 'county');
    const held = await moderator.api.call(ModerationPageSchema, 'GET', `/staff/moderation?reportId=${report.id}`);
    for (const item of held.items)
      await moderator.api.call(ModerationItemSchema, 'POST', `/staff/moderation/${item.id}/decision`, {
        decision: 'release',
      });

    const { page, citizen, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    const services = await openTab(page, '民情直达');
    await services.getByText('民情直通', { exact: true }).click();
    const compose = currentPage(page);
    await compose.getByText('写一写（可不填）').waitFor();
    await compose.getByRole('textbox', { name: '在这里写下您要反映的事情' }).fill('村口电线杆倾斜了，快倒了');

    const panel = compose.getByTestId('similar-reports');
    await panel.getByText('本村已有相似的问题').waitFor();
    const item = panel.getByTestId('similar-item').filter({ hasText: '村口的电线杆倾斜' });
    await item.waitFor();
    const shown = await panel.innerText();
    expect(shown).not.toContain(nickname);
    await screenshot(page, 'me-too-1-similar');

    await item.getByText('我也遇到', { exact: true }).click();
    await page.getByText('已关注', { exact: true }).first().waitFor();
    await page.getByText('查看进展', { exact: true }).click();
    await settle(page);
    const detail = currentPage(page);
    await detail.getByText('您关注了这件事（我也遇到）').waitFor();
    await detail.getByText(reported).waitFor();
    expect(await detail.innerText()).not.toContain(nickname);
    await screenshot(page, 'me-too-2-following');

    // Nothing was filed by the villager; they follow the neighbour's report.
    const following = await citizen.api.call(FollowingResponseSchema, 'GET', '/reports/following');
    expect(following.items.map((followed) => followed.serialNo)).toEqual([report.serialNo]);
    expect(following.items[0].followers).toBe(1);
    const mine = await citizen.api.call(FollowingResponseSchema.pick({ total: true }), 'GET', '/reports/mine');
    expect(mine.total).toBe(0);

    await resolveReport(e2e.origin, report.id, answer);
    const told = async (who: typeof citizen) =>
      (await who.api.call(MessagePageSchema, 'GET', '/messages')).items.filter(
        (message) => message.reportId === report.id && message.kind === 'report_resolved',
      );
    const [followerMessage] = await told(citizen);
    expect(followerMessage.title).toBe('您关注的问题已办结');
    expect(followerMessage.body).toContain(`（编号 ${report.serialNo}）已由城关镇供电所办结`);
    const [reporterMessage] = await told(neighbour);
    expect(reporterMessage.title).toBe('已办结，请评价');

    // Under 我的 → 我的反映 → 我关注的 the follower sees it resolved.
    await goBack(page);
    const me = await openTab(page, '我的');
    await me.getByText('我的反映', { exact: true }).click();
    const list = currentPage(page);
    await list.getByRole('tab', { name: '我关注的' }).click();
    const row = list.getByTestId('following-row').filter({ hasText: report.serialNo });
    await row.waitFor();
    await row.getByText('已办结', { exact: false }).waitFor();
    await screenshot(page, 'me-too-3-resolved');
    expect(pageErrors).toEqual([]);
  });
});
