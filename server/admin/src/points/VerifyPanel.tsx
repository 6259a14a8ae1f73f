import { Alert, Button, Card, Descriptions, Input, Modal, Space, Typography } from 'antd';
import { REDEMPTION_CODE_LENGTH, VerifyRedemptionRequestSchema } from '@minqing/shared';
import type { Redemption } from '@minqing/shared';
import { useRef, useState } from 'react';
import type { InputRef } from 'antd';
import { formatTime } from '../queue/format';

export interface VerifyPanelProps {
  verify: (code: string) => Promise<Redemption>;
  /** After a successful verification, so the list below shows it as 已领取. */
  onVerified: (redemption: Redemption) => void;
}

type Outcome = { ok: true; redemption: Redemption } | { ok: false; code: string; message: string };

/** The code as typed or as a scanner types it: digits only, spaces and dashes dropped. */
export const normaliseCode = (text: string): string => text.replace(/[\s-]/g, '');

/**
 * 兑换核销: the villager shows the code (or its QR code) from 我的兑换; the cadre types it or
 * scans it with a scanner gun (which types the digits and Enter), confirms, and hands the item
 * over only when the result says 核销成功.
 */
export function VerifyPanel({ verify, onVerified }: VerifyPanelProps) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const input = useRef<InputRef>(null);

  async function run(checked: string) {
    setBusy(true);
    try {
      const redemption = await verify(checked);
      setOutcome({ ok: true, redemption });
      setCode('');
      onVerified(redemption);
    } catch (error) {
      setOutcome({ ok: false, code: checked, message: error instanceof Error ? error.message : '核销失败' });
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  }

  function ask() {
    const parsed = VerifyRedemptionRequestSchema.safeParse({ code: normaliseCode(code) });
    if (!parsed.success) {
      setInvalid(parsed.error.issues[0]?.message ?? '兑换码不正确');
      return;
    }
    setInvalid(null);
    Modal.confirm({
      title: `核销兑换码 ${parsed.data.code}？`,
      content: '核销后即视为物品已发放，不能撤回。请当面核对村民身份后再核销。',
      okText: '核销',
      cancelText: '取消',
      onOk: () => run(parsed.data.code),
    });
  }

  return (
    <Card title="兑换核销" size="small" style={{ marginBottom: 16 }}>
      <Space align="start" wrap>
        <div>
          <Input
            ref={input}
            autoFocus
            aria-label="兑换码"
            placeholder={`输入或扫描 ${REDEMPTION_CODE_LENGTH} 位兑换码`}
            value={code}
            maxLength={REDEMPTION_CODE_LENGTH + 4}
            status={invalid ? 'error' : undefined}
            onChange={(event) => setCode(event.target.value)}
            onPressEnter={ask}
            style={{ width: 260, fontSize: 20, letterSpacing: 2 }}
          />
          {invalid && (
            <Typography.Text type="danger" role="alert" style={{ display: 'block' }}>
              {invalid}
            </Typography.Text>
          )}
        </div>
        <Button type="primary" size="large" loading={busy} onClick={ask}>
          核销
        </Button>
      </Space>
      {outcome?.ok && (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          message={`核销成功：请发放「${outcome.redemption.item.name}」`}
          description={
            <Descriptions size="small" column={2}>
              <Descriptions.Item label="兑换码">{outcome.redemption.code}</Descriptions.Item>
              <Descriptions.Item label="积分">{outcome.redemption.points}</Descriptions.Item>
              <Descriptions.Item label="积分超市">{outcome.redemption.regionName}</Descriptions.Item>
              <Descriptions.Item label="核销时间">{formatTime(outcome.redemption.fulfilledAt)}</Descriptions.Item>
            </Descriptions>
          }
        />
      )}
      {outcome && !outcome.ok && (
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          showIcon
          message={`兑换码 ${outcome.code} 核销失败：请勿发放物品`}
          description={outcome.message}
        />
      )}
    </Card>
  );
}
