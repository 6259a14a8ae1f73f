import { Alert, Button, Descriptions, Drawer, Empty, Image, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { ACTION_NAMES, SERVICE_NAMES, STAFF_STATUS_NAMES, TIER_NAMES } from '@minqing/shared';
import type { Attachment, Category, Department, StaffAbility, StaffReport } from '@minqing/shared';
import { useEffect, useState } from 'react';
import { api, fetchMedia } from '../api';
import { ActionModal } from './ActionModal';
import { actionName, isSupportedAction } from './actionForm';
import type { SupportedAction } from './actionForm';
import { formatTime } from './format';
import { ModerationPanel } from '../moderation/ModerationPanel';
import { ReportNotes } from './ReportNotes';
import { ReporterContact } from './ReporterContact';
import { ReportMap } from './ReportMap';
import { Transcript } from './Transcript';

/** Actions shown as plain buttons: they send the report away or close it rather than move it on. */
const SECONDARY_ACTIONS: readonly SupportedAction[] = ['return', 'reject', 'merge', 'refuse_extension', 'transfer'];

/** A photo or voice clip: fetched with the token, shown from an object URL. */
function useMedia(attachment: Attachment | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!attachment) return undefined;
    let revoked = false;
    let created: string | null = null;
    fetchMedia(attachment.url)
      .then((objectUrl) => {
        created = objectUrl;
        if (!revoked) setUrl(objectUrl);
      })
      .catch(() => setUrl(null));
    return () => {
      revoked = true;
      if (created) URL.revokeObjectURL(created);
    };
  }, [attachment]);
  return url;
}

function Photo({ attachment }: { attachment: Attachment }) {
  const url = useMedia(attachment);
  return url ? <Image width={120} height={120} style={{ objectFit: 'cover' }} src={url} /> : <Spin />;
}

function Voice({ attachment }: { attachment: Attachment }) {
  const url = useMedia(attachment);
  // biome-ignore lint/a11y/useMediaCaption: the transcript, when there is one, is shown beside the player
  return url ? <audio controls src={url} aria-label="语音" /> : <Spin />;
}

export interface ReportDrawerProps {
  reportId: string | null;
  /** What the server lets the viewer do: the drawer asks only for what it may see (内容审核 needs `moderate`). */
  abilities: readonly StaffAbility[];
  departments: Department[];
  categories: Category[];
  onClose: () => void;
  /** After an action: the queue reloads. */
  onChanged: () => void;
}

