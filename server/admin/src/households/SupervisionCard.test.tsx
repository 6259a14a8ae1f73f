import { fireEvent, render, screen, within } from '@testing-library/react';
import type { Supervision } from '@minqing/shared';
import type { SupervisionApi } from './householdsApi';
import { SupervisionCard } from './SupervisionCard';

const SUPERVISION: Supervision = {
  month: '2026-11',
  regionCode: '610921100',
  regionName: '城关镇',
  asOf: '2026-11-20T02:00:00.000Z',
  grids: [
    {
      gridCode: '610921100201001',
      gridName: '第一网格',
      villageName: '五一村',
      households: 3,
      visits: 2,
      notVisited: 1,
      filedOnBehalf: 2,
      settledOnSpot: 4,
    },
    {
      gridCode: '610921100201002',
      gridName: '第二网格',
      villageName: '五一村',
      households: 2,
      visits: 0,
      notVisited: 0,
      filedOnBehalf: 0,
      settledOnSpot: 0,
    },
  ],
  liaisons: [
    {
      staffId: '01J000000000000000000000L1',
      name: '何建国',
      gridCode: '610921100201001',
      gridName: '第一网格',
      households: 2,
      visits: 1,
      notVisited: 1,
      filedOnBehalf: 0,
    },
  ],
  definitions: [
    { figure: 'households', label: '联系户数', howComputed: '…' },
    { figure: 'visits', label: '走访次数', howComputed: '…' },
    { figure: 'notVisited', label: '未走访户数', howComputed: '…' },
    { figure: 'filedOnBehalf', label: '代报件数', howComputed: '…' },
    { figure: 'settledOnSpot', label: '就地办结', howComputed: '…' },
  ],
};
const HOUSEHOLD = {
  id: '01J000000000000000000000H1',
  gridCode: '610921100201001',
  gridName: '第一网格',
  villageName: '五一村',
  headName: '王桂英',
  address: '五一村1组 10 号',
  phone: '155****0001',
  memberCount: 3,
  tags: [],
  liaison: null,
  lastVisitedAt: null,
  createdAt: '2026-11-01T00:00:00.000Z',
};

describe('走访督导 card', () => {
  it('shows each grid and 三线 member, and opens the 未走访 households behind a figure', async () => {
    const api: SupervisionApi = {
      month: jest.fn().mockResolvedValue(SUPERVISION),
      notVisited: jest.fn().mockResolvedValue({ items: [HOUSEHOLD], total: 1, page: 1, pageSize: 10 }),
    };
    render(<SupervisionCard month="2026-11" api={api} />);
    expect(await screen.findByText('五一村 · 第一网格')).toBeInTheDocument();
    expect(screen.getAllByText('联系户数')).toHaveLength(2);
    expect(screen.getByText('何建国')).toBeInTheDocument();
    expect(api.month).toHaveBeenCalledWith('2026-11');

    const gridRow = screen.getByText('五一村 · 第一网格').closest('tr')!;
    fireEvent.click(within(gridRow).getByRole('button', { name: '1' }));
    expect(await screen.findByText('王桂英')).toBeInTheDocument();
    expect(screen.getByText('155****0001')).toBeInTheDocument();
    expect(screen.getByText('从未走访')).toBeInTheDocument();
    expect(api.notVisited).toHaveBeenCalledWith('2026-11', { gridCode: '610921100201001' }, 1, 10);
    // A grid with none to visit offers nothing to open.
    expect(within(screen.getByText('五一村 · 第二网格').closest('tr')!).queryByRole('button')).not.toBeInTheDocument();
  });

  it("opens a 三线 member's own list", async () => {
    const api: SupervisionApi = {
      month: jest.fn().mockResolvedValue(SUPERVISION),
      notVisited: jest.fn().mockResolvedValue({ items: [HOUSEHOLD], total: 1, page: 1, pageSize: 10 }),
    };
    render(<SupervisionCard month="2026-11" api={api} />);
    const row = (await screen.findByText('何建国')).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: '1' }));
    expect(await screen.findByText('何建国 联系的未走访住户')).toBeInTheDocument();
    expect(api.notVisited).toHaveBeenCalledWith('2026-11', { liaisonId: '01J000000000000000000000L1' }, 1, 10);
  });
});
