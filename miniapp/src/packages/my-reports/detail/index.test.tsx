import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReportDetail, TimelineEvent } from '@minqing/shared';
import { taroMock } from '../../../../test/mocks/taro';
import { photoUploadsSucceed } from '../../../../test/taroCalls';
import { STORAGE_KEYS } from '../../../services/storage';
import ReportDetailPage from '.';

const ID = '01M81KNHEEZY3C4PCQ1HHZPW27';
const department = { id: 'D1', name: '城关镇供电所' };
const event = (
  type: TimelineEvent['type'],
  status: TimelineEvent['status'],
  note: string | null = null,
): TimelineEvent => ({
  id: `E-${type}`,
  type,
  at: '2026-11-22T04:28:36.100Z',
  status,
  note,
  department: type === 'submitted' ? null : department,
  actor: type === 'submitted' ? '您' : department.name,
  attachments: [],
  public: true,
});

const resolved: ReportDetail = {
  id: ID,
  serialNo: 'HY20261122-0001',
  status: 'resolved',
  statusName: '已办结，请评价',
  serviceCode: 'direct',
  villageCode: '610921100201',
  villageName: '五一村',
  excerpt: '电线杆倾斜了',
  category: { code: 'power', name: '供电' },
  department,
  tier: 'general',
  submittedAt: '2026-11-22T04:28:33.102Z',
  responseDueAt: null,
  resolveDueAt: '2026-11-25T08:00:00.000Z',
  rating: null,
  text: '电线杆倾斜了',
  transcript: null,
  transcriptSource: null,
  voice: null,
  photos: [],
  location: null,
  anonymous: false,
  ratingComment: null,
  deputy: null,
  onBehalf: null,
  ratingOnBehalf: false,
  timeline: [
    event('submitted', 'submitted'),
    event('route', 'dispatched'),
    event('reply', 'accepted', '已安排电工明天上午到现场'),
    event('resolve', 'resolved', '电杆已扶正加固，请您放心'),
  ],
  allowedActions: ['rate', 'dispute', 'supplement'],
};

const ok = (data: unknown) => Promise.resolve({ statusCode: 200, data, header: {} });
type Call = { url: string; method?: string; data?: unknown };
const posts = () => taroMock.request.mock.calls.map(([call]) => call as Call).filter((call) => call.method === 'POST');

beforeEach(() => {
  taroMock.storage.set(STORAGE_KEYS.token, 'tok');
  taroMock.setRouterParams({ id: ID });
});

