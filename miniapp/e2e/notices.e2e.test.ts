import { DEMO_VILLAGE, currentPage, openTab, publishNotice, screenshot, useE2e } from '../../e2e/harness';

describe('政务村务: a villager reads the notice their village cadre published', () => {
  const e2e = useE2e();

  it('lists the new notice on the village board and opens it with its title and body', async () => {
    const title = '五一村关于冬季用电安全检查的通知';
    const paragraphs = [
      '各位村民：供电所将于下周二上午到各组检查入户线路，请家中留人。',
      '如有老化电线、乱拉乱接，请提前告知网格员。',
    ];
    const notice = await publishNotice(e2e.origin, { title, body: paragraphs.join('\n'), category: 'village' });
    expect(notice).toMatchObject({ status: 'published', regionName: expect.stringContaining(DEMO_VILLAGE.name) });

    const { page, pageErrors } = await e2e.openApp({ villageCode: DEMO_VILLAGE.code });
    const board = await openTab(page, '政务村务');
    await board.getByText('公告栏').waitFor();
    const card = board.getByRole('link', { name: new RegExp(title) });
    await card.waitFor();
    await expect(card.innerText()).resolves.toContain('村务公开');
    await screenshot(page, 'notices-1-village-board');

    await card.click();
    const detail = currentPage(page);
    await detail.getByText(title, { exact: true }).waitFor();
    for (const paragraph of paragraphs) await detail.getByText(paragraph, { exact: true }).waitFor();
    await detail.getByText(`发布单位：${notice.regionName}`).waitFor();
    await screenshot(page, 'notices-2-detail');
    expect(pageErrors).toEqual([]);
  });
});
