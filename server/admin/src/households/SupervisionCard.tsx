import { Alert, Button, Card, Modal, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Household, Supervision, SupervisionGridRow, SupervisionLiaisonRow } from '@minqing/shared';
import { useEffect, useState } from 'react';
import { ExportButton } from '../export/ExportButton';
import { formatTime } from '../queue/format';
import { usePagedList } from '../usePagedList';
import { type NotVisitedOf, type SupervisionApi, supervisionApi, supervisionExportPath } from './householdsApi';

interface Drill {
  title: string;
  of: NotVisitedOf;
}

/** The 未走访 figure as a link to the households behind it (nothing to open at zero). */
function NotVisitedLink({ count, onOpen }: { count: number; onOpen: () => void }) {
  if (count === 0) return <>0</>;
  return (
    <Button type="link" size="small" style={{ padding: 0 }} onClick={onOpen}>
      {count}
    </Button>
  );
}

function NotVisitedList({ api, month, drill }: { api: SupervisionApi; month: string; drill: Drill }) {
  const [page, setPage] = useState({ current: 1, pageSize: 10 });
  const { rows, total, loading } = usePagedList<Household>(
    () => api.notVisited(month, drill.of, page.current, page.pageSize),
    [month, drill, page],
  );
  const columns: ColumnsType<Household> = [
    {
      title: '网格',
      key: 'grid',
      width: 150,
      render: (_value, household) => `${household.villageName} · ${household.gridName}`,
    },
    { title: '户主', dataIndex: 'headName', width: 90 },
    { title: '住址', dataIndex: 'address' },
    { title: '联系电话', dataIndex: 'phone', width: 120, render: (phone: string | null) => phone ?? '—' },
    {
      title: '最近走访',
      dataIndex: 'lastVisitedAt',
      width: 150,
      render: (at: string | null) => (at ? formatTime(at) : '从未走访'),
    },
  ];
  return (
    <Table<Household>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={{ ...page, total, showTotal: (count) => `共 ${count} 户` }}
      onChange={(pagination) => setPage({ current: pagination.current ?? 1, pageSize: pagination.pageSize ?? 10 })}
    />
  );
}

/**
 * 走访督导: for a month, each grid's and each 三线 member's households, visits, 未走访 and 就地办结;
 * every 未走访 figure opens the list of households behind it, for the village to act on.
 */
export function SupervisionCard({ month, api = supervisionApi }: { month: string; api?: SupervisionApi }) {
  const [data, setData] = useState<Supervision | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<Drill | null>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    api.month(month).then(
      (answer) => current && setData(answer),
      (failure: unknown) => current && setError(failure instanceof Error ? failure.message : '走访督导加载失败'),
    );
    return () => {
      current = false;
    };
  }, [api, month]);

  const heading = (figure: string) => {
    const definition = data?.definitions.find((candidate) => candidate.figure === figure);
    return definition ? <Tooltip title={definition.howComputed}>{definition.label}</Tooltip> : figure;
  };
  const gridColumns: ColumnsType<SupervisionGridRow> = [
    { title: '网格', key: 'grid', render: (_value, row) => `${row.villageName} · ${row.gridName}` },
    { title: heading('households'), dataIndex: 'households', width: 100 },
    { title: heading('visits'), dataIndex: 'visits', width: 100 },
    {
      title: heading('notVisited'),
      dataIndex: 'notVisited',
      width: 110,
      render: (count: number, row) => (
        <NotVisitedLink
          count={count}
          onOpen={() =>
            setDrill({ title: `${row.villageName} · ${row.gridName} 未走访住户`, of: { gridCode: row.gridCode } })
          }
        />
      ),
    },
    { title: heading('filedOnBehalf'), dataIndex: 'filedOnBehalf', width: 100 },
    { title: heading('settledOnSpot'), dataIndex: 'settledOnSpot', width: 100 },
  ];
  const liaisonColumns: ColumnsType<SupervisionLiaisonRow> = [
    { title: '三线成员', dataIndex: 'name', width: 110 },
    { title: '网格', dataIndex: 'gridName' },
    { title: heading('households'), dataIndex: 'households', width: 100 },
    { title: heading('visits'), dataIndex: 'visits', width: 100 },
    {
      title: heading('notVisited'),
      dataIndex: 'notVisited',
      width: 110,
      render: (count: number, row) => (
        <NotVisitedLink
          count={count}
          onOpen={() => setDrill({ title: `${row.name} 联系的未走访住户`, of: { liaisonId: row.staffId } })}
        />
      ),
    },
    { title: heading('filedOnBehalf'), dataIndex: 'filedOnBehalf', width: 100 },
  ];

  return (
    <Card
      size="small"
      title={`走访督导 · ${month}`}
      extra={
        <ExportButton path={supervisionExportPath(month)} fallbackName={`走访督导-${month}.xlsx`} disabled={!data} />
      }
    >
      {error && <Alert type="error" showIcon message={error} />}
      {data && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {data.regionName} · 未走访按 {formatTime(data.asOf)} 之前 30 天计
          </Typography.Text>
          <Table<SupervisionGridRow>
            rowKey="gridCode"
            size="small"
            columns={gridColumns}
            dataSource={data.grids}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
          />
          <Table<SupervisionLiaisonRow>
            rowKey="staffId"
            size="small"
            columns={liaisonColumns}
            dataSource={data.liaisons}
            locale={{ emptyText: '没有三线成员账号' }}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
          />
        </Space>
      )}
      <Modal
        open={drill !== null}
        title={drill?.title}
        footer={null}
        width={860}
        onCancel={() => setDrill(null)}
        destroyOnHidden
      >
        {drill && <NotVisitedList api={api} month={month} drill={drill} />}
      </Modal>
    </Card>
  );
}
