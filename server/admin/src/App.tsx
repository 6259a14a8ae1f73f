import { Spin } from 'antd';
import type { StaffMe } from '@minqing/shared';
import { Suspense, lazy, useEffect, useState } from 'react';
import { api, setUnauthorizedHandler } from './api';
import { menuFor } from './menu';
import { navigate, parseHash } from './nav';
import { PAGES } from './pages';
import { clearSession, currentToken } from './session';

// The sign-in page and the signed-in shell are fetched apart: a clerk on a slow line sees the
// sign-in form without waiting for the menus, and the work queue without the sign-in form.
const Login = lazy(() => import('./pages/Login').then((module) => ({ default: module.Login })));
const AppShell = lazy(() => import('./pages/AppShell').then((module) => ({ default: module.AppShell })));
const opening = <Spin fullscreen tip="正在打开…" />;

export function App() {
  const [staff, setStaff] = useState<StaffMe | null>(null);
  const [checking, setChecking] = useState(() => currentToken() !== null);
  const [notice, setNotice] = useState<string | null>(null);
  const [location, setLocation] = useState(() => parseHash(window.location.hash));

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
        .then(setStaff, () => clearSession())
        .finally(() => setChecking(false));
    }
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  if (checking) return <Spin fullscreen />;
  if (!staff)
    return (
      <Suspense fallback={opening}>
        <Login
          notice={notice}
          onSignedIn={(signedIn) => {
            setNotice(null);
            setStaff(signedIn);
          }}
        />
      </Suspense>
    );

  const entries = menuFor(staff);
  const current = entries.find((entry) => entry.key === location.page) ?? entries[0];
  const Page = current ? PAGES[current.key] : undefined;
  const logout = () => {
    api.logout().catch(() => undefined);
    clearSession();
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
