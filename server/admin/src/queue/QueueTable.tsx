import { Space, Table, Tag } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { STAFF_STATUS_NAMES, TIER_NAMES } from '@minqing/shared';
import { type Dispatch, type SetStateAction, memo, useMemo } from 'react';
import { Transcript, TranscriptSourceTag, voiceWithoutTranscript } from './Transcript';
import { formatTime } from './format';
import { sortFromTable } from './queueQuery';
import type { QueueFilters, QueueRow, QueueSort } from './queueQuery';
import { pagerOf } from '../tablePaging';

export interface QueueTableProps {
  rows: QueueRow[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  sort: QueueSort;
  /** Opens a report's drawer. */
  onOpen: (reportId: string) => void;
  /** The queue's filters, for the table's paging and sorting. */
  setFilters: Dispatch<SetStateAction<QueueFilters>>;
}

const rowClassName = (row: QueueRow) => (row.overdue ? 'queue-row-overdue' : '');

const expandable = {
  // A voice report's transcript in full, with where it came from.
  rowExpandable: (row: QueueRow) => Boolean(row.transcript),
  expandedRowRender: (row: QueueRow) => (
    <Transcript hasVoice transcript={row.transcript} transcriptSource={row.transcriptSource} />
  ),
};

/** The fixed columns' widths, the expand button and about 180 px of 内容. */
const QUEUE_SCROLL = { x: 1400 };

function columnsFor(sort: QueueSort): TableColumnsType<QueueRow> {
  const sortOrder = (column: 'submittedAt' | 'resolveDueAt') =>
    sort === column ? ('ascend' as const) : sort === `-${column}` ? ('descend' as const) : null;
  return [
    { title: '编号', dataIndex: 'serialNo', width: 170, fixed: 'left' },
    {
      title: '状态',
      dataIndex: 'status',
      width: 150,
      render: (_value, row) => (
        <Space size={4}>
          <Tag>{STAFF_STATUS_NAMES[row.status]}</Tag>
          {row.overdue && <Tag color="red">超期</Tag>}
          {row.escalated && <Tag color="orange">督办</Tag>}
        </Space>
      ),
    },
    {
      title: '内容',
      dataIndex: 'excerpt',
      ellipsis: true,
      render: (excerpt: string, row) =>
        row.transcriptSource ? (
          <Space size={4}>
            <TranscriptSourceTag source={row.transcriptSource} />
            <span>{excerpt}</span>
          </Space>
        ) : voiceWithoutTranscript(row) ? (
          <Space size={4}>
            <span>{excerpt}</span>
            <Transcript hasVoice transcript={null} transcriptSource={null} pending={row.transcriptPending} />
          </Space>
        ) : (
          excerpt
        ),
    },
    { title: '分类', dataIndex: ['category', 'name'], width: 120, render: (value?: string) => value ?? '待分类' },
    { title: '村(社区)', dataIndex: 'villageName', width: 120 },
    {
      title: '承办部门',
      dataIndex: ['department', 'name'],
      width: 140,
      render: (value?: string) => value ?? '—',
    },
    { title: '等级', dataIndex: 'tier', width: 70, render: (_value, row) => TIER_NAMES[row.tier] },
    {
      // 热度: villagers who joined the report with 我也遇到 instead of filing it again.
      title: '热度',
      dataIndex: 'followers',
      width: 100,
      sorter: true,
      sortDirections: ['descend'],
      sortOrder: sort === 'followers' ? ('descend' as const) : null,
      render: (_value, row) => (row.followers > 0 ? <Tag color="volcano">{row.followers} 人也遇到</Tag> : '—'),
    },
    {
      title: '提交时间',
      dataIndex: 'submittedAt',
      width: 150,
      sorter: true,
      sortOrder: sortOrder('submittedAt'),
      render: formatTime,
    },
    {
      title: '办结时限',
      dataIndex: 'resolveDueAt',
      width: 150,
      sorter: true,
      sortOrder: sortOrder('resolveDueAt'),
      render: formatTime,
    },
  ];
}

/**
 * The work queue's rows. Memoised: the tab counts and the filters' lists arriving after the rows
 * re-render the screen around it, not the table, which is the costliest part to draw on a slow PC.
 */
export const QueueTable = memo(function QueueTable({
  rows,
  total,
  loading,
  page,
  pageSize,
  sort,
  onOpen,
  setFilters,
}: QueueTableProps) {
  const columns = useMemo(() => columnsFor(sort), [sort]);

  function changeTable(pagination: TablePaginationConfig, sorter: SorterResult<QueueRow> | SorterResult<QueueRow>[]) {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    setFilters((current) => ({
      ...current,
      page: pagination.current ?? 1,
      pageSize: pagination.pageSize ?? current.pageSize,
      sort: sortFromTable(single?.field, single?.order),
    }));
  }

  return (
    <Table<QueueRow>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      rowClassName={rowClassName}
      onRow={(row) => ({ onClick: () => onOpen(row.id), style: { cursor: 'pointer' } })}
      expandable={expandable}
      onChange={(pagination, _filters, sorter) => changeTable(pagination, sorter)}
      pagination={pagerOf({ page, pageSize }, total, '件')}
      columns={columns}
      // On a 1366 px office screen the columns are wider than the page: the table scrolls sideways
      // inside its frame, and 内容 keeps room for a few words.
      scroll={QUEUE_SCROLL}
    />
  );
});
