import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Household, StaffMe } from '@minqing/shared';
import { HouseholdsPage } from './HouseholdsPage';
import type { HouseholdsApi, SupervisionApi } from './householdsApi';

const cadre: StaffMe = {
  id: '01J000000000000000000000C1',
  username: 'cadre',
  name: '李秀兰',
  role: 'cadre',
  regionCode: '610921100201',
  abilities: ['queue', 'households', 'edit_households', 'import_households', 'supervise'],
};
const liaison: StaffMe = {
  id: '01J000000000000000000000L1',
  username: 'sanxian',
  name: '何建国',
  role: 'liaison',
  regionCode: '610921100201001',
  abilities: ['households', 'file_on_behalf', 'visit'],
};
const household: Household = {
  id: '01J000000000000000000000H1',
  gridCode: '610921100201001',
  gridName: '第一网格',
  villageName: '五一村',
  headName: '李德顺',
  address: '五一村1组 3 号',
  phone: '155****0000',
  memberCount: 1,
  tags: ['elderly_alone', 'low_income'],
  liaison: { id: liaison.id, name: '何建国' },
  lastVisitedAt: null,
  createdAt: '2026-11-01T00:00:00.000Z',
};
const tree = [
  {
    code: '610921100201',
    name: '五一村',
    level: 'village' as const,
    children: [{ code: '610921100201001', name: '第一网格', level: 'grid' as const, children: [] }],
  },
];

function fakeApi(overrides: Partial<HouseholdsApi> = {}): HouseholdsApi {
  return {
    list: jest.fn().mockResolvedValue({ items: [household], total: 1, page: 1, pageSize: 20 }),
    regions: jest.fn().mockResolvedValue(tree),
    importRoster: jest.fn(),
    ...overrides,
  };
}

const supervision: SupervisionApi = {
  month: jest.fn().mockResolvedValue({
    month: '2026-11',
    regionCode: '610921100201',
    regionName: '五一村',
    asOf: '2026-11-20T02:00:00.000Z',
    grids: [],
    liaisons: [],
    definitions: [],
  }),
  notVisited: jest.fn(),
};

describe('the 住户 screen', () => {
  it('lists the roster with masked phones, tags in words and who looks after each household', async () => {
    render(<HouseholdsPage staff={cadre} query={new URLSearchParams()} api={fakeApi()} supervision={supervision} />);
    expect(await screen.findByText('李德顺')).toBeInTheDocument();
    expect(screen.getByText('155****0000')).toBeInTheDocument();
    expect(screen.getByText('五一村 · 第一网格')).toBeInTheDocument();
    expect(screen.getByText('独居老人')).toBeInTheDocument();
    expect(screen.getByText('低保')).toBeInTheDocument();
    expect(screen.getByText('何建国')).toBeInTheDocument();
    expect(screen.getByText('未走访')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下载导入模板' })).toBeInTheDocument();
  });

  it('shows a refused import row by row, and reloads after one that went through', async () => {
    const importRoster = jest
      .fn()
      .mockResolvedValueOnce({
        message: '有 1 行有误，未导入任何住户',
        rowErrors: [{ row: 3, column: '联系电话', message: '请输入正确的手机号' }],
      })
      .mockResolvedValueOnce({ imported: 12 });
    const api = fakeApi({ importRoster });
    const { container } = render(
      <HouseholdsPage staff={cadre} query={new URLSearchParams()} api={api} supervision={supervision} />,
    );
    await screen.findByText('李德顺');
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File(['x'], '住户.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    fireEvent.change(input, { target: { files: [file] } });
    expect(await screen.findByText('有 1 行有误，未导入任何住户')).toBeInTheDocument();
    expect(screen.getByText('第 3 行「联系电话」：请输入正确的手机号')).toBeInTheDocument();
    expect(importRoster).toHaveBeenCalledWith(file);

    const again = new File(['y'], '住户（改）.xlsx', { type: file.type });
    fireEvent.change(container.querySelector('input[type="file"]') as HTMLInputElement, { target: { files: [again] } });
    await waitFor(() => expect(importRoster).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(api.list).toHaveBeenCalledTimes(2));
    expect(screen.queryByText('第 3 行「联系电话」：请输入正确的手机号')).not.toBeInTheDocument();
  });

  it('offers a 三线 member their households without import', async () => {
    render(<HouseholdsPage staff={liaison} query={new URLSearchParams()} api={fakeApi()} supervision={supervision} />);
    expect(await screen.findByText('李德顺')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /导入住户/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '下载导入模板' })).not.toBeInTheDocument();
  });
});
