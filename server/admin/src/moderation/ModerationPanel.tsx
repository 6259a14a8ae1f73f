import { Alert, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ModerationItem } from '@minqing/shared';
import { useEffect, useState } from 'react';
import { moderationApi } from './moderationApi';

export interface ModerationPanelProps {
  reportId: string;
  /** Default to the real API; tests pass fakes. */
  load?: (reportId: string) => Promise<ModerationItem[]>;
  decide?: (id: string, decision: 'release' | 'reject') => Promise<ModerationItem>;
}

/** WeChat's verdict as a moderator reads it. */
export function verdictTag(item: Pick<ModerationItem, 'status'>): { color: string; text: string } {
  if (item.status === 'risky') return { color: 'red', text: '疑似违规' };
  if (item.status === 'unchecked') return { color: 'default', text: '微信无法检测' };
  return { color: 'gold', text: '待人工审核' };
}

/**
 * 内容审核 in the report drawer: the citizen content of this report that WeChat's content
 * security held, each with 放行 / 驳回 behind a confirmation. Nothing shows when nothing is held;
 * the drawer shows it only to accounts the server grants `moderate`, so no one else asks.
 */
export function ModerationPanel({
  reportId,
  load = moderationApi.heldForReport,
  decide = moderationApi.decide,
}: ModerationPanelProps) {
  const [items, setItems] = useState<ModerationItem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    load(reportId)
      .then((held) => current && setItems(held))
      .catch((error: unknown) => {
        if (!current) return;
        setFailure(error instanceof Error ? error.message : '审核信息加载失败');
      });
    return () => {
      current = false;
    };
  }, [reportId, load]);

  async function settle(item: ModerationItem, decision: 'release' | 'reject') {
    setBusy(item.id);
    setFailure(null);
    try {
      await decide(item.id, decision);
      setItems((held) => held.filter((candidate) => candidate.id !== item.id));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : '操作失败');
    } finally {
      setBusy(null);
    }
  }

  if (failure) return <Alert type="error" showIcon message={failure} />;
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      message="内容审核：以下内容经微信内容安全检测需要人工审核"
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          {items.map((item) => {
            const tag = verdictTag(item);
            return (
              <Space key={item.id} wrap>
                <Tag color={tag.color}>{tag.text}</Tag>
                <strong>{item.fieldName}</strong>
                {item.text && <Typography.Text>{item.text}</Typography.Text>}
                <Popconfirm
                  title="放行后群众和其他人员可正常查看，确定放行？"
                  okText="放行"
                  cancelText="取消"
                  onConfirm={() => settle(item, 'release')}
                >
                  <Button size="small" loading={busy === item.id}>
                    放行
                  </Button>
                </Popconfirm>
                <Popconfirm
                  title="驳回后照片、语音将对群众隐藏，确定驳回？"
                  okText="驳回"
                  cancelText="取消"
                  onConfirm={() => settle(item, 'reject')}
                >
                  <Button size="small" danger loading={busy === item.id}>
                    驳回
                  </Button>
                </Popconfirm>
              </Space>
            );
          })}
        </Space>
      }
    />
  );
}
