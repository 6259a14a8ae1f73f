import { Badge, Button, Drawer, Empty, List, Tag, Typography, message as toast } from 'antd';
import type { Message, MessagePage } from '@minqing/shared';
import { useCallback, useEffect, useState } from 'react';
import { formatTime } from '../queue/format';
import { messagesApi } from './messagesApi';

const PAGE_SIZE = 20;
/** The badge refreshes this often while the panel is open in a tab. */
const REFRESH_MS = 60_000;

const KIND_TAGS: Partial<Record<Message['kind'], { color: string; text: string }>> = {
  deadline_reminder: { color: 'gold', text: '催办' },
  report_escalated: { color: 'red', text: '督办' },
};

/** A bell drawn inline: no icon font or emoji the machine may lack. */
function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" style={{ verticalAlign: '-3px' }}>
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

export interface MessageBellProps {
  /** Opens a message's report; null when the member has no work queue (sysadmins). */
  onOpenReport: ((reportId: string) => void) | null;
  /** Default to the real API; tests pass fakes. */
  load?: (page: number, pageSize: number) => Promise<MessagePage>;
  markRead?: (id: string) => Promise<unknown>;
}

/**
 * 消息中心 in the header: a bell with the unread count; the drawer lists the messages (催办,
 * 督办 …) newest first. Opening one marks it read and opens its report over the queue.
 */
export function MessageBell({
  onOpenReport,
  load = messagesApi.list,
  markRead = messagesApi.markRead,
}: MessageBellProps) {
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState(1);
  const [answer, setAnswer] = useState<MessagePage | null>(null);
  const [loading, setLoading] = useState(false);

  const refresh = useCallback(
    (wanted: number) => {
      setLoading(true);
      load(wanted, PAGE_SIZE)
        .then(setAnswer, () => undefined)
        .finally(() => setLoading(false));
    },
    [load],
  );

  useEffect(() => {
    refresh(page);
    const timer = window.setInterval(() => refresh(page), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh, page]);

  async function choose(item: Message) {
    try {
      if (!item.readAt) {
        await markRead(item.id);
        const readAt = new Date().toISOString();
        setAnswer(
          (current) =>
            current && {
              ...current,
              unread: Math.max(0, current.unread - 1),
              items: current.items.map((candidate) =>
                candidate.id === item.id ? { ...candidate, readAt } : candidate,
              ),
            },
        );
      }
    } catch (error) {
      toast.error(error instanceof Error ? error.message : '操作失败');
      return;
    }
    if (item.reportId && onOpenReport) {
      setOpen(false);
      onOpenReport(item.reportId);
    }
  }

  const unread = answer?.unread ?? 0;
  return (
    <>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button
          aria-label={unread ? `消息中心，${unread} 条未读` : '消息中心'}
          onClick={() => (setOpen(true), refresh(page))}
        >
          <BellIcon /> 消息
        </Button>
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        width={440}
        title={`消息中心${unread ? `（${unread} 条未读）` : ''}`}
      >
        <List<Message>
          loading={loading && !answer}
          dataSource={answer?.items ?? []}
          locale={{ emptyText: <Empty description="暂无消息" /> }}
          pagination={
            answer && answer.total > PAGE_SIZE
              ? { current: page, pageSize: PAGE_SIZE, total: answer.total, size: 'small', onChange: setPage }
              : false
          }
          renderItem={(item) => {
            const tag = KIND_TAGS[item.kind];
            return (
              <List.Item
                style={{ cursor: 'pointer', opacity: item.readAt ? 0.65 : 1 }}
                onClick={() => void choose(item)}
                actions={
                  item.reportId && onOpenReport ? [<Typography.Link key="open">查看事项</Typography.Link>] : undefined
                }
              >
                <List.Item.Meta
                  title={
                    <span>
                      {!item.readAt && <Badge status="processing" />} {tag && <Tag color={tag.color}>{tag.text}</Tag>}
                      <Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>
                    </span>
                  }
                  description={
                    <>
                      <div>{item.body}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatTime(item.createdAt)}
                        {item.readAt ? '　已读' : '　未读'}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
      </Drawer>
    </>
  );
}
