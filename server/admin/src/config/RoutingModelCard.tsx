import { Alert, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import {
  type ClassifierClassChange,
  type ClassifierModelInfo,
  type ClassifierVersion,
  routingModelRoutes,
} from '@minqing/shared';
import { useEffect, useState } from 'react';
import { call } from '../api';
import { formatTime } from '../queue/format';

export const modelApi = { info: () => call(routingModelRoutes.info) };

const SOURCE_NAMES: Record<ClassifierModelInfo['source'], string> = {
  shipped: '随系统发布',
  retrained: '按派单纠正重新训练',
  none: '未加载',
};

/** 0.873 → 87.3%; null (too few validation examples to judge) → 样本不足. */
export function accuracyText(value: number | null): string {
  return value === null ? '样本不足' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

/** A category's accuracy before → after, with the direction in words. */
export function changeText(change: Pick<ClassifierClassChange, 'before' | 'after'>): string {
  const after = accuracyText(change.after);
  if (change.before === null) return `${after}（新增）`;
  const before = accuracyText(change.before);
  const delta = Math.round((change.after - change.before) * 1000) / 10;
  if (delta === 0) return `${before} → ${after}（持平）`;
  return `${before} → ${after}（${delta > 0 ? '提高' : '下降'} ${Math.abs(delta).toFixed(1)} 个百分点）`;
}

function ChangesTable({ changes }: { changes: ClassifierClassChange[] }) {
  return (
    <Table<ClassifierClassChange>
      rowKey="categoryCode"
      size="small"
      pagination={false}
      dataSource={changes}
      locale={{ emptyText: '这一版没有记录各分类的变化' }}
      columns={[
        { title: '分类', dataIndex: 'categoryName' },
        { title: '验证样本', dataIndex: 'n', width: 90 },
        { title: '准确率（之前 → 现在）', key: 'change', render: (_value, change) => changeText(change) },
      ]}
    />
  );
}

/**
 * 分派模型: the routing classifier in use — version, accuracy on the fixed validation split, what
 * changed per category — and each retraining from dispatchers' corrections, kept or rejected.
 */
export function RoutingModelCard() {
  const [info, setInfo] = useState<ClassifierModelInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    modelApi.info().then(
      (loaded) => current && setInfo(loaded),
      (failure: unknown) => current && setError(failure instanceof Error ? failure.message : '加载失败'),
    );
    return () => {
      current = false;
    };
  }, []);

  return (
    <Card title="分派模型" size="small" loading={!info && !error} style={{ marginBottom: 16 }}>
      {error && <Alert type="error" showIcon message={`分派模型信息加载失败：${error}`} />}
      {info && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {info.version === null ? (
            <Alert
              type="warning"
              showIcon
              message="没有加载分类模型：所有未选分类的事项都进入分派，由镇民情管理员人工派单"
            />
          ) : (
            <Descriptions size="small" column={3} bordered>
              <Descriptions.Item label="版本">{info.version}</Descriptions.Item>
              <Descriptions.Item label="训练时间">{formatTime(info.trainedAt)}</Descriptions.Item>
              <Descriptions.Item label="来源">{SOURCE_NAMES[info.source]}</Descriptions.Item>
              <Descriptions.Item label="准确率">{accuracyText(info.accuracy)}</Descriptions.Item>
              <Descriptions.Item label="训练样本">{info.examples ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="一键派单阈值">{`${Math.round(info.threshold * 100)}%`}</Descriptions.Item>
              <Descriptions.Item label="已记录的派单纠正">{info.corrections}</Descriptions.Item>
              <Descriptions.Item label="下次重新训练" span={2}>
                {info.nextRetrainAt ? formatTime(info.nextRetrainAt) : '未安排'}
              </Descriptions.Item>
            </Descriptions>
          )}
          {info.changes.length > 0 && (
            <>
              <Typography.Text strong>这一版的变化</Typography.Text>
              <ChangesTable changes={info.changes} />
            </>
          )}
          <Typography.Text strong>训练记录</Typography.Text>
          <Table<ClassifierVersion>
            rowKey={(entry) => `${entry.version}-${entry.trainedAt}`}
            size="small"
            dataSource={info.history}
            pagination={info.history.length > 10 ? { pageSize: 10 } : false}
            locale={{
              emptyText: <Empty description="还没有重新训练过：模型会用镇民情管理员的派单纠正定期重新训练" />,
            }}
            expandable={{
              rowExpandable: (entry) => entry.changes.length > 0,
              expandedRowRender: (entry) => <ChangesTable changes={entry.changes} />,
            }}
            columns={[
              { title: '版本', dataIndex: 'version' },
              { title: '训练时间', dataIndex: 'trainedAt', render: formatTime },
              {
                title: '准确率（原模型 → 新模型）',
                key: 'accuracy',
                render: (_value, entry) => `${accuracyText(entry.previousAccuracy)} → ${accuracyText(entry.accuracy)}`,
              },
              { title: '样本', dataIndex: 'examples', width: 70 },
              { title: '纠正', dataIndex: 'corrections', width: 70 },
              {
                title: '结果',
                dataIndex: 'kept',
                width: 80,
                render: (kept: boolean) => (kept ? <Tag color="green">已采用</Tag> : <Tag>未采用</Tag>),
              },
              { title: '说明', dataIndex: 'note' },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
