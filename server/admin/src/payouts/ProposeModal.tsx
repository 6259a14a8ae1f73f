import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import { PAYOUT_KIND_NAMES } from '@minqing/shared';
import type { Payout, PayoutKind, PayoutSettings, ReportSummary } from '@minqing/shared';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../api';
import { buildProposal, fenToYuan, formFieldOf } from './payoutForm';
import type { ProposalField, ProposalFormValues } from './payoutForm';
import { payoutsApi } from './payoutsApi';

/** The fields antd's form holds; the report is chosen through the lookup above them. */
const FORM_FIELDS: readonly ProposalField[] = ['phone', 'month', 'amountYuan', 'remark'];

export interface ProposeModalProps {
  settings: PayoutSettings;
  onSaved: (payout: Payout) => void;
  onCancel: () => void;
  /** Default to the real API; tests pass fakes. */
  api?: Pick<typeof payoutsApi, 'propose' | 'findIllegalReport'>;
}

/** 提出发放: a reward for a resolved 违法举报, or a grid worker's monthly subsidy; a second person approves. */
export function ProposeModal({ settings, onSaved, onCancel, api = payoutsApi }: ProposeModalProps) {
  const [form] = Form.useForm<ProposalFormValues>();
  const [kind, setKind] = useState<PayoutKind>('reward');
  const [lookup, setLookup] = useState('');
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [report, setReport] = useState<ReportSummary | null>(null);
  const [looking, setLooking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function lookUp() {
    const text = lookup.trim();
    setReport(null);
    setLookupError(null);
    if (!text) {
      setLookupError('请输入举报编号或事项 ID');
      return;
    }
    setLooking(true);
    try {
      const found = await api.findIllegalReport(text);
      if (found) setReport(found);
      else setLookupError('没有找到已办结的违法举报，请核对编号');
    } catch (error) {
      setLookupError(error instanceof Error ? error.message : '查找失败');
    } finally {
      setLooking(false);
    }
  }

  async function save() {
    setFailure(null);
    const checked = buildProposal({ ...form.getFieldsValue(), kind, reportId: report?.id }, settings);
    const errorsOf = (name: ProposalField) =>
      checked.ok ? [] : checked.errors.filter((error) => error.field === name).map((error) => error.message);
    form.setFields(FORM_FIELDS.map((name) => ({ name, errors: errorsOf(name) })));
    if (kind === 'reward' && errorsOf('reportId').length) setLookupError(errorsOf('reportId')[0]);
    if (!checked.ok) return;
    setBusy(true);
    try {
      onSaved(await api.propose(checked.proposal));
    } catch (error) {
      const field = error instanceof ApiError && error.field ? formFieldOf(error.field) : null;
      if (field === 'reportId' && error instanceof Error) setLookupError(error.message);
      else if (field && error instanceof Error) form.setFields([{ name: field, errors: [error.message] }]);
      else setFailure(error instanceof Error ? error.message : '提交失败');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title="提出发放"
      okText="提交审批"
      cancelText="取消"
      confirmLoading={busy}
      onOk={save}
      onCancel={onCancel}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" initialValues={{ month: dayjs().subtract(1, 'month') }}>
        <Form.Item label="类型">
          <Radio.Group
            value={kind}
            onChange={(event) => setKind(event.target.value as PayoutKind)}
            options={(['reward', 'subsidy'] as const).map((value) => ({ value, label: PAYOUT_KIND_NAMES[value] }))}
            optionType="button"
          />
        </Form.Item>
        {kind === 'reward' ? (
          <>
            <Form.Item
              label="违法举报（编号或事项 ID）"
              required
              validateStatus={lookupError ? 'error' : undefined}
              help={lookupError ?? undefined}
            >
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  aria-label="举报编号"
                  placeholder="如 HY20261122-0042"
                  value={lookup}
                  onChange={(event) => {
                    setLookup(event.target.value);
                    setReport(null);
                  }}
                  onPressEnter={() => void lookUp()}
                />
                <Button loading={looking} onClick={() => void lookUp()}>
                  查找
                </Button>
              </Space.Compact>
            </Form.Item>
            {report && (
              <Alert
                style={{ marginBottom: 16 }}
                type="info"
                message={`${report.serialNo} · ${report.statusName} · ${report.villageName}`}
                description={report.excerpt || '（语音或照片）'}
              />
            )}
          </>
        ) : (
          <Space align="start">
            <Form.Item name="phone" label="网格员手机号" required extra="网格员需在小程序中绑定该手机号">
              <Input maxLength={11} inputMode="numeric" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="month" label="补贴月份" required>
              <DatePicker picker="month" />
            </Form.Item>
          </Space>
        )}
        <Form.Item
          name="amountYuan"
          label="金额（元）"
          required
          extra={
            settings.maxPerPaymentFen > 0
              ? `单笔上限 ${fenToYuan(settings.maxPerPaymentFen)} 元，每月上限 ${fenToYuan(settings.maxPerMonthFen)} 元`
              : undefined
          }
        >
          <InputNumber min={0.1} precision={2} step={1} style={{ width: 200 }} stringMode />
        </Form.Item>
        <Form.Item name="remark" label="转账说明（收款人可见）" required>
          <Input maxLength={32} showCount placeholder={kind === 'reward' ? '如：违法举报奖励' : '如：11月网格员补贴'} />
        </Form.Item>
        {failure && (
          <Typography.Text type="danger" role="alert">
            {failure}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
