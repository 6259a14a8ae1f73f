import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Message } from '@minqing/shared';
import { taroMock } from '../../../../test/mocks/taro';
import { careModeStore } from '../../../stores/careMode';
import {
  REGION_TREE,
  citizen,
  page,
  resetStores,
  serveApi,
  settle,
  signIn,
} from '../../../pages/home/__tests__/fakeApi';
import MePage, { onPhoneNumber } from '../../../pages/me';
import { userStore } from '../../../stores/user';
import CareModePage from '../care-mode';
import MessagesPage from '../messages';

function message(overrides: Partial<Message>): Message {
  return {
    id: '01JMESSAGE0000000000000001',
    kind: 'report_signed',
    title: '您反映的问题已受理',
    body: '您反映的问题已由城关镇供电所受理，预计 11月25日 前办结。',
    reportId: null,
    noticeId: null,
    articleId: null,
    createdAt: '2026-11-22T02:00:00.000Z',
    readAt: null,
    ...overrides,
  };
}

describe('我的消息', () => {
  beforeEach(() => {
    resetStores();
    signIn();
  });

  it('shows the unread count, marks a message read when opened and opens its report', async () => {
    const unread = message({ id: '01JMESSAGE0000000000000001', reportId: '01JREPORT00000000000000001' });
    const read = message({
      id: '01JMESSAGE0000000000000002',
      kind: 'report_resolved',
      title: '您反映的问题已办结',
      readAt: '2026-11-21T02:00:00.000Z',
    });
    const calls = serveApi({
      'GET /messages': () => ({ ...page([unread, read]), unread: 1 }),
      [`POST /messages/${unread.id}/read`]: () => ({ ...unread, readAt: '2026-11-22T03:00:00.000Z' }),
    });
    render(<MessagesPage />);
    expect(await screen.findByText('您有 1 条未读消息，点开就会标为已读')).toBeInTheDocument();
    const item = screen.getByRole('button', { name: /^未读，您反映的问题已受理：/ });
    expect(within(item).getByText('未读')).toBeInTheDocument();

    fireEvent.click(item);
    expect(screen.getByText('消息都已读过')).toBeInTheDocument();
    await waitFor(() =>
      expect(calls.some((call) => call.method === 'POST' && call.path === `/messages/${unread.id}/read`)).toBe(true),
    );
    expect(taroMock.navigateTo).toHaveBeenCalledWith({
      url: '/packages/my-reports/detail/index?id=01JREPORT00000000000000001',
    });

    // Opening a read message sends nothing.
    fireEvent.click(screen.getByRole('button', { name: /^您反映的问题已办结：/ }));
    await settle();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1);
  });

  it('two 已办结，请评价 messages each say which report they mean, to the eye and to a screen reader', async () => {
    const light = message({
      id: '01JMESSAGE0000000000000003',
      kind: 'report_resolved',
      title: '已办结，请评价',
      body: '您反映的「二组路口的路灯不亮」（编号 HY20261123-0003）已由城关镇供电所办结。请查看办理结果，并对办理情况作出评价。',
      reportId: '01JREPORT00000000000000003',
    });
    const pole = message({
      id: '01JMESSAGE0000000000000004',
      kind: 'report_resolved',
      title: '已办结，请评价',
      body: '您反映的「村口电线杆倾斜」（编号 HY20261123-0004）已由城关镇供电所办结。请查看办理结果，并对办理情况作出评价。',
      reportId: '01JREPORT00000000000000004',
    });
    serveApi({ 'GET /messages': () => ({ ...page([light, pole]), unread: 2 }) });
    render(<MessagesPage />);
    expect(await screen.findByText(light.body)).toBeInTheDocument();
    expect(screen.getByText(pole.body)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /HY20261123-0003/ })).toHaveAccessibleName(
      `未读，已办结，请评价：${light.body}`,
    );
    fireEvent.click(screen.getByRole('button', { name: /村口电线杆倾斜/ }));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({
      url: '/packages/my-reports/detail/index?id=01JREPORT00000000000000004',
    });
  });

  it('says what the message centre is for when it is empty', async () => {
    serveApi({ 'GET /messages': () => ({ ...page([]), unread: 0 }) });
    render(<MessagesPage />);
    expect(await screen.findByText('还没有消息')).toBeInTheDocument();
    expect(screen.getByText('您反映的问题有了进展（受理、办结等），会在这里通知您')).toBeInTheDocument();
  });
});

