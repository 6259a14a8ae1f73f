import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { PASSWORD_RULE, passwordWeakness } from '@minqing/shared';
import type { StaffAccount, StaffAccountPasswordResponse } from '@minqing/shared';
import { useState } from 'react';
import { ApiError } from '../api';
import { accountsApi } from './accountsApi';

interface ResetValues {
  mode: 'generate' | 'manual';
  password?: string;
}

export interface ResetPasswordModalProps {
  account: StaffAccount;
  onDone: (result: StaffAccountPasswordResponse) => void;
  onCancel: () => void;
  /** Defaults to the real API; tests pass a fake. */
  submit?: typeof accountsApi.resetPassword;
}

/** 重置密码: generated or chosen; the account's sessions end and it must change the password at the next sign-in. */
export function ResetPasswordModal({
  account,
  onDone,
  onCancel,
  submit = accountsApi.resetPassword,
}: ResetPasswordModalProps) {
  const [form] = Form.useForm<ResetValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const mode = Form.useWatch('mode', form);

  async function confirm() {
    setFailure(null);
    const values = form.getFieldsValue(true) as ResetValues;
    const manual = values.mode === 'manual';
    const weakness = manual
      ? values.password
        ? passwordWeakness(values.password, account.username)
        : '请输入新密码'
      : null;
    form.setFields([{ name: 'password', errors: weakness ? [weakness] : [] }]);
    if (weakness) return;
    setBusy(true);
    try {
      onDone(await submit(account.id, manual ? values.password : undefined));
    } catch (error) {
      if (error instanceof ApiError && error.field === 'password')
        form.setFields([{ name: 'password', errors: [error.message] }]);
      else setFailure(error instanceof Error ? error.message : '重置失败');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={`重置密码 · ${account.name}（${account.username}）`}
      okText="确认重置"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={confirm}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message="重置后该账号的所有登录立即失效，本人下次登录时须修改密码；若账号已锁定，将同时解锁。"
      />
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={failure} />}
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ mode: 'generate' }}>
        <Form.Item name="mode" label="新密码">
          <Radio.Group
            options={[
              { value: 'generate', label: '系统生成（只显示一次）' },
              { value: 'manual', label: '手动设置' },
            ]}
          />
        </Form.Item>
        {mode === 'manual' && (
          <Form.Item
            name="password"
            label="密码"
            extra={<Typography.Text type="secondary">{PASSWORD_RULE.text}</Typography.Text>}
          >
            <Input.Password autoComplete="new-password" placeholder="请输入新密码" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
