import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock } from '../../../../test/mocks/taro';
import { answer, posts, type RequestCall, photoUploadsSucceed } from '../../../../test/taroCalls';
import { REPORT_ID, gridReport, signInGridWorker } from '../testFixtures';
import StaffReportPage from '.';

const PHOTO_ID = '01M81KNHEEZY3C4PCQ1HHZPW30';
const resolved = gridReport({ status: 'resolved', statusName: '已办结', allowedActions: [] });

beforeEach(() => {
  signInGridWorker();
  taroMock.setRouterParams({ id: REPORT_ID });
  taroMock.chooseMedia.mockResolvedValue({ tempFiles: [{ tempFilePath: 'tmp/clean.jpg', size: 1000 }] });
  photoUploadsSucceed(PHOTO_ID);
});

describe('事项办理', () => {
  it('shows what was reported, where with 导航, the timeline, and exactly the allowed actions', async () => {
    taroMock.request.mockImplementation(() => answer(200, gridReport()));
    render(<StaffReportPage />);
    expect(await screen.findByText('村口垃圾堆了三天没人清')).toBeInTheDocument();
    expect(screen.getByText('语音文字：村口垃圾没人清')).toBeInTheDocument();
    expect(screen.getByText('反映人：李大爷 · 138****5678')).toBeInTheDocument();
    expect(screen.getByText(/五一村 · 第一网格/)).toBeInTheDocument();
    expect(screen.getAllByTestId('staff-event')[0]).toHaveTextContent('群众反映 · 李大爷');
    fireEvent.click(screen.getByRole('button', { name: '导航' }));
    expect(taroMock.openLocation).toHaveBeenCalledWith(
      expect.objectContaining({ latitude: 32.89, longitude: 108.5, address: '五一村村口' }),
    );
    expect(screen.getByRole('button', { name: '就地办结' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '不予受理' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '签收' })).not.toBeInTheDocument();
  });

  it('就地办结 needs a photo taken on the spot, then uploads it and acts with an Idempotency-Key', async () => {
    taroMock.request.mockImplementation((call: RequestCall) =>
      answer(200, call.method === 'POST' ? resolved : gridReport()),
    );
    render(<StaffReportPage />);
    fireEvent.click(await screen.findByRole('button', { name: '就地办结' }));
    fireEvent.input(screen.getByPlaceholderText('写清楚做了什么、结果如何'), {
      target: { value: '已和村保洁员清理干净' },
    });
    fireEvent.click(screen.getByRole('button', { name: '确认就地办结' }));
    expect(await screen.findByText('请拍照记录办理结果')).toBeInTheDocument();
    expect(posts()).toHaveLength(0);

    fireEvent.click(screen.getByText('📷 拍照'));
    await waitFor(() => expect(screen.getAllByRole('img').length).toBeGreaterThan(0));
    fireEvent.click(screen.getByRole('button', { name: '确认就地办结' }));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(taroMock.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: 'tmp/clean.jpg', header: { Authorization: 'Bearer staff-token' } }),
    );
    expect(posts()[0]).toMatchObject({
      url: expect.stringContaining(`/staff/reports/${REPORT_ID}/actions`),
      data: { action: 'resolve_on_spot', note: '已和村保洁员清理干净', photoUploadIds: [PHOTO_ID] },
      header: expect.objectContaining({ 'Idempotency-Key': expect.stringMatching(/^a-/) }),
    });
    expect(await screen.findByText('这件事项目前不需要您办理')).toBeInTheDocument();
  });

  it('keeps an action sent without signal and sends it again with the same key', async () => {
    taroMock.request.mockImplementation((call: RequestCall) =>
      call.method === 'POST' ? Promise.reject(new Error('request:fail timeout')) : answer(200, gridReport()),
    );
    render(<StaffReportPage />);
    fireEvent.click(await screen.findByRole('button', { name: '不予受理' }));
    fireEvent.input(screen.getByPlaceholderText('写清楚做了什么、结果如何'), { target: { value: '不属于村里的事' } });
    fireEvent.click(screen.getByRole('button', { name: '确认不予受理' }));
    expect(await screen.findByText('不予受理：已保存，联网后自动提交')).toBeInTheDocument();
    expect(taroMock.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存，联网后自动提交' }));

    taroMock.request.mockImplementation((call: RequestCall) =>
      answer(200, call.method === 'POST' ? resolved : gridReport()),
    );
    fireEvent.click(screen.getByRole('button', { name: '立即重试' }));
    await waitFor(() => expect(screen.queryByText('不予受理：已保存，联网后自动提交')).not.toBeInTheDocument());
    const [first, second] = posts();
    expect(second.header?.['Idempotency-Key']).toBe(first.header?.['Idempotency-Key']);
  });

  it('回访评价 records the household’s stars and the visit, as the server allows the filer', async () => {
    const visited = gridReport({ status: 'resolved', statusName: '已办结', allowedActions: ['rate_on_behalf'] });
    taroMock.request.mockImplementation((call: RequestCall) =>
      answer(200, call.method === 'POST' ? { ...visited, status: 'closed', allowedActions: [] } : visited),
    );
    render(<StaffReportPage />);
    fireEvent.click(await screen.findByRole('button', { name: '回访评价' }));
    fireEvent.input(screen.getByPlaceholderText('写清楚做了什么、结果如何'), {
      target: { value: '上门回访，李大爷说路灯修好了' },
    });
    fireEvent.click(screen.getByRole('button', { name: '确认回访评价' }));
    expect(await screen.findByText('评分为 1 到 5 星')).toBeInTheDocument();
    expect(posts()).toHaveLength(0);
    fireEvent.click(screen.getByRole('radio', { name: '5星 很满意' }));
    fireEvent.click(screen.getByRole('button', { name: '确认回访评价' }));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0].data).toEqual({ action: 'rate_on_behalf', score: 5, note: '上门回访，李大爷说路灯修好了' });
  });
});
