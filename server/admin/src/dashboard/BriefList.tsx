import { Alert, Card, Empty, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { WeeklyBriefList, WeeklyBriefSummary } from '@minqing/shared';
import { useEffect, useState } from 'react';
import { ExportButton } from '../export/ExportButton';
import { formatTime } from '../queue/format';
import { type HotspotsApi, briefPath, hotspotsApi } from './hotspotsApi';

interface BriefListProps {
  api?: Pick<HotspotsApi, 'briefs'>;
  /** Injected by tests; ExportButton's real download by default. */
  download?: (path: string, fallbackName: string) => Promise<string>;
}

/**
 * 研判简报: the weekly briefs of the member's region (made each Monday for the week before),
 * newest first, each downloadable as .xlsx — for the county centre and dispatchers.
 */
export function BriefList({ api = hotspotsApi, download }: BriefListProps) {
  const [data, setData] = useState<WeeklyBriefList | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api
      .briefs()
      .then(
        (answer) => current && setData(answer),
        (failure: unknown) => current && setError(failure instanceof Error ? failure.message : '研判简报加载失败'),
      )
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [api]);

  const columns: ColumnsType<WeeklyBriefSummary> = [
    { title: '周', key: 'week', render: (_value, brief) => `${brief.from} 至 ${brief.to}` },
    { title: '生成时间', dataIndex: 'generatedAt', width: 160, render: (at: string) => formatTime(at) },
    {
      title: '下载',
      key: 'download',
      width: 150,
      render: (_value, brief) => (
        <ExportButton
          path={briefPath(brief)}
          fallbackName={`研判简报-${brief.regionName}-${brief.week}.xlsx`}
          label="下载 Excel"
          {...(download ? { download } : {})}
        />
      ),
    },
  ];

  return (
    <Card size="small" title={data ? `研判简报 · ${data.regionName}` : '研判简报'}>
      {error && <Alert type="error" showIcon message={error} />}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        每周一自动生成上一周的简报：本周热点、同比环比、超期、重复投诉、满意度最低的部门。
      </Typography.Paragraph>
      <Table<WeeklyBriefSummary>
        rowKey="week"
        size="small"
        loading={loading}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="还没有研判简报，下周一生成第一份" /> }}
      />
    </Card>
  );
}
