import type { StaffLoginResponse, StaffMe } from '@minqing/shared';
import { frameField, openIndexHtml, submitFrame } from '../test/indexHtml';
import { answer, clearPrefetched, request } from './api';
import { prefetchLanding } from './landing';
import { parseHash } from './nav';
import { saveSession } from './session';
import { type FrameLanding, type FrameSubmission, onFrameSubmit } from './signInFrame';

const clerk: StaffMe = {
  id: '01J0000000000000000000000A',
  username: 'chengguan',
  name: '城关调度',
  role: 'dispatcher',
  regionCode: '610921100',
  abilities: ['queue', 'triage'],
};

describe('what is asked for the moment a staff member is signed in', () => {
  let fetchMock: jest.Mock;
  const asked = () => fetchMock.mock.calls.map(([url]) => String(url));
  beforeEach(() => {
    fetchMock = jest.fn(async () => ({ ok: true, status: 200, text: async () => '[]' }));
    global.fetch = fetchMock as never;
    clearPrefetched();
  });

  it("asks for the work queue's first page, its tab counts and its filters' lists all at once", () => {
    prefetchLanding(clerk, parseHash(''));
    expect(asked()).toEqual([
      '/api/v1/staff/reports?tab=submitted&sort=-submittedAt&page=1&pageSize=20',
      '/api/v1/staff/reports/counts',
      '/api/v1/staff/departments',
      '/api/v1/categories',
      '/api/v1/regions?depth=village',
    ]);
  });

  it('asks for nothing ahead when the password must be changed first or another screen opens', () => {
    prefetchLanding({ ...clerk, mustChangePassword: true }, parseHash(''));
    prefetchLanding({ ...clerk, abilities: ['queue', 'stats'] }, parseHash('#/stats'));
    expect(asked()).toEqual([]);
  });
});

describe("what index.html's sign-in frame asks ahead, and the app takes", () => {
  const loggedIn = (staff: StaffMe, token = 'token-1') => ({ token, expiresAt: '2099-01-01T00:00:00.000Z', staff });
  const response = (status: number, body: unknown): unknown => ({
    ok: status < 400,
    status,
    text: async () => JSON.stringify(body),
    json: async () => body,
    clone: () => response(status, body),
  });
  let fetchMock: jest.Mock;
  let login: unknown;
  const asked = () => fetchMock.mock.calls.map(([url]) => String(url));

  beforeEach(() => {
    sessionStorage.clear();
    window.location.hash = '';
    window.minqingSignIn = undefined;
    window.minqingLanding = undefined;
    clearPrefetched();
    login = response(200, loggedIn(clerk));
    let answered = 0;
    fetchMock = jest.fn(async (url: string) =>
      url === '/api/v1/staff/auth/login' ? login : response(200, { answered: ++answered }),
    );
    global.fetch = fetchMock as never;
  });

  /** The clerk submits the frame; the app (arriving later) signs in with its answer and token `token`. */
  async function signIn(token = 'token-1'): Promise<StaffMe> {
    // A fresh tab each time: one signed in skips the frame.
    sessionStorage.clear();
    clearPrefetched();
    openIndexHtml();
    frameField('账号').value = 'chengguan';
    frameField('密码').value = 'Demo@321';
    submitFrame();
    let taken: [FrameSubmission, FrameLanding] = [null, null];
    onFrameSubmit((submission, landing) => {
      taken = [submission, landing];
    })();
    const [submission, landing] = taken;
    const signedIn = await answer<StaffLoginResponse>(submission as Promise<Response>, { anonymous: true });
    saveSession(token, signedIn.expiresAt);
    prefetchLanding(signedIn.staff, parseHash(window.location.hash), landing);
    // What the app asks itself waits for what the frame asked to be known.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return signedIn.staff;
  }

  const firstPage = (tab: string) => `/staff/reports?tab=${tab}&sort=-submittedAt&page=1&pageSize=20`;

  it.each([
    ['a dispatcher, on 待受理', clerk, 'submitted'],
    ['a handler, on 待签收', { ...clerk, role: 'handler', abilities: ['queue'] } as StaffMe, 'dispatched'],
  ])(
    "asks for %s the app's own first page and counts, which the app takes instead of asking",
    async (_, staff, tab) => {
      login = response(200, loggedIn(staff));
      await signIn();
      // The frame's two, then only the lists from the app.
      expect(asked()).toEqual([
        '/api/v1/staff/auth/login',
        `/api/v1${firstPage(tab)}`,
        '/api/v1/staff/reports/counts',
        '/api/v1/staff/departments',
        '/api/v1/categories',
        '/api/v1/regions?depth=village',
      ]);
      await expect(request(firstPage(tab))).resolves.toEqual({ answered: 1 });
      await expect(request('/staff/reports/counts')).resolves.toEqual({ answered: 2 });
      expect(fetchMock).toHaveBeenCalledTimes(6);
    },
  );

  it('is not taken when signed in with another token: the app asks with its own', async () => {
    await signIn('token-2');
    await expect(request(firstPage('submitted'))).resolves.toEqual({ answered: 3 });
    const pages = fetchMock.mock.calls.filter(([url]) => String(url).includes('/staff/reports?'));
    expect(pages.map(([, init]) => init.headers.Authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('asks nothing for an address with filters or another screen, nor when the password must change: the app asks', async () => {
    window.location.hash = '#/queue?tab=overdue';
    await signIn();
    expect(asked().filter((url) => url.includes('/staff/reports'))).toEqual([
      `/api/v1${firstPage('overdue')}`,
      '/api/v1/staff/reports/counts',
    ]);

    fetchMock.mockClear();
    window.location.hash = '#/stats';
    login = response(200, loggedIn({ ...clerk, abilities: ['queue', 'stats'] }));
    await signIn();
    expect(asked()).toEqual(['/api/v1/staff/auth/login']);

    fetchMock.mockClear();
    window.location.hash = '';
    login = response(200, loggedIn({ ...clerk, mustChangePassword: true }));
    await signIn();
    expect(asked()).toEqual(['/api/v1/staff/auth/login']);
  });

  it("answers the queue with the server's words, or the network's failure, when what the frame sent fails", async () => {
    fetchMock.mockImplementation(async (url: string) => {
      if (url === '/api/v1/staff/auth/login') return login;
      if (url.includes('/staff/reports?'))
        return response(503, { error: { code: 'internal_error', message: '服务繁忙，请稍后再试' } });
      throw new TypeError('Failed to fetch');
    });
    await signIn();
    await expect(request(firstPage('submitted'))).rejects.toThrow('服务繁忙，请稍后再试');
    await expect(request('/staff/reports/counts')).rejects.toThrow('网络连接失败，请稍后再试');
    // Neither was asked a second time behind the clerk's back.
    expect(asked().filter((url) => url.includes('/staff/reports'))).toHaveLength(2);
  });
});
