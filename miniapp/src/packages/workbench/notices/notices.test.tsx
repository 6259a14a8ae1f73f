import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { StaffNotice } from '@minqing/shared';
import { taroMock } from '../../../../test/mocks/taro';
import { answer, posts, type RequestCall, photoUploadsSucceed } from '../../../../test/taroCalls';
import { CADRE_ID, signInCadre } from '../testFixtures';
import NoticeComposePage from '../notice-compose';
import MyNoticesPage from '.';

const PHOTO_ID = '01M81KNHEEZY3C4PCQ1HHZPW30';

const notice = (overrides: Partial<StaffNotice> = {}): StaffNotice => ({
  id: '01M81KNHEEZY3C4PCQ1HHZPN01',
  title: '五一村第三季度财务公开',
  body: '详见公告图片',
  category: 'finance',
  categoryName: '财务公开',
  regionCode: '610921100201',
  regionName: '五一村',
  pinned: true,
  status: 'published',
  publishedAt: '2026-11-22T04:00:00.000Z',
  expiresAt: null,
  readCount: 12,
  imageUploadIds: [PHOTO_ID],
  authorId: CADRE_ID,
  createdAt: '2026-11-22T03:00:00.000Z',
  updatedAt: '2026-11-22T04:00:00.000Z',
  allowedActions: ['edit', 'withdraw'],
  ...overrides,
});

beforeEach(() => signInCadre());

describe('发布公告 from the phone', () => {
  it('asks for a title, then uploads the photo of the paper notice and publishes it to the cadre’s village', async () => {
    taroMock.chooseMedia.mockResolvedValue({ tempFiles: [{ tempFilePath: 'tmp/paper.jpg', size: 1000 }] });
    photoUploadsSucceed(PHOTO_ID);
    taroMock.request.mockImplementation((call: RequestCall) =>
      answer(
        call.url.endsWith('/publish') ? 200 : 201,
        notice({ status: call.url.endsWith('/publish') ? 'published' : 'draft' }),
      ),
    );
    render(<NoticeComposePage />);
    fireEvent.click(screen.getByRole('button', { name: '发布' }));
    expect(await screen.findByText('请填写标题')).toBeInTheDocument();
    expect(taroMock.request).not.toHaveBeenCalled();

    fireEvent.input(screen.getByPlaceholderText('例如：五一村2026年第三季度财务公开'), {
      target: { value: '五一村第三季度财务公开' },
    });
    fireEvent.click(screen.getByText('📷 拍照'));
    await waitFor(() => expect(screen.getAllByRole('img').length).toBeGreaterThan(0));
    fireEvent.click(screen.getByRole('radio', { name: '财务公开' }));
    fireEvent.click(screen.getByRole('radio', { name: '30天' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '置顶' }));
    fireEvent.click(screen.getByRole('button', { name: '发布' }));

    await waitFor(() => expect(posts()).toHaveLength(2));
    expect(taroMock.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: 'tmp/paper.jpg', header: { Authorization: 'Bearer staff-token' } }),
    );
    expect(posts()[0]).toMatchObject({
      url: expect.stringContaining('/staff/notices'),
      data: {
        title: '五一村第三季度财务公开',
        body: '详见公告图片',
        category: 'finance',
        regionCode: '610921100201',
        pinned: true,
        imageUploadIds: [PHOTO_ID],
        expiresAt: expect.any(String),
      },
    });
    expect(posts()[1].url).toContain(`/staff/notices/${notice().id}/publish`);
    await waitFor(() => expect(taroMock.navigateBack).toHaveBeenCalled());
  });

  it('shows the server’s refusal and stays on the form', async () => {
    taroMock.request.mockImplementation(() =>
      answer(400, { error: { code: 'bad_request', message: '内容含有违规信息，请修改后再发布', field: 'body' } }),
    );
    render(<NoticeComposePage />);
    fireEvent.input(screen.getByPlaceholderText('例如：五一村2026年第三季度财务公开'), { target: { value: '通知' } });
    fireEvent.input(screen.getByPlaceholderText('公告内容'), { target: { value: '明天开会' } });
    fireEvent.click(screen.getByRole('button', { name: '发布' }));
    expect(await screen.findByText('内容含有违规信息，请修改后再发布')).toBeInTheDocument();
    expect(taroMock.navigateBack).not.toHaveBeenCalled();
  });
});

describe('我发布的公告', () => {
  it('lists only my notices with their read counts, and withdraws one after confirming', async () => {
    const others = notice({
      id: '01M81KNHEEZY3C4PCQ1HHZPN02',
      title: '镇里的通知',
      authorId: '01J000000000000000000000X1',
    });
    taroMock.request.mockImplementation((call: RequestCall) =>
      call.method === 'POST'
        ? answer(200, notice({ status: 'withdrawn', allowedActions: ['edit', 'publish'] }))
        : answer(200, { items: [notice(), others], total: 2, page: 1, pageSize: 50 }),
    );
    render(<MyNoticesPage />);
    expect(await screen.findByText('财务公开 · 已发布 · 已读 12 人')).toBeInTheDocument();
    expect(screen.queryByText('镇里的通知')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '撤回' }));
    expect(await screen.findByText('财务公开 · 已撤回 · 已读 12 人')).toBeInTheDocument();
    expect(posts()[0].url).toContain(`/staff/notices/${notice().id}/withdraw`);
    expect(screen.queryByRole('button', { name: '撤回' })).not.toBeInTheDocument();
  });
});
