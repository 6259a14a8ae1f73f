import { Select, Space, Table, TreeSelect, Typography } from 'antd';
import { POINTS_REASONS, POINTS_REASON_NAMES } from '@minqing/shared';
import type { PointsReason, RegionNode, StaffLedgerEntry } from '@minqing/shared';
import { useMemo, useState } from 'react';
import { ExportButton } from '../export/ExportButton';
import { formatTime } from '../queue/format';
import { ledgerExportPath, pointsApi } from './pointsApi';
import type { LedgerQuery } from './pointsApi';
import { filterRegionOptions } from './shopRegions';
import { pagerOf, withPager } from '../tablePaging';
import { usePagedList } from '../usePagedList';

export interface LedgerTabProps {
  regionCode: string;
  regions: RegionNode[];
  /** Default to the real API; tests pass a fake. */
  load?: typeof pointsApi.ledger;
}

/** 积分台账: every points line in scope (earned, spent, refunded), filterable, exportable to .xlsx. */
export function LedgerTab({ regionCode, regions, load = pointsApi.ledger }: LedgerTabProps) {
  const [query, setQuery] = useState<LedgerQuery>({ page: 1, pageSize: 20 });
  const places = useMemo(() => filterRegionOptions(regions, regionCode), [regions, regionCode]);

  const { rows, total, loading } = usePagedList<StaffLedgerEntry>(() => load(query), [load, query]);

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <span>类型</span>
        <Select<PointsReason | 'all'>
          aria-label="积分类型"
          value={query.reason ?? 'all'}
          style={{ width: 160 }}
          onChange={(value) =>
            setQuery((current) => ({ ...current, reason: value === 'all' ? undefined : value, page: 1 }))
          }
          options={[
            { value: 'all', label: '全部' },
            ...POINTS_REASONS.map((reason) => ({ value: reason, label: POINTS_REASON_NAMES[reason] })),
          ]}
        />
        {places.length > 0 && (
          <>
            <span>地区</span>
            <TreeSelect
              aria-label="地区"
              allowClear
              placeholder="全部辖区"
              value={query.regionCode}
              treeData={places}
              showSearch
              treeNodeFilterProp="title"
              style={{ width: 200 }}
              onChange={(value?: string) =>
                setQuery((current) => ({ ...current, regionCode: value || undefined, page: 1 }))
              }
            />
          </>
        )}
        <ExportButton path={ledgerExportPath(query)} fallbackName="积分台账.xlsx" />
      </Space>
      <Table<StaffLedgerEntry>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        onChange={(pagination) => setQuery(withPager(pagination))}
        locale={{ emptyText: '没有符合条件的积分记录' }}
        pagination={pagerOf(query, total)}
        columns={[
          { title: '时间', dataIndex: 'createdAt', width: 160, render: formatTime },
          { title: '村民', dataIndex: 'citizenName', width: 120 },
          { title: '村（社区）', dataIndex: 'villageName', width: 120 },
          { title: '类型', dataIndex: 'reasonName', width: 140 },
          {
            title: '积分',
            dataIndex: 'delta',
            width: 90,
            render: (delta: number) => (
              <Typography.Text type={delta < 0 ? 'danger' : 'success'}>
                {delta > 0 ? `+${delta}` : delta}
              </Typography.Text>
            ),
          },
          { title: '说明', dataIndex: 'note', render: (note: string | null) => note ?? '' },
        ]}
      />
    </>
  );
}
