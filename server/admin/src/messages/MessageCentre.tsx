import { Badge, Drawer, Empty, List, Tag, Typography } from 'antd';
import type { Message, MessagePage } from '@minqing/shared';
import { formatTime } from '../queue/format';
import { PAGE_SIZE } from './messagesApi';

const KIND_TAGS: Partial<Record<Message['kind'], { color: string; text: string }>> = {
  deadline_reminder: { color: 'gold', text: '催办' },
  report_escalated: { color: 'red', text: '督办' },
};

export interface MessageCentreProps {
  open: boolean;
  /** The page of messages last answered; null until the first answer. */
  answer: MessagePage | null;
  loading: boolean;
  page: number;
  onPage: (page: number) => void;
  onClose: () => void;
  onChoose: (item: Message) => void;
  /** Whether a message's report can be opened (the member has a work queue). */
  canOpenReport: boolean;
}

/** 消息中心's drawer: the messages newest first, unread ones marked, paged. */
export function MessageCentre({
  open,
  answer,
  loading,
  page,
  onPage,
  onClose,
  onChoose,
  canOpenReport,
}: MessageCentreProps) {
  const unread = answer?.unread ?? 0;
  return (
    <Drawer open={open} onClose={onClose} width={440} title={`消息中心${unread ? `（${unread} 条未读）` : ''}`}>
      <List<Message>
        loading={loading && !answer}
        dataSource={answer?.items ?? []}
        locale={{ emptyText: <Empty description="暂无消息" /> }}
        pagination={
          answer && answer.total > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, total: answer.total, size: 'small', onChange: onPage }
            : false
        }
        renderItem={(item) => {
          const tag = KIND_TAGS[item.kind];
          return (
            <List.Item
              style={{ cursor: 'pointer', opacity: item.readAt ? 0.65 : 1 }}
              onClick={() => onChoose(item)}
              actions={
                item.reportId && canOpenReport ? [<Typography.Link key="open">查看事项</Typography.Link>] : undefined
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
  );
}
