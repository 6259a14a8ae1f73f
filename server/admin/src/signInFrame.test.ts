import { staffAuthRoutes } from '@minqing/shared';
import { frameField, openIndexHtml, submitFrame } from '../test/indexHtml';
import { onFrameSubmit, signInFrameShown, takeSignInFrame } from './signInFrame';

function type(label: string, value: string): void {
  frameField(label).value = value;
}

describe("index.html's sign-in frame", () => {
  let fetchMock: jest.Mock;
  beforeEach(() => {
    sessionStorage.clear();
    window.minqingSignIn = undefined;
    fetchMock = jest.fn().mockResolvedValue({ ok: true, status: 200, text: async () => '{}' });
    global.fetch = fetchMock;
  });

  it('is a form with labelled 账号 and 密码 fields and a 登录 button, before any script of the app', () => {
    openIndexHtml();
    expect(signInFrameShown()).toBe(true);
    expect(frameField('账号').autocomplete).toBe('username');
    expect(frameField('密码').type).toBe('password');
    expect(document.querySelector('#sign-in-frame button')?.textContent).toMatch(/登\s*录/);
  });

  it('sends a filled form at once and hands the request to the app, the button busy meanwhile', () => {
    openIndexHtml();
    type('账号', ' chengguan ');
    type('密码', 'Demo@321');
    submitFrame();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0];
    // index.html cannot import the contract: the test holds it to it.
    expect(url).toBe(`/api/v1${staffAuthRoutes.login.path}`);
    expect(init.method).toBe(staffAuthRoutes.login.method.toUpperCase());
    expect(JSON.parse(init.body)).toEqual({ username: 'chengguan', password: 'Demo@321' });
    expect((document.querySelector('#sign-in-frame button') as HTMLButtonElement).disabled).toBe(true);

    const received: unknown[] = [];
    const stop = onFrameSubmit((submission) => received.push(submission));
    stop();
    expect(received).toEqual([fetchMock.mock.results[0].value]);
    expect(window.minqingSignIn).toBeUndefined();
  });

  it('reports a form submitted with an empty field as null, without a request', () => {
    openIndexHtml();
    const received: unknown[] = [];
    const stop = onFrameSubmit((submission) => received.push(submission));
    type('账号', 'chengguan');
    submitFrame();
    stop();
    expect(received).toEqual([null]);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('gives what was typed and where the cursor was to the React page, and goes away', () => {
    openIndexHtml();
    type('账号', 'chengguan');
    type('密码', 'secret');
    frameField('密码').focus();
    expect(takeSignInFrame()).toEqual({ username: 'chengguan', password: 'secret', focused: 'password' });
    expect(signInFrameShown()).toBe(false);
    expect(takeSignInFrame()).toBeNull();
  });

  it('shows or hides the password with the eye', () => {
    openIndexHtml();
    (document.querySelector('#sign-in-frame .eye') as HTMLElement).click();
    expect(frameField('密码').type).toBe('text');
    (document.querySelector('#sign-in-frame .eye') as HTMLElement).click();
    expect(frameField('密码').type).toBe('password');
  });

  it('is not there for a tab still signed in, and is for one whose session expired', () => {
    sessionStorage.setItem('minqing.admin.token', 'token');
    sessionStorage.setItem('minqing.admin.expiresAt', new Date(Date.now() + 60_000).toISOString());
    openIndexHtml();
    expect(signInFrameShown()).toBe(false);

    sessionStorage.setItem('minqing.admin.expiresAt', new Date(Date.now() - 1).toISOString());
    openIndexHtml();
    expect(signInFrameShown()).toBe(true);
  });
});
