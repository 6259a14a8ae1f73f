import { fireEvent, render, screen } from '@testing-library/react';
import type { StaffNotice } from '@minqing/shared';
import { navigate } from '../nav';
import { ContentEditor } from './ContentEditor';
import { contentApi } from './contentApi';

jest.mock('./contentApi', () => ({
  contentApi: { create: jest.fn(), patch: jest.fn(), publish: jest.fn(), get: jest.fn(), files: jest.fn() },
}));

beforeAll(() => {
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => ({
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    right: 0,
    bottom: 0,
    width: 0,
    height: 0,
    toJSON: () => ({}),
  });
});

const scope = [{ value: '610921100201', title: '五一村（本村(社区)）', children: [] }];

function openNew() {
  open(null);
}

function open(id: string | null) {
  render(
    <ContentEditor
      kind="notice"
      id={id}
      scopeOptions={scope}
      defaultRegionCode="610921100201"
      regionName={() => '五一村'}
      onCreated={jest.fn()}
      onBack={jest.fn()}
    />,
  );
}

describe('the notice editor', () => {
  it('asks before leaving with unsaved changes, and not before', async () => {
    openNew();
    const title = await screen.findByPlaceholderText('请填写标题');
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(false);
    window.location.hash = '/notices?edit=new';
    navigate('queue');
    expect(confirm).not.toHaveBeenCalled();
    expect(window.location.hash).toBe('#/queue');

    window.location.hash = '/notices?edit=new';
    fireEvent.change(title, { target: { value: '停水通知' } });
    expect(await screen.findByText('有未保存的修改')).toBeInTheDocument();
    navigate('queue');
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('未保存'));
    expect(window.location.hash).toBe('#/notices?edit=new');
  });

  it('offers 发布, and no 撤回, to a draft not saved yet', async () => {
    openNew();
    expect(await screen.findByText(/^发\s*布$/)).toBeInTheDocument();
    expect(screen.queryByText(/^撤\s*回$/)).not.toBeInTheDocument();
  });

  it.each([
    [['edit', 'withdraw'], true],
    [['edit'], false],
  ] as const)(
    'a published notice the server allows %j shows 撤回: %s, and never 发布',
    async (allowedActions, shown) => {
      const published: StaffNotice = {
        id: '01J000000000000000000000N1',
        title: '停水通知',
        body: '明日停水',
        category: 'village',
        categoryName: '村务公开',
        regionCode: '610921100201',
        regionName: '五一村',
        pinned: false,
        status: 'published',
        publishedAt: '2026-03-02T09:00:00.000Z',
        expiresAt: null,
        readCount: 3,
        imageUploadIds: [],
        authorId: '01J000000000000000000000S1',
        createdAt: '2026-03-02T08:00:00.000Z',
        updatedAt: '2026-03-02T09:00:00.000Z',
        allowedActions: [...allowedActions],
      };
      jest.mocked(contentApi.get).mockResolvedValue(published);
      jest.mocked(contentApi.files).mockResolvedValue([]);
      open(published.id);
      expect(await screen.findByText('阅读 3')).toBeInTheDocument();
      expect(screen.queryByText(/^发\s*布$/)).not.toBeInTheDocument();
      if (shown) expect(screen.getByText(/^撤\s*回$/)).toBeInTheDocument();
      else expect(screen.queryByText(/^撤\s*回$/)).not.toBeInTheDocument();
    },
  );
});
