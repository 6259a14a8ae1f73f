import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fixClock } from '../../../../test/clock';
import { taroMock } from '../../../../test/mocks/taro';
import ReportSuccessPage, { MY_REPORTS_PAGE } from '.';
import { successUrl } from './successParams';

/** The params the compose page sends, as the router hands them over. */
function openWith(report: Parameters<typeof successUrl>[0]) {
  const query = successUrl(report).split('?')[1];
  taroMock.setRouterParams(Object.fromEntries(query.split('&').map((pair) => pair.split('='))));
  render(<ReportSuccessPage />);
}

const base = { id: '01M81KNHEEZY3C4PCQ1HHZPW27', serialNo: 'HY20261122-0042' };
const globals = globalThis as { SUBSCRIBE_TEMPLATE_IDS?: unknown };

fixClock('2026-11-22T12:30:00+08:00');

afterEach(() => {
  delete globals.SUBSCRIBE_TEMPLATE_IDS;
  process.env.TARO_ENV = 'h5';
});

describe('提交成功', () => {
  it('shows the serial number large and says it is being passed on when no department has it yet', () => {
    openWith({ ...base, status: 'submitted', department: null, resolveDueAt: null });
    expect(screen.getByText('HY20261122-0042')).toHaveClass('success__serial-no');
    expect(
      screen.getByText('您反映的问题已收到，正在分派给负责部门，一般 2 小时内会有工作人员联系您。'),
    ).toBeInTheDocument();
  });

  it('names the department and the day it should be done by when dispatched', () => {
    openWith({
      ...base,
      status: 'dispatched',
      department: { id: 'D1', name: '城关镇供电所' },
      resolveDueAt: '2026-11-25T08:00:00.000Z',
    });
    expect(screen.getByText(/^已交给城关镇供电所办理，预计 11月25日前办结/)).toBeInTheDocument();
  });

  it('leads to 我的反映', () => {
    openWith({ ...base, status: 'submitted', department: null, resolveDueAt: null });
    fireEvent.click(screen.getByText('查看我的反映'));
    expect(taroMock.redirectTo).toHaveBeenCalledWith({ url: MY_REPORTS_PAGE });
  });

  it('does not offer notifications in H5', () => {
    globals.SUBSCRIBE_TEMPLATE_IDS = ['tmpl-progress'];
    openWith({ ...base, status: 'submitted', department: null, resolveDueAt: null });
    expect(screen.queryByText('有进展时通知我')).not.toBeInTheDocument();
  });

  it('in WeChat asks for notifications only when tapped, with the configured templates', async () => {
    process.env.TARO_ENV = 'weapp';
    globals.SUBSCRIBE_TEMPLATE_IDS = 'tmpl-progress,tmpl-done';
    taroMock.requestSubscribeMessage.mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      'tmpl-progress': 'accept',
      'tmpl-done': 'reject',
    });
    openWith({ ...base, status: 'submitted', department: null, resolveDueAt: null });
    expect(taroMock.requestSubscribeMessage).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('有进展时通知我'));
    expect(taroMock.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-progress', 'tmpl-done'] });
    expect(await screen.findByText('好的，办理有进展时会在微信里通知您')).toBeInTheDocument();
  });

  it('in WeChat without configured templates does not offer notifications', () => {
    process.env.TARO_ENV = 'weapp';
    openWith({ ...base, status: 'submitted', department: null, resolveDueAt: null });
    expect(screen.queryByText('有进展时通知我')).not.toBeInTheDocument();
  });

  it('a declined request is answered kindly', async () => {
    process.env.TARO_ENV = 'weapp';
    globals.SUBSCRIBE_TEMPLATE_IDS = ['tmpl-progress'];
    taroMock.requestSubscribeMessage.mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      'tmpl-progress': 'reject',
    });
    openWith({ ...base, status: 'submitted', department: null, resolveDueAt: null });
    fireEvent.click(screen.getByText('有进展时通知我'));
    await waitFor(() =>
      expect(screen.getByText('没有开启通知也没关系，可以随时在「我的反映」里查看进展')).toBeInTheDocument(),
    );
  });
});
