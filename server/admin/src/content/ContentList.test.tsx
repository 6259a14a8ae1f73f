import { render, screen, within } from '@testing-library/react';
import type { StaffNotice } from '@minqing/shared';
import { ContentList } from './ContentList';
import { contentApi } from './contentApi';

jest.mock('./contentApi', () => ({ contentApi: { list: jest.fn(), publish: jest.fn(), withdraw: jest.fn() } }));

const notice = (overrides: Partial<StaffNotice>): StaffNotice => ({
  id: '01J000000000000000000000N1',
  title: '春耕补贴发放公示',
  body: '补贴标准如下……',
  category: 'village',
  categoryName: '村务公开',
  regionCode: '610921100201',
  regionName: '五一村',
  pinned: false,
  status: 'draft',
  publishedAt: null,
  expiresAt: null,
  readCount: 0,
  imageUploadIds: [],
  authorId: '01J000000000000000000000S1',
  createdAt: '2026-03-02T08:00:00.000Z',
  updatedAt: '2026-03-02T08:00:00.000Z',
  allowedActions: ['edit', 'publish'],
  ...overrides,
});

/** The row of a title; text queries, because *ByRole is very slow over antd's tables in jsdom. */
const rowOf = async (title: string) => (await screen.findByText(title)).closest('tr') as HTMLElement;
const buttonsIn = (row: HTMLElement) =>
  within(row)
    .queryAllByRole('button')
    .map((button) => button.textContent?.replace(/\s/g, ''));

describe('the notice list', () => {
  it('offers 编辑, 发布 and 撤回 exactly where the server allows them, whatever the status', async () => {
    jest.mocked(contentApi.list).mockResolvedValue({
      items: [
        notice({ id: '01J000000000000000000000N1', title: '草稿可发布' }),
        notice({
          id: '01J000000000000000000000N2',
          title: '已发布可撤回',
          status: 'published',
          publishedAt: '2026-03-02T09:00:00.000Z',
          allowedActions: ['edit', 'withdraw'],
        }),
        notice({ id: '01J000000000000000000000N3', title: '草稿不可动', allowedActions: [] }),
      ],
      total: 3,
      page: 1,
      pageSize: 20,
    });
    render(<ContentList kind="notice" regionName={() => '五一村'} onOpen={jest.fn()} />);
    expect(buttonsIn(await rowOf('草稿可发布'))).toEqual(['编辑', '发布']);
    expect(buttonsIn(await rowOf('已发布可撤回'))).toEqual(['编辑', '撤回']);
    expect(buttonsIn(await rowOf('草稿不可动'))).toEqual([]);
  });
});
