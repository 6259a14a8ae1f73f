import { Form, Input, Modal } from 'antd';
import { PayoutRejectionSchema } from '@minqing/shared';
import type { Payout } from '@minqing/shared';
import { useState } from 'react';
import { fenToYuan } from './payoutForm';

export interface RejectModalProps {
  payout: Payout;
  reject: (id: string, reason: string) => Promise<Payout>;
  onDone: (payout: Payout) => void;
  onCancel: () => void;
}

/** 驳回 with a reason (kept on the payout and audited). */
export function RejectModal({ payout, reject, onDone, onCancel }: RejectModalProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const parsed = PayoutRejectionSchema.safeParse({ reason });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '请填写驳回原因');
      return;
    }
    setBusy(true);
    try {
      onDone(await reject(payout.id, parsed.data.reason));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : '驳回失败');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={`驳回 ${payout.recipientName} 的 ${fenToYuan(payout.amountFen)} 元`}
      okText="驳回"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label="驳回原因" required validateStatus={error ? 'error' : undefined} help={error ?? undefined}>
          <Input.TextArea
            aria-label="驳回原因"
            rows={3}
            maxLength={200}
            showCount
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
