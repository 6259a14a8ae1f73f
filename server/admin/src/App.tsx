import { Spin } from 'antd';
import type { StaffMe } from '@minqing/shared';
import { useEffect, useState } from 'react';
import { api, setUnauthorizedHandler } from './api';
import { menuFor } from './menu';
import { navigate, parseHash } from './nav';
import { PAGES } from './pages';
import { AppShell } from './pages/AppShell';
import { Login } from './pages/Login';
import { clearSession, currentToken } from './session';

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
      <Login
        notice={notice}
        onSignedIn={(signedIn) => {
          setNotice(null);
          setStaff(signedIn);
        }}
      />
    );

  const entries = menuFor(staff.role);
  const current = entries.find((entry) => entry.key === location.page) ?? entries[0];
  const Page = current ? PAGES[current.key] : undefined;
  const logout = () => {
    api.logout().catch(() => undefined);
    clearSession();
    setStaff(null);
    setNotice('您已退出登录');
  };
  return (
    <AppShell staff={staff} page={current?.key ?? ''} onNavigate={(key) => navigate(key)} onLogout={logout}>
      {Page && <Page key={current?.key} staff={staff} query={location.query} />}
    </AppShell>
  );
}
