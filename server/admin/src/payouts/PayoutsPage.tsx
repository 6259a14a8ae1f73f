import { Alert, Button, Modal, Select, Space, Table, Tag, Typography, message } from 'antd';
import { PAYOUT_KIND_NAMES, PAYOUT_STATUSES, PAYOUT_STATUS_NAMES } from '@minqing/shared';
import type { Payout, PayoutSettings, PayoutStatus } from '@minqing/shared';
import { useEffect, useState } from 'react';
import type { PageProps } from '../pages';
import { formatTime } from '../queue/format';
import { ProposeModal } from './ProposeModal';
import { RejectModal } from './RejectModal';
import { fenToYuan } from './payoutForm';
import { payoutsApi } from './payoutsApi';
import type { PayoutListQuery } from './payoutsApi';
import { usePagedList } from '../usePagedList';
import { pagerOf, withPager } from '../tablePaging';

const STATUS_COLORS: Record<PayoutStatus, string> = {
  proposed: 'gold',
  rejected: 'default',
  sending: 'processing',
  wait_user_confirm: 'orange',
  processing: 'processing',
  succeeded: 'green',
  failed: 'red',
  cancelled: 'default',
};

export interface PayoutsPageProps extends PageProps {
  /** Default to the real API; tests pass fakes. */
  api?: typeof payoutsApi;
}

/**
 * 奖励补贴 (dispatcher, county): cash through WeChat Pay. One person proposes, another approves
 * (the server refuses the proposer); without merchant credentials everything here is switched off
 * and the banner says why.
 */
export function PayoutsPage({ api = payoutsApi }: PayoutsPageProps) {
  const [settings, setSettings] = useState<PayoutSettings | null>(null);
  const [settingsError, setSettingsError] = useState<string | null>(null);
  const [query, setQuery] = useState<PayoutListQuery>({ page: 1, pageSize: 20 });
  const [proposing, setProposing] = useState(false);
  const [rejecting, setRejecting] = useState<Payout | null>(null);

  useEffect(() => {
    api
      .settings()
      .then(setSettings, (error: unknown) => setSettingsError(error instanceof Error ? error.message : '无法读取设置'));
  }, [api]);

  const { rows, setRows, total, loading, reload: load } = usePagedList<Payout>(() => api.list(query), [api, query]);

  const enabled = settings?.enabled === true;
  const replace = (payout: Payout) => setRows((current) => current.map((row) => (row.id === payout.id ? payout : row)));

  function approve(payout: Payout) {
    Modal.confirm({
      title: `批准发放 ${fenToYuan(payout.amountFen)} 元？`,
      content: `${PAYOUT_KIND_NAMES[payout.kind]}：${payout.recipientName}${payout.recipientPhone ? `（${payout.recipientPhone}）` : ''}，${payout.remark}。批准后立即通过微信支付转账，不能撤回；提出人不能批准自己提出的发放。`,
      okText: `批准并转账 ${fenToYuan(payout.amountFen)} 元`,
      cancelText: '取消',
      onOk: async () => {
        try {
          const approved = await api.approve(payout.id);
          replace(approved);
          message.success(`已批准，当前状态：${approved.statusName}`);
        } catch (error) {
          message.error(error instanceof Error ? error.message : '批准失败');
        }
      },
    });
  }

  return (
    <>
      {settings && !enabled && (
        <Alert
          style={{ marginBottom: 16 }}
          type="warning"
          showIcon
          message="现金奖励与补贴已关闭"
          description={settings.reason ?? '未配置微信支付商户'}
        />
      )}
      {settingsError && <Alert style={{ marginBottom: 16 }} type="error" showIcon message={settingsError} />}
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" disabled={!enabled} onClick={() => setProposing(true)}>
          提出发放
        </Button>
        <span>状态</span>
        <Select<PayoutStatus | 'all'>
          aria-label="发放状态"
          value={query.status ?? 'all'}
          style={{ width: 160 }}
          onChange={(value) =>
            setQuery((current) => ({ ...current, status: value === 'all' ? undefined : value, page: 1 }))
          }
          options={[
            { value: 'all', label: '全部' },
            ...PAYOUT_STATUSES.map((status) => ({ value: status, label: PAYOUT_STATUS_NAMES[status] })),
          ]}
        />
        {enabled && settings && settings.maxPerPaymentFen > 0 && (
          <Typography.Text type="secondary">
            单笔上限 {fenToYuan(settings.maxPerPaymentFen)} 元，每月上限 {fenToYuan(settings.maxPerMonthFen)} 元
          </Typography.Text>
        )}
      </Space>
      <Table<Payout>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        onChange={(pagination) => setQuery(withPager(pagination))}
        locale={{ emptyText: '还没有发放记录' }}
        pagination={pagerOf(query, total, '笔')}
        columns={[
          { title: '提出时间', dataIndex: 'createdAt', width: 150, render: formatTime },
          { title: '类型', dataIndex: 'kind', width: 100, render: (kind: Payout['kind']) => PAYOUT_KIND_NAMES[kind] },
          {
            title: '收款人',
            key: 'recipient',
            width: 150,
            render: (_value, row) => `${row.recipientName}${row.recipientPhone ? ` ${row.recipientPhone}` : ''}`,
          },
          {
            title: '举报编号/月份',
            key: 'source',
            width: 150,
            render: (_value, row) => row.reportSerialNo ?? row.month ?? '—',
          },
          {
            title: '金额（元）',
            dataIndex: 'amountFen',
            width: 100,
            align: 'right',
            render: (fen: number) => fenToYuan(fen),
          },
          { title: '说明', dataIndex: 'remark', ellipsis: true },
          {
            title: '状态',
            dataIndex: 'status',
            width: 170,
            render: (status: PayoutStatus, row) => (
              <Space direction="vertical" size={0}>
                <Tag color={STATUS_COLORS[status]}>{row.statusName}</Tag>
                {row.note && <Typography.Text type="secondary">{row.note}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '提出/批准',
            key: 'people',
            width: 130,
            render: (_value, row) => `${row.proposedBy}${row.approvedBy ? ` / ${row.approvedBy}` : ''}`,
          },
          {
            title: '操作',
            key: 'actions',
            width: 140,
            render: (_value, row) =>
              row.allowedActions.length ? (
                <Space>
                  {row.allowedActions.includes('approve') && (
                    <Button size="small" type="primary" disabled={!enabled} onClick={() => approve(row)}>
                      批准
                    </Button>
                  )}
                  {row.allowedActions.includes('reject') && (
                    <Button size="small" danger onClick={() => setRejecting(row)}>
                      驳回
                    </Button>
                  )}
                </Space>
              ) : null,
          },
        ]}
      />
      {proposing && settings && (
        <ProposeModal
          settings={settings}
          api={api}
          onCancel={() => setProposing(false)}
          onSaved={() => {
            setProposing(false);
            message.success('已提交，等待另一位工作人员审批');
            void load();
          }}
        />
      )}
      {rejecting && (
        <RejectModal
          payout={rejecting}
          reject={api.reject}
          onCancel={() => setRejecting(null)}
          onDone={(payout) => {
            setRejecting(null);
            replace(payout);
            message.success('已驳回');
          }}
        />
      )}
    </>
  );
}
