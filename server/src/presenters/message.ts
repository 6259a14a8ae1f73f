import type { Message as MessageDto } from '@minqing/shared';
import type { Message } from '../db/entities';

export function presentMessage(message: Message): MessageDto {
  return {
    id: message.id,
    kind: message.kind,
    title: message.title,
    body: message.body,
    reportId: message.reportId,
    noticeId: message.noticeId ?? null,
    articleId: message.articleId ?? null,
    createdAt: message.createdAt.toISOString(),
    readAt: message.readAt?.toISOString() ?? null,
  };
}