export function ReportDrawer({ reportId, abilities, departments, categories, onClose, onChanged }: ReportDrawerProps) {
  const [report, setReport] = useState<StaffReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<SupportedAction | null>(null);

  useEffect(() => {
    setReport(null);
    setError(null);
    if (!reportId) return;
    let current = true;
    api
      .report(reportId)
      .then((loaded) => current && setReport(loaded))
      .catch((failure: Error) => current && setError(failure.message));
    return () => {
      current = false;
    };
  }, [reportId]);

  const offered = report?.allowedActions.filter(isSupportedAction) ?? [];

  return (
    <Drawer
      open={reportId !== null}
      onClose={onClose}
      width={720}
      title={report ? `事项 ${report.serialNo}` : '事项详情'}
      destroyOnHidden
    >
      {error && <Alert type="error" message={error} showIcon />}
      {!report && !error && <Spin />}
      {report && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Space wrap>
            {offered.map((candidate) => (
              <Button
                key={candidate}
                type={SECONDARY_ACTIONS.includes(candidate) ? 'default' : 'primary'}
                danger={candidate === 'reject'}
                onClick={() => setAction(candidate)}
              >
                {actionName(candidate)}
              </Button>
            ))}
          </Space>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="状态">
              <Tag color={report.overdue ? 'red' : 'blue'}>{STAFF_STATUS_NAMES[report.status]}</Tag>
              {report.overdue && <Tag color="red">已超期</Tag>}
              {report.escalated && <Tag color="orange">督办</Tag>}
              {report.extensionPending && <Tag color="gold">延期待批</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="服务">{SERVICE_NAMES[report.serviceCode]}</Descriptions.Item>
            <Descriptions.Item label="分类">{report.category?.name ?? '待分类'}</Descriptions.Item>
            <Descriptions.Item label="等级">{TIER_NAMES[report.tier]}</Descriptions.Item>
            <Descriptions.Item label="村(社区)">
              {report.gridName ? `${report.villageName} · ${report.gridName}` : report.villageName}
            </Descriptions.Item>
            <Descriptions.Item label="承办部门">{report.department?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="提交时间">{formatTime(report.submittedAt)}</Descriptions.Item>
            <Descriptions.Item label="办结时限">{formatTime(report.resolveDueAt)}</Descriptions.Item>
            <Descriptions.Item label="热度" span={2}>
              {report.followers > 0 ? `${report.followers} 位村民也遇到（我也遇到）` : '暂无其他村民关注'}
            </Descriptions.Item>
            <Descriptions.Item label="反映人" span={2}>
              <ReporterContact key={report.id} reportId={report.id} reporter={report.reporter} />
            </Descriptions.Item>
            {report.onBehalf && (
              <Descriptions.Item label="代报" span={2}>
                {report.onBehalf.filedBy} 代 {report.onBehalf.household ?? '群众'} 反映
              </Descriptions.Item>
            )}
            {report.rating !== null && (
              <Descriptions.Item label="评价" span={2}>
                {report.rating} 星
                {report.ratingOnBehalf && (
                  <Tag color="purple" style={{ marginLeft: 8 }}>
                    回访评价
                  </Tag>
                )}
                {report.ratingComment && <Typography.Text type="secondary">{report.ratingComment}</Typography.Text>}
              </Descriptions.Item>
            )}
            {report.location && (
              <Descriptions.Item label="位置" span={2}>
                <ReportMap report={report} />
              </Descriptions.Item>
            )}
          </Descriptions>
          {abilities.includes('moderate') && <ModerationPanel key={report.id} reportId={report.id} />}
          <div>
            <Typography.Title level={5}>反映内容</Typography.Title>
            {report.text ? (
              <Typography.Paragraph>{report.text}</Typography.Paragraph>
            ) : (
              !report.voice && <Typography.Paragraph>{report.excerpt}</Typography.Paragraph>
            )}
            {report.voice && (
              <Space direction="vertical" style={{ marginBottom: 12 }}>
                <Voice attachment={report.voice} />
                <Transcript
                  hasVoice
                  transcript={report.transcript}
                  transcriptSource={report.transcriptSource}
                  pending={report.transcriptPending}
                />
              </Space>
            )}
            {report.photos.length > 0 && (
              <Image.PreviewGroup>
                <Space wrap>
                  {report.photos.map((photo) => (
                    <Photo key={photo.id} attachment={photo} />
                  ))}
                </Space>
              </Image.PreviewGroup>
            )}
          </div>
          {report.suggestions.length > 0 && (
            <div>
              <Typography.Title level={5}>分派建议</Typography.Title>
              {report.suggestions.map((suggestion) => (
                <div key={suggestion.categoryCode}>
                  {suggestion.categoryName} → {suggestion.departmentName ?? '（需人工选择部门）'}　
                  <Typography.Text type="secondary">置信度 {(suggestion.confidence * 100).toFixed(0)}%</Typography.Text>
                </div>
              ))}
            </div>
          )}
          {report.duplicateOf && (
            <Alert
              type="warning"
              showIcon
              message={`可能与 ${report.duplicateOf.serialNo} 重复：${report.duplicateOf.excerpt}`}
            />
          )}
          <div>
            <Typography.Title level={5}>办理过程</Typography.Title>
            {report.timeline.length === 0 ? (
              <Empty />
            ) : (
              <Timeline
                items={report.timeline.map((event) => ({
                  key: event.id,
                  children: (
                    <div>
                      <strong>{(ACTION_NAMES as Record<string, string>)[event.type] ?? '提交'}</strong>　
                      <Typography.Text type="secondary">{formatTime(event.at)}</Typography.Text>
                      {event.actor && <span>　{event.actor}</span>}
                      {event.department && <span>　→ {event.department.name}</span>}
                      {!event.public && <Tag style={{ marginLeft: 8 }}>内部</Tag>}
                      {event.note && <div>{event.note}</div>}
                      {event.attachments.some((attachment) => attachment.kind === 'photo') && (
                        <Space wrap style={{ marginTop: 4 }}>
                          {event.attachments
                            .filter((attachment) => attachment.kind === 'photo')
                            .map((photo) => (
                              <Photo key={photo.id} attachment={photo} />
                            ))}
                        </Space>
                      )}
                    </div>
                  ),
                }))}
              />
            )}
          </div>
          <ReportNotes reportId={report.id} />
        </Space>
      )}
      {report && action && (
        <ActionModal
          report={report}
          action={action}
          departments={departments}
          categories={categories}
          onCancel={() => setAction(null)}
          onDone={(updated) => {
            setAction(null);
            setReport(updated);
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}
