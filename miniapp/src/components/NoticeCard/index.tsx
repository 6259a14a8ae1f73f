import { Text, View } from '@tarojs/components';
import type { Notice } from '@minqing/shared';
import { excerpt, formatDate } from './format';

import './index.scss';

export interface NoticeCardProps {
  notice: Notice;
  onClick?: (notice: Notice) => void;
  /** Leave out the first lines of the body (e.g. on the home page). */
  compact?: boolean;
}

/**
 * Pinned notices first, the server's order kept otherwise (newest first). The server already sorts
 * this way; pages are appended, so this keeps the promise across pages too.
 */
export function pinnedFirst(notices: readonly Notice[]): Notice[] {
  return [...notices.filter((notice) => notice.pinned), ...notices.filter((notice) => !notice.pinned)];
}

/** Merges a new page into a list: items already shown are not repeated, pinned stay on top. */
export function mergeNotices(current: readonly Notice[], next: readonly Notice[]): Notice[] {
  const seen = new Set(current.map((notice) => notice.id));
  return pinnedFirst([...current, ...next.filter((notice) => !seen.has(notice.id))]);
}

/** What 读给我听 / 听通知 read: the category and title, then the body. */
export const spokenNotice = (notice: Notice) => `${notice.categoryName}：${notice.title}。${notice.body}`;

/** The newest notice by publication date (pinned ones do not count as newer). */
export function newestNotice(notices: readonly Notice[]): Notice | null {
  let newest: Notice | null = null;
  for (const notice of notices) {
    if (!newest || (notice.publishedAt ?? '') > (newest.publishedAt ?? '')) newest = notice;
  }
  return newest;
}

/** One notice in a list: 置顶 mark, category, title, first words, who posted it and when. */
export default function NoticeCard({ notice, onClick, compact = false }: NoticeCardProps) {
  return (
    <View
      className={`notice-card${notice.pinned ? ' notice-card--pinned' : ''}`}
      role="link"
      aria-label={`${notice.pinned ? '置顶，' : ''}${notice.categoryName}，${notice.title}`}
      hoverClass="notice-card--pressed"
      onClick={() => onClick?.(notice)}
    >
      <View className="notice-card__tags">
        {notice.pinned ? <Text className="notice-card__pin">置顶</Text> : null}
        <Text className={`notice-card__category notice-card__category--${notice.category}`}>{notice.categoryName}</Text>
      </View>
      <Text className="notice-card__title">{notice.title}</Text>
      {compact ? null : <Text className="notice-card__excerpt">{excerpt(notice.body)}</Text>}
      <View className="notice-card__meta">
        <Text className="notice-card__region">{notice.regionName}</Text>
        <Text className="notice-card__date">{formatDate(notice.publishedAt)}</Text>
        <Text className="notice-card__reads">{notice.readCount} 人看过</Text>
      </View>
    </View>
  );
}