describe('我的', () => {
  beforeEach(() => resetStores());

  it('shows the profile with the masked phone and village, and the unread messages', async () => {
    signIn(citizen({ nickname: '王大娘', phone: '139****5678' }));
    serveApi({
      'GET /me': () => citizen({ nickname: '王大娘', phone: '139****5678' }),
      'GET /messages': () => ({ ...page([]), unread: 3 }),
      'GET /regions': () => REGION_TREE,
    });
    render(<MePage />);
    expect(screen.getByText('王大娘')).toBeInTheDocument();
    expect(screen.getByText('手机号：139****5678')).toBeInTheDocument();
    expect(await screen.findByText('所在村：城关镇 五一村')).toBeInTheDocument();
    expect(await screen.findByText('3 条未读')).toBeInTheDocument();
    // In the browser there is no WeChat phone button, only a note.
    expect(screen.getByText('📱 手机号请在微信小程序中绑定')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /申请注销账号/ }));
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/profile/privacy/index?section=delete' });
    fireEvent.click(screen.getByRole('button', { name: /我的消息/ }));
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/profile/messages/index' });
    await settle();
  });

  it('binds the phone through POST /me/phone and shows it masked', async () => {
    signIn(citizen({ phone: null }));
    const calls = serveApi({ 'POST /me/phone': () => citizen({ phone: '138****5678' }) });
    await onPhoneNumber({ code: 'phone-code', errMsg: 'getPhoneNumber:ok' });
    expect(calls).toEqual([
      expect.objectContaining({ method: 'POST', path: '/me/phone', data: { code: 'phone-code' } }),
    ]);
    expect(userStore.get().user?.phone).toBe('138****5678');
    expect(taroMock.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已绑定手机号 138****5678' }));
    expect(taroMock.showModal).not.toHaveBeenCalled();
  });

  it("shows the server's message when binding fails, and nothing when the citizen declines", async () => {
    signIn(citizen({ phone: null }));
    serveApi({
      'POST /me/phone': () => ({
        status: 400,
        body: { error: { code: 'bad_request', message: '手机号授权已失效，请重新点击绑定手机号', field: 'code' } },
      }),
    });
    await onPhoneNumber({ code: 'used-code', errMsg: 'getPhoneNumber:ok' });
    expect(taroMock.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '手机号未绑定', content: '手机号授权已失效，请重新点击绑定手机号' }),
    );
    expect(userStore.get().user?.phone).toBeNull();
    taroMock.request.mockClear();
    taroMock.showToast.mockClear();
    taroMock.showModal.mockClear();
    await onPhoneNumber({ errMsg: 'getPhoneNumber:fail user deny' });
    expect(taroMock.request).not.toHaveBeenCalled();
    expect(taroMock.showToast).not.toHaveBeenCalled();
    expect(taroMock.showModal).not.toHaveBeenCalled();
  });
});

describe('关怀模式 page', () => {
  beforeEach(() => resetStores());

  it('explains, previews and switches it on and off', async () => {
    serveApi({ 'PATCH /me': (request) => citizen(request.data as object) });
    careModeStore.set({ enabled: false, suggested: true, chosen: false });
    const { container } = render(<CareModePage />);
    expect(screen.getByText('我们发现您的微信字体调得比较大，建议开启关怀模式，看得更清楚。')).toBeInTheDocument();
    expect(screen.getByText('首页只留三个大按钮：「说一说」「拍一拍」「听通知」')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /开启关怀模式/ }));
    expect(careModeStore.get()).toMatchObject({ enabled: true, chosen: true });
    expect(container.querySelector('.care-mode-page')).toHaveClass('care-mode');
    expect(screen.getByText('现在：已开启')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /关闭关怀模式/ }));
    expect(careModeStore.get().enabled).toBe(false);
    expect(container.querySelector('.care-mode-page')).not.toHaveClass('care-mode');
  });
});
