import type { BreakdownItem, StatFigures, TrendDay } from '@minqing/shared';
import {
  categoryClicked,
  categoryOption,
  regionClicked,
  regionOption,
  trendClicked,
  trendOption,
} from './chartOptions';

const ZERO: StatFigures = {
  received: 0,
  responded: 0,
  responseRate: null,
  resolved: 0,
  resolvedOnTime: 0,
  onTimeRate: null,
  resolvedRate: null,
  rated: 0,
  satisfied: 0,
  satisfactionRate: null,
  visitRated: 0,
  visitSatisfied: 0,
  visitSatisfactionRate: null,
  meanHoursToResolve: null,
  overdue: 0,
  returns: 0,
  repeatComplaints: 0,
};
const item = (key: string | null, name: string, figures: Partial<StatFigures>): BreakdownItem => ({
  ...ZERO,
  key,
  name,
  ...figures,
});

const DAYS: TrendDay[] = [
  { date: '2026-03-01', received: 1, resolved: 1, overdue: 0 },
  { date: '2026-03-02', received: 2, resolved: 0, overdue: 0 },
  { date: '2026-03-03', received: 0, resolved: 3, overdue: 1 },
];

describe('chart options', () => {
  it('draws one line per series over the days', () => {
    const option = trendOption(DAYS);
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['03-01', '03-02', '03-03'] });
    expect(option.series).toEqual([
      expect.objectContaining({ id: 'received', name: '受理', type: 'line', data: [1, 2, 0] }),
      expect.objectContaining({ id: 'resolved', name: '办结', type: 'line', data: [1, 0, 3] }),
      expect.objectContaining({ id: 'overdue', name: '超期', type: 'line', data: [0, 0, 1] }),
    ]);
  });

  it('maps a trend click to its series and day', () => {
    expect(trendClicked({ seriesId: 'resolved', dataIndex: 2 }, DAYS)).toEqual({
      series: 'resolved',
      date: '2026-03-03',
    });
    expect(trendClicked({ seriesId: 'resolved', dataIndex: 9 }, DAYS)).toBeNull();
    expect(trendClicked({ seriesId: 'legend', dataIndex: 0 }, DAYS)).toBeNull();
  });

  it('slices categories by received, leaving out those with only returns, and finds the slice clicked', () => {
    const items = [
      item('power', '供电', { received: 7 }),
      item('water', '供水', { returns: 1 }),
      item(null, '未分类', { received: 1 }),
    ];
    const option = categoryOption(items);
    expect(option.series).toEqual([
      expect.objectContaining({
        type: 'pie',
        data: [
          { name: '供电', value: 7 },
          { name: '未分类', value: 1 },
        ],
      }),
    ]);
    // The second slice is 未分类, not 供水 (which is not drawn).
    expect(categoryClicked({ seriesId: 'category', dataIndex: 1 }, items)).toEqual({ key: null });
    expect(categoryClicked({ seriesId: 'category', dataIndex: 0 }, items)).toEqual({ key: 'power' });
    expect(categoryClicked({ seriesId: 'category', dataIndex: 2 }, items)).toBeUndefined();
  });

  it('draws received, resolved and overdue bars per region and finds the bar clicked', () => {
    const items = [
      item('610921100', '城关镇', { received: 8, resolved: 3, overdue: 4 }),
      item('610921101', '涧池镇', { received: 4, resolved: 2, overdue: 1 }),
    ];
    const option = regionOption(items);
    expect(option.xAxis).toMatchObject({ data: ['城关镇', '涧池镇'] });
    expect(option.series).toEqual([
      expect.objectContaining({ id: 'received', type: 'bar', data: [8, 4] }),
      expect.objectContaining({ id: 'resolved', type: 'bar', data: [3, 2] }),
      expect.objectContaining({ id: 'overdue', type: 'bar', data: [4, 1] }),
    ]);
    expect(regionClicked({ seriesId: 'overdue', dataIndex: 1 }, items)).toEqual({
      regionCode: '610921101',
      series: 'overdue',
    });
  });
});
