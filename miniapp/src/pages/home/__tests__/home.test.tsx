import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { taroMock } from '../../../../test/mocks/taro';
import { careModeStore } from '../../../stores/careMode';
import HomePage from '../index';
import { article, notice, page, resetStores, serveApi, settle, signIn } from './fakeApi';

const latest = notice({
  title: '五一村村级财务收支情况公开',
  category: 'finance',
  categoryName: '财务公开',
  publishedAt: '2026-11-21T02:00:00.000Z',
});
const pinned = notice({
  title: '“321 民情在线”小程序正式上线',
  pinned: true,
  category: 'government',
  categoryName: '政务公告',
  publishedAt: '2026-11-12T02:00:00.000Z',
});

function serveHome() {
  return serveApi({
    'GET /notices': () => page([pinned, latest]),
    'GET /articles': (request) =>
      page([
        article({ category: request.query.category as 'policy' | 'guide', title: `文章-${request.query.category}` }),
      ]),
  });
}

const bigButtons = (container: HTMLElement) => Array.from(container.querySelectorAll('.big-button'));

describe('首页', () => {
  beforeEach(() => resetStores());

  it('in 关怀模式 shows exactly 说一说, 拍一拍 and 听通知, in the large-type class', async () => {
    signIn();
    careModeStore.set({ enabled: true, suggested: false, chosen: true });
    const calls = serveHome();
    const { container } = render(<HomePage />);

    // No speech in jsdom: 听通知 says it cannot read aloud, and why.
    await screen.findByText('您的浏览器不能朗读。请在微信中打开，或请家人帮您读一读。');
    expect(container.firstElementChild).toHaveClass('care-mode');
    const buttons = bigButtons(container);
    expect(buttons).toHaveLength(3);
    expect(buttons.map((button) => button.querySelector('.big-button__label')?.textContent)).toEqual([
      '说一说',
      '拍一拍',
      '听通知',
    ]);
    // Nothing else to tap: no quick entries, no article lists.
    expect(screen.queryByText('我要反映')).not.toBeInTheDocument();
    expect(calls.filter((call) => call.path === '/articles')).toHaveLength(0);
    expect(calls.find((call) => call.path === '/notices')?.query).toMatchObject({ pageSize: '3' });

    fireEvent.click(screen.getByText('说一说'));
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/report-flow/compose/index?service=direct&mode=voice',
    });
    fireEvent.click(screen.getByText('拍一拍'));
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/report-flow/compose/index?service=direct&mode=photo',
    });
    await settle();
  });

  it('听通知 reads the newest notice aloud where the browser can speak', async () => {
    const speak = jest.fn();
    const synth = { speak, cancel: jest.fn(), getVoices: () => [] };
    class Utterance {
      lang = '';
      rate = 1;
      voice = null;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(readonly text: string) {}
    }
    Object.assign(window, { speechSynthesis: synth, SpeechSynthesisUtterance: Utterance });
    try {
      signIn();
      careModeStore.set({ enabled: true, suggested: false, chosen: true });
      serveHome();
      render(<HomePage />);
      await screen.findByText('最新通知：五一村村级财务收支情况公开');
      fireEvent.click(screen.getByText('听通知'));
      expect(speak).toHaveBeenCalled();
      const spoken = speak.mock.calls.map(([utterance]) => (utterance as Utterance).text).join('');
      expect(spoken).toContain('五一村村级财务收支情况公开');
      expect((speak.mock.calls[0][0] as Utterance).lang).toBe('zh-CN');
      expect(screen.getByText('停止朗读')).toBeInTheDocument();
    } finally {
      delete (window as { speechSynthesis?: unknown }).speechSynthesis;
      delete (window as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
    }
  });

  it('in 关怀模式 without a village, 听通知 asks for the village first', async () => {
    signIn({ ...(await import('./fakeApi')).citizen({ villageCode: null }) });
    careModeStore.set({ enabled: true, suggested: false, chosen: true });
    const calls = serveHome();
    const { container } = render(<HomePage />);
    await settle();
    expect(bigButtons(container)).toHaveLength(3);
    fireEvent.click(screen.getByText('听通知'));
    expect(taroMock.switchTab).toHaveBeenCalledWith({ url: '/pages/notices/index' });
    expect(calls.filter((call) => call.path === '/notices')).toHaveLength(0);
  });

  it('standard: quick entries, the latest notices (pinned first, marked 置顶), policy and 办事指南', async () => {
    signIn();
    serveHome();
    const { container } = render(<HomePage />);
    expect(container.firstElementChild).not.toHaveClass('care-mode');
    const cards = await screen.findAllByRole('link', { name: /财务收支|正式上线/ });
    expect(cards[0]).toHaveTextContent('置顶');
    expect(cards[1]).not.toHaveTextContent('置顶');
    expect(await screen.findByText('文章-policy')).toBeInTheDocument();
    expect(await screen.findByText('文章-guide')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '我要反映' }));
    expect(taroMock.switchTab).toHaveBeenCalledWith({ url: '/pages/report/index' });
    fireEvent.click(screen.getByRole('button', { name: '我的反映' }));
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/my-reports/list/index' });
    fireEvent.click(screen.getByRole('button', { name: '政务村务' }));
    expect(taroMock.switchTab).toHaveBeenLastCalledWith({ url: '/pages/notices/index' });
    fireEvent.click(cards[1]);
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/notices/detail/index?id=${latest.id}` });
  });

  it('shows its frame — banner, entries, grey rows for each list — before any answer, then the lists', async () => {
    signIn();
    serveHome();
    const answer = taroMock.request.getMockImplementation() as (options: { url: string }) => Promise<unknown>;
    const waiting: { url: string; send: () => void }[] = [];
    taroMock.request.mockImplementation(
      (options: { url: string }) =>
        new Promise((resolve) => waiting.push({ url: options.url, send: () => resolve(answer(options)) })),
    );
    render(<HomePage />);
    // The notices and both article lists are asked for; none has answered.
    await waitFor(() => expect(waiting.filter(({ url }) => /\/(notices|articles)\?/.test(url))).toHaveLength(3));
    expect(screen.getByText('321 民情在线')).toBeInTheDocument();
    for (const entry of ['我要反映', '我的反映', '政务村务', '政策指南', '排行榜', '本村动态'])
      expect(screen.getByRole('button', { name: entry })).toBeInTheDocument();
    const loading = screen.getAllByRole('status', { name: '正在加载' });
    expect(loading).toHaveLength(3);
    expect(loading[0].querySelectorAll('.skeleton-rows__row')).toHaveLength(2);

    for (const { send } of waiting) send();
    expect(await screen.findByText('文章-guide')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryAllByRole('status', { name: '正在加载' })).toHaveLength(0));
  });

  it('says what to do when there is no village and no notice', async () => {
    signIn({ ...(await import('./fakeApi')).citizen({ villageCode: null }) });
    serveHome();
    render(<HomePage />);
    await settle();
    const empty = screen.getByText('还没有选择您所在的村').closest('[role="status"]') as HTMLElement;
    expect(within(empty).getByText('选好后，这里会显示本村的最新通知')).toBeInTheDocument();
    fireEvent.click(within(empty).getByRole('button', { name: '去选择' }));
    expect(taroMock.switchTab).toHaveBeenCalledWith({ url: '/pages/notices/index' });
  });

  it('offers 关怀模式 when WeChat text is large, and turns it on in one tap', async () => {
    signIn();
    careModeStore.set({ enabled: false, suggested: true, chosen: false });
    serveHome();
    const { container } = render(<HomePage />);
    await settle();
    fireEvent.click(screen.getByText('开启关怀模式'));
    await waitFor(() => expect(container.firstElementChild).toHaveClass('care-mode'));
    expect(bigButtons(container)).toHaveLength(3);
  });
});
