import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { Message, MessageKind } from '@minqing/shared';
import EmptyState from '../../../components/EmptyState';
import PagedListBody from '../../../components/PagedListBody';
import { formatDate } from '../../../components/NoticeCard/format';
import { withPageHeader } from '../../../components/PageHeader';
import { getMessages, markMessageRead } from '../../../services/api';
import { useCareMode } from '../../../stores/careMode';
import { ROUTES, go } from '../../../pages/home/routes';
import { usePagedList } from '../../../pages/notices/usePagedList';

import './index.scss';

const KIND_ICONS: Record<MessageKind, string> = {
  report_signed: '✅',
  report_extended: '⏳',
  report_resolved: '🎉',
  report_rejected: '❌',
  report_auto_closed: '📁',
  deadline_reminder: '⏰',
  report_escalated: '📣',
  field_follow_up: '🗣️',
  notice_published: '📢',
  article_published: '📰',
};

/**
 * 我的消息: what happened to my reports (受理, 延期, 办结 …), newest first. Opening a message marks it
 * read; one about a report opens that report.
 */
function MessagesPage() {
  const care = useCareMode();
  const [unread, setUnread] = useState<number | null>(null);
  const [readHere, setReadHere] = useState<Record<string, string>>({});
  const list = usePagedList<Message>('messages', async (page, pageSize) => {
    const result = await getMessages({ page, pageSize });
    setUnread(result.unread);
    if (page === 1) setReadHere({});
    return result;
  });

  const latest = useRef(list);
  latest.current = list;
  usePullDownRefresh(() => {
    void latest.current.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void latest.current.loadMore();
  });

  const open = (message: Message) => {
    if (!message.readAt && !readHere[message.id]) {
      setReadHere((shown) => ({ ...shown, [message.id]: new Date().toISOString() }));
      markMessageRead(message.id).catch(() => {
        // Not marked on the server: show it as unread again; it will be marked next time.
        setReadHere((shown) => {
          const { [message.id]: _dropped, ...rest } = shown;
          return rest;
        });
      });
    }
    if (message.reportId) go(ROUTES.myReport(message.reportId));
    else if (message.noticeId) go(ROUTES.notice(message.noticeId));
    else if (message.articleId) go(ROUTES.article(message.articleId));
  };

  const unreadLeft = Math.max(0, (unread ?? 0) - Object.keys(readHere).length);

  return (
    <View className={`page messages ${care.className}`}>
      {unread !== null && list.items.length > 0 ? (
        <View className="messages__summary" role="status">
          {unreadLeft > 0 ? `您有 ${unreadLeft} 条未读消息，点开就会标为已读` : '消息都已读过'}
        </View>
      ) : null}
      <PagedListBody
        list={list}
        empty={
          <EmptyState
            icon="🔔"
            title="还没有消息"
            hint="您反映的问题有了进展（受理、办结等），会在这里通知您"
            action={{ label: '我要反映', onClick: () => go(ROUTES.reportTab) }}
          />
        }
      >
        {(items) =>
          items.map((message) => {
            const isUnread = !message.readAt && !readHere[message.id];
            return (
              <View
                key={message.id}
                className={`messages__item${isUnread ? ' messages__item--unread' : ''}`}
                role="button"
                aria-label={`${isUnread ? '未读，' : ''}${message.title}：${message.body}`}
                hoverClass="messages__item--pressed"
                onClick={() => open(message)}
              >
                <View className="messages__head">
                  <Text className="messages__icon" aria-hidden="true">
                    {KIND_ICONS[message.kind] ?? '🔔'}
                  </Text>
                  <Text className="messages__title">{message.title}</Text>
                  {isUnread ? <Text className="messages__unread">未读</Text> : null}
                </View>
                <Text className="messages__body">{message.body}</Text>
                <View className="messages__foot">
                  <Text>{formatDate(message.createdAt)}</Text>
                  {message.reportId ? <Text className="messages__link">查看详情 ›</Text> : null}
                </View>
              </View>
            );
          })
        }
      </PagedListBody>
    </View>
  );
}

export default withPageHeader(MessagesPage, '我的消息');
