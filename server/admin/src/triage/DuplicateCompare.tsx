import { Alert, Button, Col, Descriptions, Modal, Popconfirm, Row, Spin, Tag, Typography } from 'antd';
import { STAFF_STATUS_NAMES } from '@minqing/shared';
import type { StaffReport } from '@minqing/shared';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { buildActionRequest } from '../queue/actionForm';
import { formatTime } from '../queue/format';

function Side({ title, report }: { title: string; report: StaffReport }) {
  return (
    <Descriptions title={title} column={1} size="small" bordered>
      <Descriptions.Item label="编号">{report.serialNo}</Descriptions.Item>
      <Descriptions.Item label="状态">
        <Tag>{STAFF_STATUS_NAMES[report.status]}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label="村(社区)">{report.villageName}</Descriptions.Item>
      <Descriptions.Item label="分类">{report.category?.name ?? '待分类'}</Descriptions.Item>
      <Descriptions.Item label="承办部门">{report.department?.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="提交时间">{formatTime(report.submittedAt)}</Descriptions.Item>
      <Descriptions.Item label="内容">
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {report.text ?? report.transcript ?? report.excerpt}
        </Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );
}

export interface DuplicateCompareProps {
  /** The newer report, suspected to repeat `originalId`. */
  duplicateId: string;
  originalId: string;
  onClose: () => void;
  onMerged: () => void;
}

/** Two reports side by side; merging closes the newer one into the older, which answers both citizens. */
export function DuplicateCompare({ duplicateId, originalId, onClose, onMerged }: DuplicateCompareProps) {
  const [pair, setPair] = useState<[StaffReport, StaffReport] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    Promise.all([api.report(duplicateId), api.report(originalId)]).then(
      (loaded) => current && setPair(loaded),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [duplicateId, originalId]);

  const canMerge = pair?.[0].allowedActions.includes('merge') ?? false;

  async function merge() {
    const checked = buildActionRequest('merge', { targetReportId: originalId });
    if (!checked.ok) return;
    setBusy(true);
    setError(null);
    try {
      await api.act(duplicateId, checked.request);
      onMerged();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : '合并失败');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      width={960}
      title="疑似重复：对比"
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>
          关闭
        </Button>,
        <Popconfirm
          key="merge"
          title="确定合并？"
          description={
            pair ? `${pair[0].serialNo} 将关闭，由 ${pair[1].serialNo} 一并办理、一并答复，不能撤销。` : undefined
          }
          okText="确定合并"
          cancelText="取消"
          onConfirm={merge}
          disabled={!canMerge}
        >
          <Button type="primary" danger loading={busy} disabled={!canMerge}>
            合并到原事项
          </Button>
        </Popconfirm>,
      ]}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {!pair && !error && <Spin />}
      {pair && (
        <>
          {!canMerge && (
            <Alert type="info" showIcon message="该事项当前不能合并（可能已被处理）" style={{ marginBottom: 12 }} />
          )}
          <Row gutter={16}>
            <Col span={12}>
              <Side title="新反映（将关闭）" report={pair[0]} />
            </Col>
            <Col span={12}>
              <Side title="原事项（继续办理）" report={pair[1]} />
            </Col>
          </Row>
        </>
      )}
    </Modal>
  );
}
