import { Button, Popconfirm, message } from 'antd';
import { useState } from 'react';

export interface DisableToggleProps {
  disabled: boolean;
  /** What stops when it is disabled, shown in the confirmation. */
  consequence: string;
  toggle: (disabled: boolean) => Promise<unknown>;
  onDone: () => void;
}

/** 停用 / 启用 of a reference row: disabling asks first (rows reports refer to are never deleted). */
export function DisableToggle({ disabled, consequence, toggle, onDone }: DisableToggleProps) {
  const [busy, setBusy] = useState(false);
  async function run(next: boolean) {
    setBusy(true);
    try {
      await toggle(next);
      message.success(next ? '已停用' : '已启用');
      onDone();
    } catch (error) {
      message.error(error instanceof Error ? error.message : '操作失败');
    } finally {
      setBusy(false);
    }
  }
  if (disabled) {
    return (
      <Button type="link" size="small" loading={busy} onClick={() => void run(false)}>
        启用
      </Button>
    );
  }
  return (
    <Popconfirm
      title="确认停用？"
      description={consequence}
      okText="停用"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onConfirm={() => run(true)}
    >
      <Button type="link" size="small" danger loading={busy}>
        停用
      </Button>
    </Popconfirm>
  );
}
