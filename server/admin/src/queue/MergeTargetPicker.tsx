import { Alert, Card, Col, Input, Row, Tag, Typography } from 'antd';
import { STAFF_STATUS_NAMES, isOpenStatus } from '@minqing/shared';
import type { ReportStatus } from '@minqing/shared';
import { useState } from 'react';
import { api } from '../api';
import { formatTime } from './format';

/** What is shown of each side of a merge. */
export interface MergeSide {
  id: string;
  serialNo: string;
  excerpt: string;
  status: ReportStatus;
  villageName?: string;
  submittedAt?: string;
}

export function MergeCard({ title, side }: { title: string; side: MergeSide | null }) {
  return (
    <Card size="small" title={title}>
      {side ? (
        <>
          <Typography.Text strong>{side.serialNo}</Typography.Text> <Tag>{STAFF_STATUS_NAMES[side.status]}</Tag>
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 4 }}>{side.excerpt}</Typography.Paragraph>
          <Typography.Text type="secondary">
            {side.villageName ?? ''} {side.submittedAt ? formatTime(side.submittedAt) : ''}
          </Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">请输入编号查找</Typography.Text>
      )}
    </Card>
  );
}

export interface MergeTargetPickerProps {
  source: MergeSide;
  value?: string;
  onChange?: (targetReportId: string | undefined) => void;
  /** Defaults to the work queue's serial-number filter (scoped by the server); tests pass a fake. */
  lookup?: (serialNo: string) => Promise<MergeSide | null>;
}

async function lookupBySerial(serialNo: string): Promise<MergeSide | null> {
  const page = await api.queue(new URLSearchParams({ serialNo, pageSize: '1' }).toString());
  return page.items[0] ?? null;
}

/**
 * 合并: the target is found by its serial number among the reports one may see, and both are
 * shown side by side before anything is sent. Only an open report other than this one fits.
 */
export function MergeTargetPicker({ source, onChange, lookup = lookupBySerial }: MergeTargetPickerProps) {
  const [target, setTarget] = useState<MergeSide | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);

  async function find(raw: string) {
    const serialNo = raw.trim().toUpperCase();
    setTarget(null);
    setProblem(null);
    onChange?.(undefined);
    if (!serialNo) return;
    setSearching(true);
    try {
      const found = await lookup(serialNo);
      if (!found) setProblem(`没有找到编号为 ${serialNo} 的事项（或不在您的管辖范围内）`);
      else if (found.id === source.id) setProblem('不能合并到自身');
      else if (!isOpenStatus(found.status))
        setProblem(`${found.serialNo} 已${STAFF_STATUS_NAMES[found.status]}，只能合并到仍在办理中的事项`);
      else {
        setTarget(found);
        onChange?.(found.id);
      }
    } catch (error) {
      setProblem(error instanceof Error ? error.message : '查找失败');
    } finally {
      setSearching(false);
    }
  }

  return (
    <>
      <Input.Search
        placeholder="目标事项编号，如 HY20260101-0001"
        enterButton="查找"
        loading={searching}
        onSearch={(value) => void find(value)}
        maxLength={32}
      />
      {problem && <Alert style={{ marginTop: 8 }} type="warning" showIcon message={problem} />}
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col span={12}>
          <MergeCard title="本事项（将关闭）" side={source} />
        </Col>
        <Col span={12}>
          <MergeCard title="合并到" side={target} />
        </Col>
      </Row>
    </>
  );
}
