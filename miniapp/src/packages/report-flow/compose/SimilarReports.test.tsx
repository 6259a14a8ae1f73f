import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { RegionNode, SimilarReport } from '@minqing/shared';
import { taroMock } from '../../../../test/mocks/taro';
import { forgetVillageTree } from '../../../components/VillagePicker/regions';
import { drafts } from '../../../services/drafts';
import { saveUser } from '../../../services/session';
import { STORAGE_KEYS } from '../../../services/storage';
import ReportComposePage from '.';
import { FOLLOWED, ME_TOO, SIMILAR_TITLE } from './SimilarReports';

const VILLAGE = '610921100201';
const tree: RegionNode[] = [
  {
    code: '610921',
    name: '汉阴县',
    level: 'county',
    children: [
      {
        code: '610921100',
        name: '城关镇',
        level: 'township',
        children: [{ code: VILLAGE, name: '五一村', level: 'village', children: [] }],
      },
    ],
  },
];

const pole: SimilarReport = {
  id: '01M81KNHEEZY3C4PCQ1HHZPW27',
  serialNo: 'HY20261122-0001',
  excerpt: '村口电线杆倾斜，存在安全隐患',
  status: 'accepted',
  category: { code: 'power', name: '供电' },
  department: { id: 'D1', name: '城关镇供电所' },
  followers: 2,
};

interface Call {
  url: string;
  method?: string;
  data?: unknown;
}

const ok = (data: unknown) => Promise.resolve({ statusCode: 200, data, header: {} });
const calls = () => taroMock.request.mock.calls.map(([call]) => call as Call);
const similarAsked = () => calls().filter((call) => call.url.includes('/reports/similar'));

function serve(similar: () => Promise<unknown> = () => ok({ items: [pole] })) {
  taroMock.request.mockImplementation((call: Call) => {
    if (call.url.includes('/regions')) return ok(tree);
    if (call.url.includes('/categories')) return ok([]);
    if (call.url.includes('/reports/similar')) return similar();
    if (call.url.includes('/follow') && call.method === 'POST') return ok({ followers: 3, following: true });
    return ok({});
  });
}

async function renderPage() {
  render(<ReportComposePage />);
  await screen.findByText('城关镇 五一村');
}

const write = (text: string) =>
  fireEvent.change(screen.getByPlaceholderText('在这里写下您要反映的事情'), { target: { value: text } });

beforeEach(async () => {
  for (const draft of drafts.list()) await drafts.remove(draft.id);
  forgetVillageTree();
  taroMock.storage.set(STORAGE_KEYS.token, 'tok');
  saveUser({ id: 'U1', nickname: null, villageCode: VILLAGE, phone: null, careMode: false });
  taroMock.setRouterParams({ service: 'direct' });
});

describe('我要反映: 本村已有相似的问题 (我也遇到)', () => {
  it('shows the similar open reports of the village once the words settle, without any reporter', async () => {
    serve();
    await renderPage();
    expect(screen.queryByText(SIMILAR_TITLE)).not.toBeInTheDocument();
    write('村口');
    write('村口的电线杆歪了');
    const panel = await screen.findByTestId('similar-reports', {}, { timeout: 3000 });
    // Asked once, for the settled words and the village.
    expect(similarAsked()).toHaveLength(1);
    const url = new URL(similarAsked()[0].url, 'http://x');
    expect(url.searchParams.get('villageCode')).toBe(VILLAGE);
    expect(url.searchParams.get('text')).toBe('村口的电线杆歪了');
    expect(within(panel).getByText(SIMILAR_TITLE)).toBeInTheDocument();
    expect(within(panel).getByText('村口电线杆倾斜，存在安全隐患')).toBeInTheDocument();
    expect(within(panel).getByText('承办：城关镇供电所')).toBeInTheDocument();
    expect(within(panel).getByText('2 位村民也遇到')).toBeInTheDocument();
  });

  it('joins the report with one tap instead of filing it, and on 查看进展 drops the draft and opens the report', async () => {
    serve();
    await renderPage();
    write('村口的电线杆歪了');
    const join = await screen.findByRole('button', { name: ME_TOO }, { timeout: 3000 });
    fireEvent.click(join);
    await waitFor(() => expect(taroMock.redirectTo).toHaveBeenCalled());
    const follows = calls().filter((call) => call.url.includes(`/reports/${pole.id}/follow`));
    expect(follows.map((call) => call.method)).toEqual(['POST']);
    expect(taroMock.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '已关注', confirmText: '查看进展' }),
    );
    expect(taroMock.redirectTo).toHaveBeenCalledWith({
      url: `/packages/my-reports/detail/index?id=${encodeURIComponent(pole.id)}`,
    });
    // Nothing was filed, and the words written are not kept as a draft.
    expect(calls().filter((call) => call.url.endsWith('/reports') && call.method === 'POST')).toEqual([]);
    expect(drafts.list()).toEqual([]);
  });

  it('stays on the form on 继续反映, the report marked as followed with its new count', async () => {
    serve();
    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    await renderPage();
    write('村口的电线杆歪了');
    fireEvent.click(await screen.findByRole('button', { name: ME_TOO }, { timeout: 3000 }));
    expect(await screen.findByRole('button', { name: FOLLOWED })).toBeDisabled();
    expect(screen.getByText('3 位村民也遇到')).toBeInTheDocument();
    expect(taroMock.redirectTo).not.toHaveBeenCalled();
    expect(screen.getByDisplayValue('村口的电线杆歪了')).toBeInTheDocument();
  });

  it('says so when the search fails, without keeping the villager from submitting', async () => {
    serve(() =>
      Promise.resolve({
        statusCode: 500,
        data: { error: { code: 'internal_error', message: '服务器出错了' } },
        header: {},
      }),
    );
    await renderPage();
    write('村口的电线杆歪了');
    expect(await screen.findByTestId('similar-error', {}, { timeout: 3000 })).toHaveTextContent('不影响您提交');
    expect(screen.getByText('提交')).toBeEnabled();
  });

  it('never asks for 违法举报 or for a few characters', async () => {
    taroMock.setRouterParams({ service: 'illegal' });
    serve();
    await renderPage();
    write('河里有人电鱼，每天晚上都有');
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(similarAsked()).toEqual([]);
  });
});
