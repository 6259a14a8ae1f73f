import { Button, Popconfirm, Select, Space, Table, Tag, message } from 'antd';
import { REDEMPTION_STATUSES, REDEMPTION_STATUS_NAMES } from '@minqing/shared';
import type { Redemption, RedemptionStatus } from '@minqing/shared';
import { useState } from 'react';
import { formatTime } from '../queue/format';
import { pointsApi } from './pointsApi';
import type { RedemptionListQuery } from './pointsApi';
import { VerifyPanel } from './VerifyPanel';
import { usePagedList } from '../usePagedList';
import { pagerOf, withPager } from '../tablePaging';

const STATUS_COLORS: Record<RedemptionStatus, string> = { reserved: 'gold', fulfilled: 'green', cancelled: 'default' };

export interface RedemptionsTabProps {
  /** Default to the real API; tests pass fakes. */
  api?: Pick<typeof pointsApi, 'redemptions' | 'verify' | 'cancelRedemption'>;
}

/** 兑换核销: verify a code, and the redemptions of the shops in scope, newest first. */
export function RedemptionsTab({ api = pointsApi }: RedemptionsTabProps) {
  const [query, setQuery] = useState<RedemptionListQuery>({ page: 1, pageSize: 20, status: 'reserved' });

  const { rows, total, loading, reload: load } = usePagedList<Redemption>(() => api.redemptions(query), [api, query]);

  async function cancel(redemption: Redemption) {
    try {
      await api.cancelRedemption(redemption.id);
      message.success(`已取消，${redemption.points} 积分已退回村民`);
      await load();
    } catch (error) {
      message.error(error instanceof Error ? error.message : '取消失败');
    }
  }

  return (
    <>
      <VerifyPanel verify={api.verify} onVerified={() => void load()} />
      <Space style={{ marginBottom: 12 }}>
        <span>状态</span>
        <Select<RedemptionStatus | 'all'>
          aria-label="兑换状态"
          value={query.status ?? 'all'}
          style={{ width: 140 }}
          onChange={(value) =>
            setQuery((current) => ({ ...current, status: value === 'all' ? undefined : value, page: 1 }))
          }
          options={[
            { value: 'all', label: '全部' },
            ...REDEMPTION_STATUSES.map((status) => ({ value: status, label: REDEMPTION_STATUS_NAMES[status] })),
          ]}
        />
      </Space>
      <Table<Redemption>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        onChange={(pagination) => setQuery(withPager(pagination))}
        locale={{ emptyText: '没有符合条件的兑换记录' }}
        pagination={pagerOf(query, total)}
        columns={[
          { title: '兑换时间', dataIndex: 'createdAt', width: 160, render: formatTime },
          { title: '商品', key: 'item', render: (_value, row) => row.item.name },
          { title: '积分', dataIndex: 'points', width: 80 },
          { title: '兑换码', dataIndex: 'code', width: 110 },
          { title: '积分超市', dataIndex: 'regionName', width: 120 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            render: (status: RedemptionStatus) => (
              <Tag color={STATUS_COLORS[status]}>{REDEMPTION_STATUS_NAMES[status]}</Tag>
            ),
          },
          {
            title: '领取/取消时间',
            key: 'closed',
            width: 160,
            render: (_value, row) => formatTime(row.fulfilledAt ?? row.cancelledAt),
          },
          {
            title: '操作',
            key: 'actions',
            width: 90,
            render: (_value, row) =>
              row.allowedActions.includes('cancel') ? (
                <Popconfirm
                  title={`取消这次兑换？${row.points} 积分将退回村民，兑换码作废。`}
                  okText="取消兑换"
                  cancelText="不取消"
                  onConfirm={() => cancel(row)}
                >
                  <Button size="small" danger>
                    取消
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </>
  );
}
