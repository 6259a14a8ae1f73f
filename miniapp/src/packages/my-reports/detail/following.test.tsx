import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReportDetail } from '@minqing/shared';
import { taroMock } from '../../../../test/mocks/taro';
import { STORAGE_KEYS } from '../../../services/storage';
import ReportDetailPage from '.';

const ID = '01M81KNHEEZY3C4PCQ1HHZPW27';
const department = { id: 'D1', name: '城关镇供电所' };

/** The public view a follower gets: no voice, place, rating or actions. */
const followed: ReportDetail = {
  id: ID,
  serialNo: 'HY20261122-0001',
  status: 'resolved',
  statusName: '已办结',
  serviceCode: 'direct',
  villageCode: '610921100201',
  villageName: '五一村',
  excerpt: '村口电线杆倾斜',
  category: { code: 'power', name: '供电' },
  department,
  tier: 'general',
  submittedAt: '2026-11-22T04:28:33.102Z',
  responseDueAt: null,
  resolveDueAt: null,
  rating: null,
  text: '村口电线杆倾斜',
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
    {
      id: 'E1',
      type: 'resolve',
      at: '2026-11-23T04:00:00.000Z',
      status: 'resolved',
      note: '电杆已扶正加固',
      department,
      actor: department.name,
      attachments: [],
      public: true,
    },
  ],
  allowedActions: [],
  following: true,
};

type Call = { url: string; method?: string };
const ok = (data: unknown) => Promise.resolve({ statusCode: 200, data, header: {} });

beforeEach(() => {
  taroMock.storage.set(STORAGE_KEYS.token, 'tok');
  taroMock.setRouterParams({ id: ID });
  taroMock.request.mockImplementation((call: Call) =>
    call.method === 'DELETE' ? ok({ followers: 2, following: false }) : ok(followed),
  );
});

describe('反映详情 of a report one follows (我也遇到)', () => {
  it('shows the public view with the answer, no rating, and says it is followed', async () => {
    render(<ReportDetailPage />);
    expect(await screen.findByText('您关注了这件事（我也遇到）')).toBeInTheDocument();
    expect(screen.getByText('村民反映的内容')).toBeInTheDocument();
    expect(screen.queryByText('您反映的内容')).not.toBeInTheDocument();
    expect(screen.getByTestId('answer')).toHaveTextContent('电杆已扶正加固');
    expect(screen.queryByText('评价')).not.toBeInTheDocument();
    // A follower is never asked to rate: the chip says 已办结, not 已办结，请评价.
    expect(screen.getByText('已办结')).toBeInTheDocument();
    expect(screen.queryByText(/请评价/)).not.toBeInTheDocument();
  });

  it('stops following only after a confirmation', async () => {
    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<ReportDetailPage />);
    fireEvent.click(await screen.findByText('取消关注'));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledTimes(1));
    const deletes = () => taroMock.request.mock.calls.filter(([call]) => (call as Call).method === 'DELETE');
    expect(deletes()).toEqual([]);

    fireEvent.click(screen.getByText('取消关注'));
    await waitFor(() => expect(deletes()).toHaveLength(1));
    expect((deletes()[0][0] as Call).url).toContain(`/reports/${ID}/follow`);
    await waitFor(() =>
      expect(taroMock.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已取消关注' })),
    );
  });
});
