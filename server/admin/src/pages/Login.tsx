import { Alert, Button, Card, Form, Input } from 'antd';
import type { InputRef } from 'antd';
import { StaffLoginRequestSchema } from '@minqing/shared';
import type { StaffLoginResponse } from '@minqing/shared';
import { useLayoutEffect, useRef, useState } from 'react';
import { api } from '../api';
import { takeSignInFrame } from '../signInFrame';
import { loginFailure } from './loginFailure';
import type { LoginFailure } from './loginFailure';

/** How index.html's sign-in form ended, when this page takes over from it (src/signInFrame.ts). */
export interface FrameHandover {
  /** The server refused what the frame sent (or could not be reached). */
  error?: unknown;
  /** The frame was submitted with a field left empty. */
  empty?: boolean;
}

export interface LoginProps {
  onSignedIn: (signedIn: StaffLoginResponse) => void;
  notice?: string | null;
  handover?: FrameHandover | null;
}

/** 登录: wrong passwords and lockouts are worded by the server (invalid_credentials, account_locked). */
export function Login({ onSignedIn, notice, handover }: LoginProps) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<LoginFailure | null>(() =>
    handover?.error === undefined ? null : loginFailure(handover.error),
  );
  const [form] = Form.useForm<{ username?: string; password?: string }>();
  const usernameRef = useRef<InputRef>(null);
  const passwordRef = useRef<InputRef>(null);

  // Taking over from index.html's form in the same commit that shows this one: what was typed,
  // where the cursor was, and the empty field's message if it was submitted so.
  useLayoutEffect(() => {
    const typed = takeSignInFrame();
    if (!typed) return;
    form.setFieldsValue({ username: typed.username, password: typed.password });
    if (typed.focused) (typed.focused === 'username' ? usernameRef : passwordRef).current?.focus();
    if (handover?.empty) form.validateFields().catch(() => undefined);
  }, [form, handover]);

  async function submit(values: { username?: string; password?: string }) {
    const parsed = StaffLoginRequestSchema.safeParse(values);
    if (!parsed.success) {
      setFailure({ type: 'error', message: '请输入账号和密码' });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onSignedIn(await api.login(parsed.data.username, parsed.data.password));
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
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label="账号" rules={[{ required: true, message: '请输入账号' }]}>
            <Input ref={usernameRef} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password ref={passwordRef} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