describe('反映详情', () => {
  it('shows status, who has it, the department’s answers and the public timeline', async () => {
    taroMock.request.mockImplementation(() => ok(resolved));
    render(<ReportDetailPage />);
    expect(await screen.findByText('已办结，请评价')).toBeInTheDocument();
    expect(screen.getByText('承办：城关镇供电所')).toBeInTheDocument();
    const answers = screen.getAllByTestId('answer');
    expect(answers[0]).toHaveTextContent('电杆已扶正加固，请您放心');
    expect(answers[1]).toHaveTextContent('已安排电工明天上午到现场');
    expect(screen.getAllByTestId('timeline-event')[0]).toHaveTextContent('城关镇供电所已办结');
    expect(screen.getByRole('button', { name: '评价' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '要求重办' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '补充说明' })).toBeInTheDocument();
  });

  it('shows where it is: the address typed, picked or found from the point, else that a point was marked', async () => {
    taroMock.request.mockImplementation(() =>
      ok({ ...resolved, location: { address: '五一村三组王家院子旁', addressSource: 'citizen' } }),
    );
    const { unmount } = render(<ReportDetailPage />);
    expect(await screen.findByTestId('report-place')).toHaveTextContent('📍 五一村三组王家院子旁');
    unmount();
    taroMock.request.mockImplementation(() =>
      ok({ ...resolved, location: { lat: 32.8915, lng: 108.5084, coordSystem: 'wgs84' } }),
    );
    render(<ReportDetailPage />);
    expect(await screen.findByTestId('report-place')).toHaveTextContent('📍 已在地图上标记位置');
  });

  it('says who reported it on the household’s behalf, and marks a rating recorded on a return visit', async () => {
    const visited: ReportDetail = {
      ...resolved,
      status: 'closed',
      statusName: '已评价',
      rating: 4,
      ratingComment: '李大爷说修好了',
      ratingOnBehalf: true,
      onBehalf: { filedBy: '网格员 王强', household: '李大爷' },
      allowedActions: ['dispute'],
    };
    taroMock.request.mockImplementation(() => ok(visited));
    render(<ReportDetailPage />);
    expect(await screen.findByText('由网格员 王强代为反映')).toBeInTheDocument();
    expect(screen.getByText('回访评价（工作人员回访时代为记录）')).toBeInTheDocument();
    expect(screen.queryByText('您的评价')).not.toBeInTheDocument();
  });

  it('rates with five large stars after confirming, and shows the result at once', async () => {
    const rated: ReportDetail = {
      ...resolved,
      status: 'closed',
      statusName: '已评价',
      rating: 5,
      ratingComment: '很及时',
      allowedActions: [],
    };
    taroMock.request.mockImplementation((call: Call) => ok(call.method === 'POST' ? rated : resolved));
    render(<ReportDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '评价' }));

    fireEvent.click(screen.getByText('提交评价'));
    expect(screen.getByText('请先点星星打分')).toBeInTheDocument();
    expect(posts()).toHaveLength(0);

    fireEvent.click(screen.getByRole('radio', { name: '5星 很满意' }));
    fireEvent.change(screen.getByPlaceholderText('还想说点什么？（可不填）'), { target: { value: '很及时' } });
    fireEvent.click(screen.getByText('提交评价'));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(taroMock.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '您打了5星（很满意），确定提交吗？' }),
    );
    expect(posts()[0]).toMatchObject({
      url: expect.stringContaining(`/reports/${ID}/rating`),
      data: { score: 5, comment: '很及时' },
    });
    expect(await screen.findByText('已评价')).toBeInTheDocument();
    expect(screen.getByText('您的评价')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '评价' })).not.toBeInTheDocument();
  });

  it('warns that a low rating sends the report back, and sends nothing when the citizen hesitates', async () => {
    taroMock.request.mockImplementation(() => ok(resolved));
    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<ReportDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '评价' }));
    fireEvent.click(screen.getByRole('radio', { name: '2星 不满意' }));
    fireEvent.click(screen.getByText('提交评价'));
    await waitFor(() =>
      expect(taroMock.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ content: '您打了2星（不满意），这件事会交回部门重新办理。确定提交吗？' }),
      ),
    );
    expect(posts()).toHaveLength(0);
  });

  it('要求重办 needs a reason, then reopens the report', async () => {
    const reopened: ReportDetail = {
      ...resolved,
      status: 'reopened',
      statusName: '重新办理',
      allowedActions: ['supplement'],
      timeline: [
        ...resolved.timeline,
        { ...event('dispute', 'reopened', '灯还是不亮'), department: null, actor: '您' },
      ],
    };
    taroMock.request.mockImplementation((call: Call) => ok(call.method === 'POST' ? reopened : resolved));
    render(<ReportDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '要求重办' }));
    fireEvent.click(screen.getByText('提交'));
    expect(screen.getByText('请说明需要重新办理的原因')).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('例如：路灯修了两天又不亮了'), { target: { value: '灯还是不亮' } });
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]).toMatchObject({ url: expect.stringContaining('/dispute'), data: { reason: '灯还是不亮' } });
    expect(await screen.findByText('重新办理')).toBeInTheDocument();
    expect(screen.getAllByTestId('timeline-event')[0]).toHaveTextContent('您要求重新办理');
  });

  it('补充说明 sends text and uploaded photos', async () => {
    taroMock.request.mockImplementation(() => ok(resolved));
    taroMock.chooseMedia.mockResolvedValueOnce({ tempFiles: [{ tempFilePath: 'tmp/more.jpg', size: 1000 }] });
    photoUploadsSucceed('01M81KNHEEZY3C4PCQ1HHZPW30');
    render(<ReportDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '补充说明' }));
    fireEvent.change(screen.getByPlaceholderText('还有什么要告诉工作人员的？'), { target: { value: '旁边还有一根' } });
    fireEvent.click(screen.getByText('📷 拍照'));
    await waitFor(() => expect(screen.getByTestId('photo')).toHaveTextContent('✓'));
    fireEvent.click(screen.getByText('提交补充说明'));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]).toMatchObject({
      url: expect.stringContaining('/supplements'),
      data: { text: '旁边还有一根', photoUploadIds: ['01M81KNHEEZY3C4PCQ1HHZPW30'] },
    });
  });

  it('a report that cannot be found says so and offers 返回, not a useless 重试', async () => {
    taroMock.getCurrentPages.mockReturnValue([
      { route: 'packages/my-reports/list/index' },
      { route: 'packages/my-reports/detail/index' },
    ]);
    taroMock.request.mockImplementation(() =>
      Promise.resolve({ statusCode: 404, data: { error: { code: 'not_found', message: '没有找到' } }, header: {} }),
    );
    render(<ReportDetailPage />);
    expect(await screen.findByText('找不到这条反映')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '重试' })).not.toBeInTheDocument();
    const back = screen.getAllByRole('button', { name: '返回' });
    fireEvent.click(back[back.length - 1]);
    expect(taroMock.navigateBack).toHaveBeenCalledTimes(1);
    expect(taroMock.request).toHaveBeenCalledTimes(1);
  });

  it('a report opened from a link that is not found offers 返回首页', async () => {
    taroMock.getCurrentPages.mockReturnValue([{ route: 'packages/my-reports/detail/index' }]);
    taroMock.request.mockImplementation(() =>
      Promise.resolve({ statusCode: 404, data: { error: { code: 'not_found', message: '没有找到' } }, header: {} }),
    );
    render(<ReportDetailPage />);
    expect(await screen.findByText('找不到这条反映')).toBeInTheDocument();
    const home = screen.getAllByRole('button', { name: '返回首页' });
    fireEvent.click(home[home.length - 1]);
    expect(taroMock.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
    expect(screen.queryByRole('button', { name: '重试' })).not.toBeInTheDocument();
  });

  it('a network failure keeps 重试, which loads again', async () => {
    taroMock.request.mockImplementationOnce(() => Promise.reject(new Error('request:fail timeout')));
    render(<ReportDetailPage />);
    expect(await screen.findByText('网络不给力，请稍后再试')).toBeInTheDocument();
    expect(screen.queryByText('找不到这条反映')).not.toBeInTheDocument();
    taroMock.request.mockImplementation(() => ok(resolved));
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('已办结，请评价')).toBeInTheDocument();
  });
});
