import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock } from '../../../../test/mocks/taro';
import { answer } from '../../../../test/taroCalls';
import { currentStaffSession } from '../../../services/staffSession';
import { gridReport, signInGridWorker, signInLiaison } from '../testFixtures';
import { fieldDrafts } from '../services/fieldDrafts';
import WorkbenchHome from '.';

type Call = { url: string; data?: Record<string, unknown>; header?: Record<string, string> };
const COUNTS = { dispatched: 2, accepted: 1, due_soon: 0, overdue: 3, done: 4, all: 10, submitted: 1, filed: 5 };

function serve(items = [gridReport()]) {
  taroMock.request.mockImplementation((call: Call) =>
    call.url.includes('/counts')
      ? answer(200, COUNTS)
      : answer(200, { items, total: items.length, page: 1, pageSize: 20 }),
  );
}

describe('工作台', () => {
  it('shows my counts and my whole scope, with the staff token', async () => {
    signInGridWorker();
    serve();
    render(<WorkbenchHome />);
    expect(await screen.findByText('村口垃圾堆了三天没人清')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: '待签收 2 件' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: '处理中 1 件' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: '即将超期 0 件' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: '已超期 3 件' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: '全部 10 件' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: '我代报的 5 件' })).toBeInTheDocument();
    const call = taroMock.request.mock.calls
      .map(([request]) => request as Call)
      .find((request) => !request.url.includes('/counts'));
    expect(call?.url).toContain('/staff/reports?tab=all&page=1');
    expect(call?.header).toMatchObject({ Authorization: 'Bearer staff-token' });
    fireEvent.click(screen.getByText('五一村', { exact: false }));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: `/packages/workbench/report/index?id=${gridReport().id}` });
  });

  it('lists one tab when its tile is tapped, and says when it is empty', async () => {
    signInGridWorker();
    serve();
    render(<WorkbenchHome />);
    await screen.findByText('村口垃圾堆了三天没人清');
    serve([]);
    fireEvent.click(screen.getByRole('tab', { name: '已超期 3 件' }));
    expect(await screen.findByText('没有已超期的事项')).toBeInTheDocument();
    expect(
      taroMock.request.mock.calls.map(([request]) => (request as Call).url).some((url) => url.includes('tab=overdue')),
    ).toBe(true);
  });

  it('shows a failure with 重试, and sends an expired session back to the sign-in', async () => {
    signInGridWorker();
    taroMock.request.mockImplementation(() => Promise.reject(new Error('request:fail timeout')));
    render(<WorkbenchHome />);
    expect(await screen.findByText('网络不给力，请稍后再试')).toBeInTheDocument();
    taroMock.request.mockImplementation(() =>
      answer(401, { error: { code: 'unauthorized', message: '登录已失效，请重新登录' } }),
    );
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    await waitFor(() => expect(taroMock.redirectTo).toHaveBeenCalledWith({ url: '/packages/workbench/login/index' }));
    expect(currentStaffSession()).toBeNull();
  });

  it('offers the field 住户走访 and 代报 beside the queue', async () => {
    signInGridWorker();
    serve();
    render(<WorkbenchHome />);
    await screen.findByText('村口垃圾堆了三天没人清');
    fireEvent.click(screen.getByRole('button', { name: '住户走访：查看住户，记录走访，可同时代报' }));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/packages/workbench/households/index' });
    expect(screen.getByRole('button', { name: '代报：替群众反映问题，说、写、拍都行' })).toBeInTheDocument();
  });

  it('gives a 三线 member their households instead of a report queue, calling no report route', async () => {
    signInLiaison();
    serve();
    render(<WorkbenchHome />);
    expect(await screen.findByRole('button', { name: '我的住户：查看住户，记录走访，可同时代报' })).toBeInTheDocument();
    expect(screen.getByText('您代报的事项，办理进展会通过消息告诉您。')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '代报：替群众反映问题，说、写、拍都行' }));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/packages/workbench/onbehalf/index' });
    fireEvent.click(screen.getByRole('button', { name: '走访记录：最近的走访，点开可再次走访' }));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/packages/workbench/visits/index' });
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
    expect(taroMock.request).not.toHaveBeenCalled();
  });

  it('counts a 走访 or 代报 waiting for signal with the unsent actions', async () => {
    signInLiaison();
    taroMock.request.mockImplementation(() => Promise.reject(new Error('request:fail timeout')));
    await fieldDrafts.send({
      visit: false,
      report: true,
      name: '王婶',
      villageCode: '610921100201',
      note: '水渠堵了',
      photos: [],
    });
    render(<WorkbenchHome />);
    expect(await screen.findByText('有 1 项办理还未发送成功，联网后自动发送')).toBeInTheDocument();
    act(() => fieldDrafts.list().forEach((draft) => fieldDrafts.remove(draft.id)));
    expect(screen.queryByText(/还未发送成功/)).not.toBeInTheDocument();
  });

  it('signs out of the 工作台 only, after confirming', async () => {
    signInGridWorker();
    serve();
    render(<WorkbenchHome />);
    await screen.findByText('村口垃圾堆了三天没人清');
    fireEvent.click(screen.getByText('退出工作台'));
    await waitFor(() => expect(taroMock.reLaunch).toHaveBeenCalledWith({ url: '/pages/me/index' }));
    expect(currentStaffSession()).toBeNull();
  });
});
