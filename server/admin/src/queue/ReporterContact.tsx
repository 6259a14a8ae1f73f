import { Alert, Button, Input, Modal, Space, Tag, Typography } from 'antd';
import { ReporterContactRequestSchema, UNMASK_REASON_MAX } from '@minqing/shared';
import type { ReporterContact as Contact, StaffReport } from '@minqing/shared';
import { useState } from 'react';
import { notesApi } from './notesApi';

export interface ReporterContactProps {
  reportId: string;
  /** As the report detail gives it: masked phone, or null for an anonymous 违法举报. */
  reporter: StaffReport['reporter'];
  /** Defaults to the real API; tests pass a fake. */
  reveal?: (reportId: string, reason: string) => Promise<Contact>;
}

const SOURCE_NAMES: Record<Contact['source'], string> = { report: '反映时留的电话', profile: '绑定的手机号' };

/**
 * 反映人: the masked number, and 查看完整号码 behind a confirmation that says the view is recorded
 * and asks why — the server writes that into the audit log before it answers.
 */
export function ReporterContact({ reportId, reporter, reveal = notesApi.revealContact }: ReporterContactProps) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [contact, setContact] = useState<Contact | null>(null);

  if (!reporter) return <Typography.Text type="secondary">匿名举报（举报人身份保密，不可查看）</Typography.Text>;
  const name = reporter.nickname ?? '群众';
  if (!reporter.phone)
    return (
      <span>
        {name}　<Typography.Text type="secondary">未留电话</Typography.Text>
      </span>
    );

  async function confirm() {
    const checked = ReporterContactRequestSchema.safeParse({ reason });
    setReasonError(checked.success ? null : (checked.error.issues[0]?.message ?? '请填写查看原因'));
    if (!checked.success) return;
    setBusy(true);
    setFailure(null);
    try {
      setContact(await reveal(reportId, checked.data.reason));
      setConfirming(false);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : '查看失败');
    } finally {
      setBusy(false);
    }
  }

  if (contact) {
    return (
      <Space wrap>
        <span>{contact.nickname ?? name}</span>
        <a href={`tel:${contact.phone}`}>{contact.phone}</a>
        <Typography.Text type="secondary">（{SOURCE_NAMES[contact.source]}）</Typography.Text>
        <Tag color="orange">本次查看已记录</Tag>
      </Space>
    );
  }

  return (
    <Space wrap>
      <span>{name}</span>
      <span>{reporter.phone}</span>
      <Button size="small" onClick={() => setConfirming(true)}>
        查看完整号码
      </Button>
      <Modal
        open={confirming}
        title="查看完整号码"
        okText="确认查看"
        cancelText="取消"
        confirmLoading={busy}
        onOk={confirm}
        onCancel={() => setConfirming(false)}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type="warning"
            showIcon
            message="本次查看将被记录"
            description="查看人、时间、事项、来源 IP 和查看原因都会写入审计日志。号码只用于联系反映人核实情况或回访，不得外传。"
          />
          <Input.TextArea
            aria-label="查看原因"
            placeholder="请填写查看原因，如：电话回访核实办理情况"
            rows={2}
            maxLength={UNMASK_REASON_MAX}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            status={reasonError ? 'error' : undefined}
          />
          {reasonError && <Typography.Text type="danger">{reasonError}</Typography.Text>}
          {failure && <Alert type="error" showIcon message={failure} role="alert" />}
        </Space>
      </Modal>
    </Space>
  );
}
