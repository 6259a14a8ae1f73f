import { Alert, Card, Empty, Space, Spin, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Hotspots, MostFollowedReport, RepeatMatter, RisingHotspot } from '@minqing/shared';
import { useEffect, useState } from 'react';
import { formatTime } from '../queue/format';
import { type DrillQuery, followedDrill, hotspotDrill, repeatDrill } from './drillDown';
import { type HotspotsApi, hotspotsApi } from './hotspotsApi';
import type { Period } from './period';

/** 较上期 +2（+200%）: the change, and the ratio when there was something to compare with. */
export function changeText(count: number, before: number): string {
  const change = count - before;
  const signed = change > 0 ? `+${change}` : String(change);
  return before === 0
    ? `${signed}（新出现）`
    : `${signed}（${change > 0 ? '+' : ''}${Math.round((change / before) * 100)}%）`;
}

interface HotspotsCardProps {
  period: Period;
  /** Opens the work queue on a row's reports; null for those without a queue (sysadmins). */
  onDrill: ((query: DrillQuery) => void) | null;
  api?: HotspotsApi;
}

/**
 * 热点研判 (未诉先办): the village × category counts rising against the period before and the same
 * days last year, matters reported again soon after being resolved, and the reports most
 * villagers joined with 我也遇到 — each row opening the work queue on its reports.
 */
export function HotspotsCard({ period, onDrill, api = hotspotsApi }: HotspotsCardProps) {
  const [data, setData] = useState<Hotspots | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    api
      .hotspots(period)
      .then(
        (answer) => current && setData(answer),
        (failure: unknown) => current && setError(failure instanceof Error ? failure.message : '热点研判加载失败'),
      )
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [api, period]);

  const place = (row: { townshipName: string; villageName: string }) => `${row.townshipName} · ${row.villageName}`;
  const risingColumns: ColumnsType<RisingHotspot> = [
    { title: '村（社区）', key: 'place', render: (_value, row) => place(row) },
    { title: '分类', dataIndex: 'categoryName', width: 110 },
    { title: '本期', dataIndex: 'count', width: 70 },
    {
      title: data ? <Tooltip title={`${data.previous.from} 至 ${data.previous.to}`}>环比（上期）</Tooltip> : '环比',
      key: 'previous',
      width: 150,
      render: (_value, row) => `${row.previous} · ${changeText(row.count, row.previous)}`,
    },
    {
      title: data ? <Tooltip title={`${data.lastYear.from} 至 ${data.lastYear.to}`}>同比（去年同期）</Tooltip> : '同比',
      key: 'lastYear',
      width: 160,
      render: (_value, row) => `${row.lastYear} · ${changeText(row.count, row.lastYear)}`,
    },
  ];
  const repeatColumns: ColumnsType<RepeatMatter> = [
    { title: '村（社区）', key: 'place', render: (_value, row) => place(row) },
    { title: '分类', dataIndex: 'categoryName', width: 110 },
    { title: '重复反映', dataIndex: 'count', width: 90 },
    { title: '最近一次', dataIndex: 'lastReportedAt', width: 150, render: (at: string) => formatTime(at) },
  ];
  const followedColumns: ColumnsType<MostFollowedReport> = [
    { title: '编号', dataIndex: 'serialNo', width: 170 },
    { title: '村（社区）', key: 'place', render: (_value, row) => place(row) },
    { title: '分类', dataIndex: 'categoryName', width: 110 },
    { title: '我也遇到', dataIndex: 'followerCount', width: 90, render: (count: number) => `${count} 人` },
    { title: '状态', dataIndex: 'statusName', width: 90 },
  ];
  const rowProps = <T,>(drill: (row: T) => DrillQuery) =>
    onDrill
      ? (row: T) => ({
          onClick: () => onDrill(drill(row)),
          style: { cursor: 'pointer' },
          title: '查看对应反映',
        })
      : undefined;
  const key = (row: { villageCode: string; categoryCode: string }) => `${row.villageCode}|${row.categoryCode}`;

  return (
    <Card size="small" title="热点研判">
      {error && <Alert type="error" showIcon message={error} />}
      {!data && loading && <Spin style={{ display: 'block', margin: '24px auto' }} />}
      {data && (
        <Spin spinning={loading}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              <Tooltip title={data.definitions.rising}>上升热点</Tooltip>
            </Typography.Title>
            <Table<RisingHotspot>
              rowKey={key}
              size="small"
              pagination={false}
              columns={risingColumns}
              dataSource={data.rising}
              onRow={rowProps((row) => hotspotDrill(row, period))}
              locale={{
                emptyText: (
                  <Empty description={`本期没有比上期和去年同期都多、且不少于 ${data.minCount} 件的村和分类`} />
                ),
              }}
            />
            <Typography.Title level={5} style={{ margin: 0 }}>
              <Tooltip title={data.definitions.repeats}>重复反映（办结后 {data.repeatDays} 天内又有人反映）</Tooltip>
            </Typography.Title>
            <Table<RepeatMatter>
              rowKey={key}
              size="small"
              pagination={false}
              columns={repeatColumns}
              dataSource={data.repeats}
              onRow={rowProps((row) => repeatDrill(row, period))}
              locale={{ emptyText: <Empty description="本期没有办结后又被反映的事项" /> }}
            />
            <Typography.Title level={5} style={{ margin: 0 }}>
              <Tooltip title={data.definitions.followed}>关注最多（“我也遇到”）</Tooltip>
            </Typography.Title>
            <Table<MostFollowedReport>
              rowKey="id"
              size="small"
              pagination={false}
              columns={followedColumns}
              dataSource={data.followed}
              onRow={rowProps(followedDrill)}
              locale={{ emptyText: <Empty description={`本期没有 ${data.followedMin} 人以上关注的反映`} /> }}
            />
          </Space>
        </Spin>
      )}
    </Card>
  );
}
