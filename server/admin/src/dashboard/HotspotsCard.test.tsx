import { fireEvent, render, screen, within } from '@testing-library/react';
import type { Hotspots } from '@minqing/shared';
import { formatTime } from '../queue/format';
import { HotspotsCard, changeText } from './HotspotsCard';
import type { HotspotsApi } from './hotspotsApi';

const PERIOD = { from: '2026-04-06', to: '2026-04-12' };
const scope = { regionCode: '610921', regionName: '汉阴县', departmentId: null, departmentName: null };
const HOTSPOTS: Hotspots = {
  ...PERIOD,
  scope,
  previous: { from: '2026-03-30', to: '2026-04-05' },
  lastYear: { from: '2025-04-06', to: '2025-04-12' },
  minCount: 3,
  repeatDays: 30,
  rising: [
    {
      villageCode: '610921101201',
      villageName: '紫云村',
      townshipName: '涧池镇',
      categoryCode: 'water',
      categoryName: '饮水安全',
      count: 3,
      previous: 0,
      lastYear: 0,
    },
    {
      villageCode: '610921100201',
      villageName: '五一村',
      townshipName: '城关镇',
      categoryCode: 'power',
      categoryName: '供电',
      count: 3,
      previous: 1,
      lastYear: 2,
    },
  ],
  repeats: [
    {
      villageCode: '610921100201',
      villageName: '五一村',
      townshipName: '城关镇',
      categoryCode: 'water',
      categoryName: '饮水安全',
      count: 3,
      lastReportedAt: '2026-04-11T01:55:00.000Z',
    },
  ],
  followedMin: 2,
  followed: [
    {
      id: '01JREPORT00000000000000005',
      serialNo: 'HY20260406-0012',
      villageCode: '610921100201',
      villageName: '五一村',
      townshipName: '城关镇',
      categoryCode: 'water',
      categoryName: '饮水安全',
      followerCount: 5,
      status: 'accepted',
      statusName: '处理中',
      submittedAt: '2026-04-06T01:55:00.000Z',
    },
  ],
  definitions: { rising: '上升热点的口径', repeats: '重复反映的口径', followed: '关注最多的口径' },
};

const apiAnswering = (answer: Promise<Hotspots>): HotspotsApi => ({
  hotspots: jest.fn(() => answer),
  briefs: jest.fn(),
});

describe('HotspotsCard (热点研判)', () => {
  it('states the change against 环比 and 同比, new ones as such', () => {
    expect(changeText(3, 1)).toBe('+2（+200%）');
    expect(changeText(3, 0)).toBe('+3（新出现）');
    expect(changeText(3, 4)).toBe('-1（-25%）');
  });

  it('lists rising hot spots with the previous and last-year figures and opens the queue on a row', async () => {
    const api = apiAnswering(Promise.resolve(HOTSPOTS));
    const onDrill = jest.fn();
    render(<HotspotsCard period={PERIOD} onDrill={onDrill} api={api} />);
    // 五一村 is listed three times: rising (供电) first, then repeated and followed (饮水安全).
    const row = (await screen.findAllByText('城关镇 · 五一村', { selector: 'td' }))[0].closest('tr') as HTMLElement;
    expect(api.hotspots).toHaveBeenCalledWith(PERIOD);
    expect(within(row).getByText('1 · +2（+200%）')).toBeInTheDocument();
    expect(within(row).getByText('2 · +1（+50%）')).toBeInTheDocument();
    fireEvent.click(row);
    expect(onDrill).toHaveBeenCalledWith({
      tab: 'all',
      figure: 'received',
      periodFrom: '2026-04-06',
      periodTo: '2026-04-12',
      regionCode: '610921100201',
      categoryId: 'power',
    });
    const repeat = screen.getByText(formatTime('2026-04-11T01:55:00.000Z')).closest('tr') as HTMLElement;
    expect(within(repeat).getByText('饮水安全')).toBeInTheDocument();
    fireEvent.click(repeat);
    expect(onDrill).toHaveBeenLastCalledWith({
      tab: 'all',
      regionCode: '610921100201',
      categoryId: 'water',
      from: '2026-04-06',
      to: '2026-04-12',
    });
    const followed = screen.getByText('HY20260406-0012').closest('tr') as HTMLElement;
    expect(within(followed).getByText('5 人')).toBeInTheDocument();
    fireEvent.click(followed);
    expect(onDrill).toHaveBeenLastCalledWith({
      tab: 'all',
      serialNo: 'HY20260406-0012',
      report: '01JREPORT00000000000000005',
    });
  });

  it('says when nothing rises or repeats, and rows open nothing without a queue', async () => {
    render(
      <HotspotsCard
        period={PERIOD}
        onDrill={null}
        api={apiAnswering(Promise.resolve({ ...HOTSPOTS, rising: [], repeats: [], followed: [] }))}
      />,
    );
    expect(await screen.findByText('本期没有比上期和去年同期都多、且不少于 3 件的村和分类')).toBeInTheDocument();
    expect(screen.getByText('本期没有办结后又被反映的事项')).toBeInTheDocument();
    expect(screen.getByText('本期没有 2 人以上关注的反映')).toBeInTheDocument();
  });

  it("shows loading, then the server's message when it fails", async () => {
    let fail: (error: Error) => void = () => {};
    const api = apiAnswering(new Promise<Hotspots>((_resolve, reject) => (fail = reject)));
    const { container } = render(<HotspotsCard period={PERIOD} onDrill={null} api={api} />);
    expect(container.querySelector('.ant-spin-spinning')).not.toBeNull();
    fail(new Error('不能查看其他地区的统计'));
    expect(await screen.findByText('不能查看其他地区的统计')).toBeInTheDocument();
  });
});
