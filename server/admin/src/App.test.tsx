import { act, render, screen, waitFor } from '@testing-library/react';
import { message } from 'antd';
import type { StaffLoginResponse } from '@minqing/shared';
import { frameField, openIndexHtml, submitFrame } from '../test/indexHtml';
import { App } from './App';
import * as rehearsal from './rehearsal';

const signedIn: StaffLoginResponse = {
  token: 'token-1',
  expiresAt: '2099-01-01T00:00:00.000Z',
  staff: {
    id: '01J0000000000000000000000A',
    username: 'chengguan',
    name: '城关调度',
    role: 'dispatcher',
    regionCode: '610921100',
    abilities: ['queue', 'triage'],
  },
};

interface Answer {
  ok: boolean;
  status: number;
  text(): Promise<string>;
  json(): Promise<unknown>;
  clone(): Answer;
}

/** A Response as far as the app and index.html read it (the frame reads a clone of the login's). */
const json = (status: number, body: unknown): Answer => ({
  ok: status < 400,
  status,
  text: async () => JSON.stringify(body),
  json: async () => body,
  clone: () => json(status, body),
});

const EMPTY_PAGE = json(200, { items: [], total: 0, page: 1, pageSize: 20 });

/** The server: the login answers `login`; the queue (unless `firstPage` says otherwise), its counts and the lists answer empty. */
function serve(login: ReturnType<typeof json>, firstPage = EMPTY_PAGE): jest.Mock {
  const fetchMock = jest.fn(async (url: string) => {
    if (url === '/api/v1/staff/auth/login') return login;
    if (url.startsWith('/api/v1/staff/reports/counts')) return json(200, {});
    if (url.startsWith('/api/v1/staff/reports?')) return firstPage;
    if (url.startsWith('/api/v1/staff/messages')) return json(200, { items: [], total: 0, unread: 0 });
    return json(200, []);
  });
  global.fetch = fetchMock as never;
  return fetchMock;
}

const calledWith = (fetchMock: jest.Mock, prefix: string) =>
  fetchMock.mock.calls.filter(([url]) => String(url).startsWith(prefix)).length;

async function signInThroughFrame(): Promise<void> {
  openIndexHtml();
  frameField('账号').value = 'chengguan';
  frameField('密码').value = 'Demo@321';
  // Submitted before the app's code has arrived: the app finds the request waiting.
  submitFrame();
  await act(async () => {
    render(<App />, { container: document.getElementById('root') as HTMLElement });
  });
}

describe("the panel after index.html's sign-in frame", () => {
  beforeEach(() => {
    sessionStorage.clear();
    window.location.hash = '';
  });
  afterEach(() => jest.restoreAllMocks());

  it('signs in with what the frame sent, asks for the queue and its lists at once, and asks for them only once', async () => {
    const fetchMock = serve(json(200, signedIn));
    await signInThroughFrame();

    await screen.findByRole('button', { name: /退出登录/ }, { timeout: 10_000 });
    expect(document.getElementById('sign-in-frame')).toBeNull();
    expect(sessionStorage.getItem('minqing.admin.token')).toBe('token-1');
    // The queue on screen, its rows answered (the empty table's placeholder without a spinner).
    await waitFor(
      () => {
        expect(document.querySelector('.ant-table-placeholder')).not.toBeNull();
        expect(document.querySelector('.ant-table-wrapper .ant-spin-spinning')).toBeNull();
      },
      { timeout: 10_000 },
    );
    expect(calledWith(fetchMock, '/api/v1/staff/auth/login')).toBe(1);
    expect(calledWith(fetchMock, '/api/v1/staff/reports?tab=submitted&sort=-submittedAt&page=1&pageSize=20')).toBe(1);
    expect(calledWith(fetchMock, '/api/v1/staff/reports/counts')).toBe(1);
    // The first page and the counts were asked by the frame as soon as the login answered, before the
    // app had the answer, and with its token: the app took them rather than asking again.
    const sentAhead = fetchMock.mock.calls.slice(1, 3);
    expect(sentAhead.map(([url]) => url)).toEqual([
      '/api/v1/staff/reports?tab=submitted&sort=-submittedAt&page=1&pageSize=20',
      '/api/v1/staff/reports/counts',
    ]);
    for (const [, init] of sentAhead) expect(init.headers.Authorization).toBe('Bearer token-1');
    // The filters' lists were asked for with the rows, not again by the queue once drawn.
    for (const list of ['/api/v1/staff/departments', '/api/v1/categories', '/api/v1/regions?depth=village'])
      expect(calledWith(fetchMock, list)).toBe(1);
  });

  it("shows the server's words when the first page asked for at sign-in fails, and the queue without a spinner", async () => {
    const fetchMock = serve(
      json(200, signedIn),
      json(503, { error: { code: 'internal_error', message: '服务繁忙，请稍后再试' } }),
    );
    await signInThroughFrame();

    await screen.findByText('服务繁忙，请稍后再试', undefined, { timeout: 10_000 });
    await waitFor(() => {
      expect(document.querySelector('.ant-table-placeholder')).not.toBeNull();
      expect(document.querySelector('.ant-table-wrapper .ant-spin-spinning')).toBeNull();
    });
    // The failed answer sent ahead is the queue's answer: not asked a second time behind the clerk's back.
    expect(calledWith(fetchMock, '/api/v1/staff/reports?')).toBe(1);
    // The filter bar still comes, so the clerk can search again.
    await screen.findByRole('button', { name: /查\s*询/ }, { timeout: 10_000 });
    // The toast lives in antd's own root in <body>: closed before the next test replaces the page.
    act(() => message.destroy());
    await waitFor(() => expect(document.querySelector('.ant-message-notice')).toBeNull());
  });

  it('rehearses the work queue behind the frame while the clerk types, sending nothing and showing nothing', async () => {
    const fetchMock = serve(json(200, signedIn));
    const rehearse = jest.spyOn(rehearsal, 'rehearse');
    openIndexHtml();
    await act(async () => {
      render(<App />, { container: document.getElementById('root') as HTMLElement });
    });

    await waitFor(() => expect(rehearse).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(document.querySelector('.ant-table')).toBeNull();
    expect(document.getElementById('sign-in-frame')).not.toBeNull();
  });

  it('hands a refused sign-in to the React page, with the typed values and the server’s words', async () => {
    serve(json(401, { error: { code: 'invalid_credentials', message: '账号或密码错误' } }));
    await signInThroughFrame();

    await screen.findByText('账号或密码错误', undefined, { timeout: 10_000 });
    expect(document.getElementById('sign-in-frame')).toBeNull();
    expect(screen.getByLabelText('账号')).toHaveValue('chengguan');
    expect(screen.getByLabelText('密码')).toHaveValue('Demo@321');
    expect(sessionStorage.getItem('minqing.admin.token')).toBeNull();
  });

  it('hands a form sent with an empty field to the React page, which says what is missing', async () => {
    const fetchMock = serve(json(200, signedIn));
    openIndexHtml();
    frameField('账号').value = 'chengguan';
    submitFrame();
    await act(async () => {
      render(<App />, { container: document.getElementById('root') as HTMLElement });
    });

    await screen.findByText('请输入密码', undefined, { timeout: 10_000 });
    expect(screen.getByLabelText('账号')).toHaveValue('chengguan');
    expect(fetchMock).not.toHaveBeenCalled();
    await waitFor(() => expect(document.getElementById('sign-in-frame')).toBeNull());
  });
});
