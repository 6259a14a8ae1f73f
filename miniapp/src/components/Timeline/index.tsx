/** The public part of a report's timeline, newest first, in the citizen's words. */
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { ACTION_NAMES, type TimelineEvent } from '@minqing/shared';
import { useAttachmentPaths } from './attachments';
import { formatDateTime } from './dates';

import './index.scss';

/** What happened, as the citizen reads it. */
export function eventTitle(event: Pick<TimelineEvent, 'type' | 'department' | 'actor'>): string {
  const department = event.department?.name;
  switch (event.type) {
    case 'submitted':
      // 代报: the server names the filer and the household (网格员 王强 代 李大爷 反映).
      return event.actor && event.actor !== '您' ? event.actor : '您提交了反映';
    case 'resolve_on_spot':
      return event.actor ? `${event.actor}已就地办结` : '已就地办结';
    case 'rate_on_behalf':
      return '工作人员回访时代为评价';
    case 'route':
    case 'assign':
      return department ? `已分派给${department}` : '已分派';
    case 'sign':
      return department ? `${department}已接手办理` : '已接手办理';
    case 'reply':
      return department ? `${department}答复您` : '部门答复您';
    case 'resolve':
      return department ? `${department}已办结` : '已办结';
    case 'transfer':
      return department ? `已转交${department}办理` : '已转交其他部门办理';
    case 'approve_extension':
      return '办理时间已延长';
    case 'reject':
      return '未受理';
    case 'merge':
      return '与相同的问题合并办理';
    case 'share_outcome':
      return '合并办理的问题已办结';
    case 'rate':
      return '您做了评价';
    case 'dispute':
      return '您要求重新办理';
    case 'supplement':
      return '您补充了说明';
    case 'auto_close':
      return '超过评价时间，已自动结束';
    default:
      return ACTION_NAMES[event.type];
  }
}

/** Events where a department speaks to the citizen (their answer). */
export const ANSWER_TYPES: readonly TimelineEvent['type'][] = [
  'reply',
  'resolve',
  'resolve_on_spot',
  'reject',
  'share_outcome',
];

function EventPhotos({ event }: { event: TimelineEvent }) {
  const photos = useAttachmentPaths(event.attachments.filter((attachment) => attachment.kind === 'photo'));
  if (photos.length === 0) return null;
  const urls = photos.flatMap((photo) => (photo.path ? [photo.path] : []));
  return (
    <View className="timeline__photos">
      {photos.map((photo) =>
        photo.path ? (
          <Image
            key={photo.attachment.id}
            className="timeline__photo"
            src={photo.path}
            mode="aspectFill"
            onClick={() => void Taro.previewImage({ urls, current: photo.path as string }).catch(() => undefined)}
          />
        ) : (
          <View key={photo.attachment.id} className="timeline__photo timeline__photo--missing">
            <Text>{photo.failed ? '图片暂时看不了' : '加载中…'}</Text>
          </View>
        ),
      )}
    </View>
  );
}

export interface TimelineProps {
  events: TimelineEvent[];
}

export default function Timeline({ events }: TimelineProps) {
  const shown = events
    .filter((event) => event.public)
    .slice()
    .reverse();
  if (shown.length === 0) return null;
  return (
    <View className="timeline">
      {shown.map((event, index) => (
        <View
          key={event.id}
          className={`timeline__item${index === 0 ? ' timeline__item--latest' : ''}`}
          data-testid="timeline-event"
        >
          <View className="timeline__dot" />
          <View className="timeline__body">
            <Text className="timeline__title">{eventTitle(event)}</Text>
            <Text className="timeline__time">{formatDateTime(event.at)}</Text>
            {event.note ? <Text className="timeline__note">{event.note}</Text> : null}
            {event.attachments.length > 0 ? <EventPhotos event={event} /> : null}
          </View>
        </View>
      ))}
    </View>
  );
}

export { formatDateTime, formatDay, departmentText, dueText, nextStepLine, RECEIVED_LINE } from './dates';
