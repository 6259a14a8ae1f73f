import { render, screen, within } from '@testing-library/react';
import type { ReplyTemplate, StaffMe } from '@minqing/shared';
import { ReplyTemplates } from './ReplyTemplates';
import { templatesApi } from './templatesApi';

jest.mock('./templatesApi', () => ({
  templatesApi: {
    list: jest.fn(),
    update: jest.fn(),
    remove: jest.fn(),
    categories: jest.fn().mockResolvedValue([]),
    regions: jest.fn().mockResolvedValue([]),
  },
}));

const staff: StaffMe = {
  id: '01J000000000000000000000SD',
  username: 'chengguan',
  name: '城关镇民情管理员',
  role: 'dispatcher',
  regionCode: '610921100',
  abilities: ['templates'],
};

const template = (overrides: Partial<ReplyTemplate>): ReplyTemplate => ({
  id: '01J000000000000000000000T1',
  title: '镇停电',
  body: '停电抢修答复',
  categoryCode: null,
  categoryName: null,
  regionCode: '610921100',
  regionName: '城关镇',
  enabled: true,
  allowedActions: ['update', 'delete'],
  updatedAt: '2026-03-02T08:00:00.000Z',
  ...overrides,
});

/** The row of a title; text queries, because *ByRole is very slow over antd's tables in jsdom. */
const rowOf = async (title: string) => (await screen.findByText(title)).closest('tr') as HTMLElement;
const linksIn = (row: HTMLElement) =>
  within(row)
    .queryAllByRole('button')
    .map((button) => button.textContent?.replace(/\s/g, ''));
const switchIn = (row: HTMLElement) => within(row).getByRole('switch');

describe('答复模板', () => {
  it('offers 编辑, 停用 and 删除 exactly where the server allows them', async () => {
    jest.mocked(templatesApi.list).mockResolvedValue({
      items: [
        template({ id: '01J000000000000000000000T1', title: '本镇模板' }),
        template({ id: '01J000000000000000000000T2', title: '只可修改', allowedActions: ['update'] }),
        template({
          id: '01J000000000000000000000T3',
          title: '县级模板',
          regionCode: '610921',
          regionName: '汉阴县',
          allowedActions: [],
        }),
      ],
      total: 3,
      page: 1,
      pageSize: 20,
    });
    render(<ReplyTemplates staff={staff} query={new URLSearchParams()} />);

    const own = await rowOf('本镇模板');
    expect(linksIn(own).filter((text) => text !== '')).toEqual(['编辑', '删除']);
    expect(switchIn(own)).toBeEnabled();
    const updateOnly = await rowOf('只可修改');
    expect(linksIn(updateOnly).filter((text) => text !== '')).toEqual(['编辑']);
    const wider = await rowOf('县级模板');
    expect(linksIn(wider).filter((text) => text !== '')).toEqual([]);
    expect(switchIn(wider)).toBeDisabled();
    expect(within(wider).getByText('上级设置')).toBeInTheDocument();
    expect(within(wider).getByText('上级')).toBeInTheDocument();
  });
});
