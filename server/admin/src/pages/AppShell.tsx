import { Button, Empty, Layout, Menu, Space, Typography } from 'antd';
import { ROLE_NAMES } from '@minqing/shared';
import type { StaffMe } from '@minqing/shared';
import type { ReactNode } from 'react';
import { Suspense, lazy, useState } from 'react';
import { menuFor } from '../menu';
import { MessageBell } from '../messages/MessageBell';
import { navigate } from '../nav';

// Changing the password is rare: its form's code is fetched when it is opened.
const ChangePassword = lazy(() =>
  import('../accounts/ChangePassword').then((module) => ({ default: module.ChangePassword })),
);

export interface AppShellProps {
  staff: StaffMe;
  page: string;
  onNavigate: (key: string) => void;
  onLogout: () => void;
  children?: ReactNode;
}

/** The layout: a menu of only what the signed-in role may use, and who is signed in. */
export function AppShell({ staff, page, onNavigate, onLogout, children }: AppShellProps) {
  const entries = menuFor(staff);
  // A password an administrator set: the server refuses everything else until it is changed.
  const [passwordDue, setPasswordDue] = useState(Boolean(staff.mustChangePassword));
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider theme="light" width={180}>
        <div style={{ padding: 16, fontWeight: 600 }}>321 民情在线</div>
        <Menu
          mode="inline"
          selectedKeys={[page]}
          items={entries.map((entry) => ({ key: entry.key, label: entry.label }))}
          onClick={({ key }) => onNavigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center' }}
        >
          <Space size="middle">
            {!passwordDue && (
              <MessageBell
                onOpenReport={
                  entries.some((entry) => entry.key === 'queue')
                    ? (reportId) => navigate('queue', { report: reportId })
                    : null
                }
              />
            )}
            <Typography.Text>
              {staff.name}（{ROLE_NAMES[staff.role]}）
            </Typography.Text>
            <Button onClick={() => setChangingPassword(true)}>修改密码</Button>
            <Button onClick={onLogout}>退出登录</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 16, padding: 16, background: '#fff' }}>
          {passwordDue ? (
            <Empty description="请先修改初始密码" />
          ) : entries.length === 0 ? (
            <Empty description="您的账号暂无可用功能" />
          ) : (
            children
          )}
        </Layout.Content>
      </Layout>
      {(passwordDue || changingPassword) && (
        <Suspense fallback={null}>
          <ChangePassword
            username={staff.username}
            forced={passwordDue}
            onClose={passwordDue ? onLogout : () => setChangingPassword(false)}
            onChanged={() => {
              setPasswordDue(false);
              setChangingPassword(false);
            }}
          />
        </Suspense>
      )}
    </Layout>
  );
}
