import { Spin } from 'antd';
import type { StaffLoginResponse, StaffMe } from '@minqing/shared';
import { type ComponentType, Suspense, lazy, useEffect, useRef, useState } from 'react';
import { answer, api, clearPrefetched, setUnauthorizedHandler } from './api';
import { landingScreen, prefetchLanding } from './landing';
import { navigate, parseHash } from './nav';
import { PAGES, type PageProps, workQueue } from './pages';
import type { AppShellProps } from './pages/AppShell';
import type { FrameHandover } from './pages/Login';
import { preloadable } from './preloadable';
import { rehearse } from './rehearsal';
import { clearSession, currentToken, saveSession } from './session';
import { type FrameLanding, onFrameSubmit, removeSignInFrame, signInFrameShown } from './signInFrame';
import { Themed } from './theme';

// The sign-in page and the signed-in shell are fetched apart: a clerk on a slow line sees the
// sign-in form without waiting for the menus, and the work queue without the sign-in form.
const Login = lazy(() => import('./pages/Login').then((module) => ({ default: module.Login })));
const appShell = preloadable(() => import('./pages/AppShell').then((module) => module.AppShell));
const AppShell = appShell.Component;
const opening = <Spin fullscreen tip="正在打开…" />;

/** A township dispatcher: of the screens staff land on, theirs shows the most (every filter, the menu). */
const REHEARSED_STAFF: StaffMe = {
  id: 'rehearsal',
  username: 'rehearsal',
  name: '',
  role: 'dispatcher',
  regionCode: '',
  abilities: ['queue', 'triage'],
};
const ignore = () => undefined;

/** The work queue in its shell, rehearsed while the clerk signs in (rehearsal.tsx), so it then renders sooner. */
function rehearseLanding(Shell: ComponentType<AppShellProps>, Queue: ComponentType<PageProps>): () => void {
  return rehearse(
    <Themed>
      <Shell staff={REHEARSED_STAFF} page="queue" onNavigate={ignore} onLogout={ignore}>
        <Queue staff={REHEARSED_STAFF} query={new URLSearchParams()} />
      </Shell>
    </Themed>,
  );
}

export function App() {
  const [staff, setStaff] = useState<StaffMe | null>(null);
  const [checking, setChecking] = useState(() => currentToken() !== null);
  const [notice, setNotice] = useState<string | null>(null);
  const [location, setLocation] = useState(() => parseHash(window.location.hash));
  // index.html's sign-in form is the sign-in page until it signs in, or hands over to <Login>.
  const [framed, setFramed] = useState(signInFrameShown);
  const [handover, setHandover] = useState<FrameHandover | null>(null);
  const stopRehearsal = useRef<() => void>(ignore);

  const enter = (signedIn: StaffLoginResponse, landing: FrameLanding = null) => {
    // The real screen takes over from its rehearsal, wherever that has got to.
    stopRehearsal.current();
    saveSession(signedIn.token, signedIn.expiresAt);
    prefetchLanding(signedIn.staff, parseHash(window.location.hash), landing);
    removeSignInFrame();
    setFramed(false);
    setHandover(null);
    setNotice(null);
    setStaff(signedIn.staff);
  };

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setStaff(null);
      setNotice('登录已过期，请重新登录');
    });
    const onHash = () => setLocation(parseHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    // A reload keeps the tab's session: ask the server who we are (and whether the token still works).
    if (currentToken()) {
      api
        .me()
        .then((me) => {
          prefetchLanding(me, parseHash(window.location.hash));
          setStaff(me);
        }, clearSession)
        .finally(() => setChecking(false));
    }
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // While the clerk types in the frame, the code of the screen after it arrives and that screen is
  // rehearsed; a submitted frame is answered here, and a refused or empty one becomes <Login> with
  // what was typed.
  useEffect(() => {
    if (!framed) return;
    let waiting = true;
    Promise.all([appShell.load(), workQueue.load()]).then(([Shell, Queue]) => {
      // Not once signed in: the real screen may already be on its way.
      if (waiting && currentToken() === null) stopRehearsal.current = rehearseLanding(Shell, Queue);
    }, ignore);
    const stopListening = onFrameSubmit((submission, landing) => {
      if (submission === null) {
        setHandover({ empty: true });
        return;
      }
      answer<StaffLoginResponse>(submission, { anonymous: true }).then(
        (signedIn) => enter(signedIn, landing),
        (error: unknown) => setHandover({ error }),
      );
    });
    return () => {
      waiting = false;
      stopRehearsal.current();
      stopListening();
    };
  }, [framed]);

  if (checking) return <Spin fullscreen />;
  if (!staff) {
    if (framed && !handover) return null;
    return (
      <Suspense fallback={framed ? null : opening}>
        <Login notice={notice} handover={handover} onSignedIn={(signedIn) => enter(signedIn)} />
      </Suspense>
    );
  }

  const current = landingScreen(staff, location.page);
  const Page = current ? PAGES[current.key] : undefined;
  const logout = () => {
    api.logout().catch(() => undefined);
    clearSession();
    clearPrefetched();
    setStaff(null);
    setNotice('您已退出登录');
  };
  return (
    <Suspense fallback={opening}>
      <AppShell staff={staff} page={current?.key ?? ''} onNavigate={(key) => navigate(key)} onLogout={logout}>
        <Suspense fallback={<Spin size="large" tip="正在打开…" style={{ display: 'block', margin: '96px auto' }} />}>
          {Page && <Page key={current?.key} staff={staff} query={location.query} />}
        </Suspense>
      </AppShell>
    </Suspense>
  );
}
