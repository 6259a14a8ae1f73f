import { Table } from 'antd';
import type { DepartmentRanking } from '@minqing/shared';
import { formatHours, formatRate } from './format';

interface RankingTableProps {
  departments: DepartmentRanking[];
  loading: boolean;
  /** Null when the member has no work queue to open. */
  onOpen: ((department: DepartmentRanking) => void) | null;
  /** A handler's own department stands out. */
  highlightId?: string | null;
}

const rate = (value: number | null) => formatRate(value);

/** 部门排名 with the public ranking's columns; a row opens the department's reports. */
export function RankingTable({ departments, loading, onOpen, highlightId }: RankingTableProps) {
  return (
    <Table<DepartmentRanking>
      rowKey="departmentId"
      size="small"
      loading={loading}
      dataSource={departments}
      pagination={false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: '本期没有受理的反映' }}
      onRow={(row) => ({
        style: { cursor: onOpen ? 'pointer' : undefined, fontWeight: row.departmentId === highlightId ? 600 : undefined },
        title: onOpen ? `查看${row.name}的反映` : undefined,
        onClick: onOpen ? () => onOpen(row) : undefined,
      })}
      columns={[
        { title: '排名', dataIndex: 'rank', width: 60, fixed: 'left' },
        { title: '部门', dataIndex: 'name', width: 160, fixed: 'left' },
        { title: '综合得分', dataIndex: 'score', width: 90, render: (score: number | null) => score ?? '—' },
        { title: '受理', dataIndex: 'received', width: 70 },
        { title: '响应率', dataIndex: 'responseRate', width: 80, render: rate },
        { title: '办结率', dataIndex: 'resolvedRate', width: 80, render: rate },
        { title: '按时办结率', dataIndex: 'onTimeRate', width: 100, render: rate },
        { title: '满意率', dataIndex: 'satisfactionRate', width: 80, render: rate },
        { title: '平均办结时长', dataIndex: 'meanHoursToResolve', width: 110, render: formatHours },
        { title: '超期', dataIndex: 'overdue', width: 70 },
        { title: '退单', dataIndex: 'returns', width: 70 },
        { title: '重复投诉', dataIndex: 'repeatComplaints', width: 90 },
      ]}
    />
  );
}
