import { Alert, Button, Card, Form, Input } from 'antd';
import { StaffLoginRequestSchema } from '@minqing/shared';
import type { StaffMe } from '@minqing/shared';
import { useState } from 'react';
import { api } from '../api';
import { saveSession } from '../session';
import { loginFailure } from './loginFailure';
import type { LoginFailure } from './loginFailure';

/** 登录: wrong passwords and lockouts are worded by the server (invalid_credentials, account_locked). */
export function Login({ onSignedIn, notice }: { onSignedIn: (staff: StaffMe) => void; notice?: string | null }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<LoginFailure | null>(null);

  async function submit(values: { username?: string; password?: string }) {
    const parsed = StaffLoginRequestSchema.safeParse(values);
    if (!parsed.success) {
      setFailure({ type: 'error', message: '请输入账号和密码' });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const signedIn = await api.login(parsed.data.username, parsed.data.password);
      saveSession(signedIn.token, signedIn.expiresAt);
      onSignedIn(signedIn.staff);
    } catch (error) {
      setFailure(loginFailure(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#f0f2f5',
      }}
    >
      <Card title="321 民情在线 · 工作台登录" style={{ width: 380 }}>
        {notice && !failure && <Alert type="info" message={notice} showIcon style={{ marginBottom: 16 }} />}
        {failure && (
          <Alert
            type={failure.type}
            message={failure.message}
            description={failure.description}
            showIcon
            style={{ marginBottom: 16 }}
            role="alert"
          />
        )}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label="账号" rules={[{ required: true, message: '请输入账号' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
