import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock } from '../../../../test/mocks/taro';
import { answer, posts, type RequestCall, photoUploadsSucceed } from '../../../../test/taroCalls';
import { HOUSEHOLD_ID, REPORT_ID, gridReport, signInGridWorker } from '../testFixtures';
import { fieldDrafts } from '../services/fieldDrafts';
import HouseholdPage from '.';

const PHOTO_ID = '01M81KNHEEZY3C4PCQ1HHZPW30';
const VISIT = {
  id: '01M81KNHEEZY3C4PCQ1HHZPW50',
  household: { id: HOUSEHOLD_ID, headName: '李大爷', address: '五一村一组 12 号', gridCode: '610921100201001' },
  visitor: { id: '01J000000000000000000000G1', name: '周明' },
  note: '老人身体还好，米面都有',
  photoUploadIds: [],
  visitedAt: '2026-11-20T02:00:00.000Z',
};
const visitPage = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 20 });

beforeEach(() => {
  signInGridWorker();
  taroMock.setRouterParams({
    id: HOUSEHOLD_ID,
    name: encodeURIComponent('李大爷'),
    grid: '610921100201001',
    address: encodeURIComponent('五一村一组 12 号'),
  });
  taroMock.chooseMedia.mockResolvedValue({ tempFiles: [{ tempFilePath: 'tmp/roof.jpg', size: 1000 }] });
  photoUploadsSucceed(PHOTO_ID);
});

describe('住户走访', () => {
  it('lists the household’s visits, and says so when there are none', async () => {
    taroMock.request.mockImplementation(() => answer(200, visitPage([VISIT])));
    const { unmount } = render(<HouseholdPage />);
    expect(await screen.findByText('老人身体还好，米面都有')).toBeInTheDocument();
    expect(screen.getByText('李大爷')).toBeInTheDocument();
    expect(screen.getByText('五一村一组 12 号')).toBeInTheDocument();
    expect((taroMock.request.mock.calls[0][0] as RequestCall).url).toContain(
      `/staff/visits?householdId=${HOUSEHOLD_ID}&page=1`,
    );
    unmount();
    taroMock.request.mockImplementation(() => answer(200, visitPage([])));
    render(<HouseholdPage />);
    expect(await screen.findByText('还没有走访记录')).toBeInTheDocument();
  });

  it('records a visit with a photo and 同时代报: the visit, then the 代报 with an Idempotency-Key, then its serial number', async () => {
    taroMock.request.mockImplementation((call: RequestCall) => {
      if (call.method !== 'POST') return answer(200, visitPage([]));
      return call.url.includes('/staff/visits')
        ? answer(201, { ...VISIT, note: '屋顶漏雨，需要修缮', photoUploadIds: [PHOTO_ID] })
        : answer(201, gridReport());
    });
    render(<HouseholdPage />);
    await screen.findByText('还没有走访记录');
    fireEvent.click(screen.getByRole('button', { name: '保存走访' }));
    expect(await screen.findByText('请填写走访情况')).toBeInTheDocument();
    expect(posts()).toHaveLength(0);

    fireEvent.input(screen.getByPlaceholderText('家里情况怎样、群众反映了什么、帮着做了什么'), {
      target: { value: '屋顶漏雨，需要修缮' },
    });
    fireEvent.click(screen.getByText('📷 拍照'));
    await waitFor(() => expect(screen.getAllByRole('img').length).toBeGreaterThan(0));
    fireEvent.click(screen.getByRole('checkbox', { name: '同时代报' }));
    fireEvent.click(screen.getByRole('button', { name: '保存走访并代报' }));
    await waitFor(() => expect(posts()).toHaveLength(2));
    expect(posts()[0]).toMatchObject({
      url: expect.stringContaining('/staff/visits'),
      data: { householdId: HOUSEHOLD_ID, note: '屋顶漏雨，需要修缮', photoUploadIds: [PHOTO_ID] },
      header: expect.objectContaining({ 'Idempotency-Key': expect.stringMatching(/^v-/) }),
    });
    expect(posts()[1]).toMatchObject({
      url: expect.stringMatching(/\/staff\/reports$/),
      data: {
        serviceCode: 'direct',
        villageCode: '610921100201',
        text: '屋顶漏雨，需要修缮',
        photoUploadIds: [PHOTO_ID],
        onBehalfOf: { name: '李大爷', householdId: HOUSEHOLD_ID },
      },
      header: expect.objectContaining({ 'Idempotency-Key': expect.stringMatching(/^r-/) }),
    });
    await waitFor(() =>
      expect(taroMock.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ title: '走访已记录，已代报', content: expect.stringContaining('HY20261122-0001') }),
      ),
    );
    await waitFor(() =>
      expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: `/packages/workbench/report/index?id=${REPORT_ID}` }),
    );
  });

  it('keeps a visit sent without signal, says so, and sends it with the same Idempotency-Key when the page retries', async () => {
    taroMock.request.mockImplementation((call: RequestCall) =>
      call.method === 'POST' ? Promise.reject(new Error('request:fail timeout')) : answer(200, visitPage([])),
    );
    render(<HouseholdPage />);
    await screen.findByText('还没有走访记录');
    fireEvent.input(screen.getByPlaceholderText('家里情况怎样、群众反映了什么、帮着做了什么'), {
      target: { value: '送去了冬衣' },
    });
    fireEvent.click(screen.getByRole('button', { name: '保存走访' }));
    expect(await screen.findByText('这次走访还未发送成功，联网后自动发送')).toBeInTheDocument();
    expect(taroMock.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存，联网后自动提交' }));

    taroMock.request.mockImplementation((call: RequestCall) =>
      answer(
        call.method === 'POST' ? 201 : 200,
        call.method === 'POST' ? { ...VISIT, note: '送去了冬衣' } : visitPage([]),
      ),
    );
    await act(() => fieldDrafts.retryDue(true));
    await waitFor(() => expect(screen.queryByText('这次走访还未发送成功，联网后自动发送')).not.toBeInTheDocument());
    expect(posts().map((call) => call.data)).toEqual([
      { householdId: HOUSEHOLD_ID, note: '送去了冬衣', photoUploadIds: [] },
      { householdId: HOUSEHOLD_ID, note: '送去了冬衣', photoUploadIds: [] },
    ]);
    const [firstKey, retryKey] = posts().map((call) => call.header?.['Idempotency-Key']);
    expect(firstKey).toMatch(/^v-/);
    expect(retryKey).toBe(firstKey);
  });
});
