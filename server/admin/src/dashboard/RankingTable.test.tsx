import { fireEvent, render, screen, within } from '@testing-library/react';
import type { StaffRanking } from '@minqing/shared';
import { RankingTable } from './RankingTable';
import { FIGURES } from './testFigures';

const RANKING: StaffRanking = {
  from: '2026-03-01',
  to: '2026-03-31',
  scope: { regionCode: '610921', regionName: '汉阴县', departmentId: null, departmentName: null },
  departments: [
    {
      ...FIGURES,
      departmentId: 'DEPT-POWER',
      name: '城关镇供电所',
      level: 'township',
      regionCode: '610921100',
      rank: 1,
      score: 59.5,
    },
  ],
  insufficient: {
    departments: [
      {
        ...FIGURES,
        received: 1,
        responded: 1,
        responseRate: 1,
        satisfactionRate: 1,
        departmentId: 'DEPT-CIVIL',
        name: '县民政局',
        level: 'county',
        regionCode: '610921',
      },
    ],
  },
  minReceived: 5,
  definitions: [
    { figure: 'score', label: '综合得分', howComputed: '满意率×40% + 按时办结率×30% + 响应率×20% + 办结率×10%' },
    { figure: 'responseRate', label: '响应率', howComputed: '在响应时限内签收的件数 ÷ 受理件数。' },
  ],
};

describe('the ranking table', () => {
  it('ranks the departments with enough reports and lists the others apart as 样本不足, without rank or score', () => {
    render(<RankingTable ranking={RANKING} loading={false} onOpen={null} />);
    const ranked = document.querySelector('.ant-table-tbody') as HTMLElement;
    const first = within(ranked).getByText('城关镇供电所').closest('tr') as HTMLElement;
    expect(
      within(first)
        .getAllByRole('cell')
        .slice(0, 4)
        .map((cell) => cell.textContent),
    ).toEqual(['1', '城关镇供电所', '59.5', '7']);
    expect(within(ranked).queryByText('县民政局')).toBeNull();

    const apart = screen.getByRole('region', { name: '样本不足' });
    expect(within(apart).getByText('样本不足')).toBeInTheDocument();
    expect(apart).toHaveTextContent('本期受理不足 5 件的部门不参与排名');
    const row = within(apart).getByText('县民政局').closest('tr') as HTMLElement;
    // 受理 1, 响应率 100%: shown, but neither a rank nor a score.
    // 回访满意率 has no 回访评价 to count: a dash, not 0 %.
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['县民政局', '1', '100.0%', '42.9%', '66.7%', '100.0%', '—', '104 小时', '4', '1', '2']);
    expect(within(apart).queryByText('排名')).toBeNull();
  });

  it('opens the reports of a department from either table', () => {
    const onOpen = jest.fn();
    render(<RankingTable ranking={RANKING} loading={false} onOpen={onOpen} />);
    fireEvent.click(within(screen.getByRole('region', { name: '样本不足' })).getByText('县民政局'));
    expect(onOpen).toHaveBeenLastCalledWith(expect.objectContaining({ departmentId: 'DEPT-CIVIL' }));
    fireEvent.click(screen.getByText('城关镇供电所'));
    expect(onOpen).toHaveBeenLastCalledWith(expect.objectContaining({ departmentId: 'DEPT-POWER' }));
  });

  it('explains how each figure is computed', () => {
    render(<RankingTable ranking={RANKING} loading={false} onOpen={null} />);
    fireEvent.click(screen.getByText('各项指标怎么算'));
    expect(screen.getByText('满意率×40% + 按时办结率×30% + 响应率×20% + 办结率×10%')).toBeInTheDocument();
    expect(screen.getByText('在响应时限内签收的件数 ÷ 受理件数。').previousSibling).toHaveTextContent('响应率');
  });

  it('says so when no department reached the minimum, and leaves the section out when none fell short', () => {
    const { unmount } = render(
      <RankingTable ranking={{ ...RANKING, departments: [] }} loading={false} onOpen={null} />,
    );
    expect(screen.getByText('本期没有受理满 5 件的部门')).toBeInTheDocument();
    unmount();
    render(<RankingTable ranking={{ ...RANKING, insufficient: { departments: [] } }} loading={false} onOpen={null} />);
    expect(screen.queryByRole('region', { name: '样本不足' })).toBeNull();
  });
});
