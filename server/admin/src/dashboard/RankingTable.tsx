import { Collapse, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { DepartmentRanking, StaffRanking, UnrankedDepartment } from '@minqing/shared';
import { formatHours, formatRate } from './format';

interface RankingTableProps {
  ranking: StaffRanking;
  loading: boolean;
  /** Null when the member has no work queue to open. */
  onOpen: ((department: UnrankedDepartment) => void) | null;
  /** A handler's own department stands out. */
  highlightId?: string | null;
}

const rate = (value: number | null) => formatRate(value);

/** The figures every row shows, ranked or not. */
const figureColumns = <T extends UnrankedDepartment>(): ColumnsType<T> => [
  { title: '受理', dataIndex: 'received', width: 70 },
  { title: '响应率', dataIndex: 'responseRate', width: 80, render: rate },
  { title: '办结率', dataIndex: 'resolvedRate', width: 80, render: rate },
  { title: '按时办结率', dataIndex: 'onTimeRate', width: 100, render: rate },
  { title: '满意率', dataIndex: 'satisfactionRate', width: 80, render: rate },
  { title: '回访满意率', dataIndex: 'visitSatisfactionRate', width: 90, render: rate },
  { title: '平均办结时长', dataIndex: 'meanHoursToResolve', width: 110, render: formatHours },
  { title: '超期', dataIndex: 'overdue', width: 70 },
  { title: '退单', dataIndex: 'returns', width: 70 },
  { title: '重复投诉', dataIndex: 'repeatComplaints', width: 90 },
];

const RANKED_COLUMNS: ColumnsType<DepartmentRanking> = [
  { title: '排名', dataIndex: 'rank', width: 60, fixed: 'left' },
  { title: '部门', dataIndex: 'name', width: 160, fixed: 'left' },
  { title: '综合得分', dataIndex: 'score', width: 90, render: (score: number | null) => score ?? '—' },
  ...figureColumns<DepartmentRanking>(),
];

const UNRANKED_COLUMNS: ColumnsType<UnrankedDepartment> = [
  { title: '部门', dataIndex: 'name', width: 220, fixed: 'left' },
  ...figureColumns<UnrankedDepartment>(),
];

/**
 * 部门排名 with the public ranking's columns; below it the departments with too few reports to
 * rank fairly (样本不足), and how each figure is computed. Any row opens the department's reports.
 */
export function RankingTable({ ranking, loading, onOpen, highlightId }: RankingTableProps) {
  const rowProps = (row: UnrankedDepartment) => ({
    style: { cursor: onOpen ? 'pointer' : undefined, fontWeight: row.departmentId === highlightId ? 600 : undefined },
    title: onOpen ? `查看${row.name}的反映` : undefined,
    onClick: onOpen ? () => onOpen(row) : undefined,
  });
  const { departments, insufficient, minReceived, definitions } = ranking;
  const nothing = departments.length === 0 && insufficient.departments.length === 0;
  return (
    <>
      <Table<DepartmentRanking>
        rowKey="departmentId"
        size="small"
        loading={loading}
        dataSource={departments}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: nothing ? '本期没有受理的反映' : `本期没有受理满 ${minReceived} 件的部门` }}
        onRow={rowProps}
        columns={RANKED_COLUMNS}
      />
      {insufficient.departments.length > 0 && (
        <section aria-label="样本不足" style={{ marginTop: 16 }}>
          <Typography.Title level={5}>样本不足</Typography.Title>
          <Typography.Paragraph type="secondary">
            本期受理不足 {minReceived} 件的部门不参与排名：件数太少时，一两件的快慢就能让比率在 0 和 100%
            之间跳动。下列数字仅供参考。
          </Typography.Paragraph>
          <Table<UnrankedDepartment>
            rowKey="departmentId"
            size="small"
            loading={loading}
            dataSource={insufficient.departments}
            pagination={false}
            scroll={{ x: 900 }}
            onRow={rowProps}
            columns={UNRANKED_COLUMNS}
          />
        </section>
      )}
      <Collapse
        ghost
        size="small"
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'definitions',
            label: '各项指标怎么算',
            children: (
              <dl style={{ margin: 0 }}>
                {definitions.map((definition) => (
                  <div key={definition.figure} style={{ marginBottom: 8 }}>
                    <dt style={{ display: 'inline', fontWeight: 600 }}>{definition.label}</dt>
                    <dd style={{ display: 'inline', marginLeft: 8 }}>{definition.howComputed}</dd>
                  </div>
                ))}
              </dl>
            ),
          },
        ]}
      />
    </>
  );
}
