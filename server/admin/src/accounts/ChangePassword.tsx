import { Alert, Button, Form, Input, Modal, Result, Typography } from 'antd';
import { PASSWORD_RULE } from '@minqing/shared';
import { useState } from 'react';
import { ApiError } from '../api';
import { saveSession } from '../session';
import { accountsApi } from './accountsApi';
import { buildChangePasswordRequest } from './changePasswordForm';
import type { ChangePasswordField, ChangePasswordValues } from './changePasswordForm';

const FIELDS: readonly ChangePasswordField[] = ['currentPassword', 'newPassword', 'confirmPassword'];

export interface ChangePasswordProps {
  username: string;
  /** A password an administrator set must be changed before anything else: the only way out is to sign out. */
  forced?: boolean;
  /** Cancel; when forced, the 退出登录 button. */
  onClose: () => void;
  /** Called once the user has read that the other sessions ended. */
  onChanged: () => void;
  /** Defaults to the real API; tests pass a fake. */
  submit?: typeof accountsApi.changeOwnPassword;
}

/**
 * 修改密码. The server ends every other session and answers a fresh token for this one, which
 * replaces the old token in this tab.
 */
export function ChangePassword({
  username,
  forced = false,
  onClose,
  onChanged,
  submit = accountsApi.changeOwnPassword,
}: ChangePasswordProps) {
  const [form] = Form.useForm<ChangePasswordValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function confirm() {
    setFailure(null);
    const checked = buildChangePasswordRequest(form.getFieldsValue(), username);
    form.setFields(
      FIELDS.map((name) => ({
        name,
        errors: checked.ok ? [] : checked.errors.filter((error) => error.field === name).map((error) => error.message),
      })),
    );
    if (!checked.ok) return;
    setBusy(true);
    try {
      const { token, expiresAt } = await submit(checked.request);
      saveSession(token, expiresAt);
      setDone(true);
    } catch (error) {
      if (error instanceof ApiError && error.field && (FIELDS as readonly string[]).includes(error.field)) {
        form.setFields([{ name: error.field as ChangePasswordField, errors: [error.message] }]);
      } else {
        setFailure(error instanceof Error ? error.message : '修改失败');
      }
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <Modal
        open
        title="修改密码"
        closable={false}
        maskClosable={false}
        footer={
          <Button type="primary" onClick={onChanged}>
            知道了
          </Button>
        }
      >
        <Result
          status="success"
          title="密码已修改"
          subTitle="您在其他设备或浏览器上的登录已全部退出，本次登录继续有效。"
        />
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={forced ? '请先修改初始密码' : '修改密码'}
      okText="确认修改"
      cancelText={forced ? '退出登录' : '取消'}
      confirmLoading={busy}
      onOk={confirm}
      onCancel={onClose}
      closable={!forced}
      maskClosable={false}
      keyboard={!forced}
      destroyOnHidden
    >
      {forced && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="您的密码由管理员设置，修改后才能继续使用系统。"
        />
      )}
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={failure} />}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={confirm}>
        <Form.Item name="currentPassword" label="当前密码">
          <Input.Password autoComplete="current-password" placeholder="请输入当前密码" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra={<Typography.Text type="secondary">{PASSWORD_RULE.text}</Typography.Text>}
        >
          <Input.Password autoComplete="new-password" placeholder="请输入新密码" />
        </Form.Item>
        <Form.Item name="confirmPassword" label="确认新密码">
          <Input.Password autoComplete="new-password" placeholder="请再次输入新密码" />
        </Form.Item>
        {/* Enter in a field submits, like the login form. */}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
