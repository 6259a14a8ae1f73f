import type { MessageListQuery, MessagePage } from '@minqing/shared';
import { IsNull, Not } from 'typeorm';
import type { AppDeps } from '../context';
import { transaction } from '../db/dataSource';
import { Message } from '../db/entities';
import type { RecipientType } from '../db/entities/message';
import { forbidden, notFound } from '../errors';
import { presentMessage } from '../presenters/message';
import { pageWindow } from '../http/paging';

export interface Reader {
  type: RecipientType;
  id: string;
}

/** One recipient's messages, newest first, with how many are unread. */
export async function listMessages(deps: AppDeps, reader: Reader, query: MessageListQuery): Promise<MessagePage> {
  const repository = deps.dataSource.getRepository(Message);
  const own = { recipientType: reader.type, recipientId: reader.id };
  const [[messages, total], unread] = await Promise.all([
    repository.findAndCount({
      where: query.unread === undefined ? own : { ...own, readAt: query.unread ? IsNull() : Not(IsNull()) },
      order: { createdAt: 'DESC', id: 'DESC' },
      ...pageWindow(query),
    }),
    repository.countBy({ ...own, readAt: IsNull() }),
  ]);
  return { items: messages.map(presentMessage), total, page: query.page, pageSize: query.pageSize, unread };
}

/** Marks a message read; reading it again keeps the first time. Only its recipient may. */
export function markMessageRead(deps: AppDeps, reader: Reader, messageId: string) {
  return transaction(deps.dataSource, async (manager) => {
    const repository = manager.getRepository(Message);
    const message = await repository.findOneBy({ id: messageId });
    if (!message) throw notFound('没有找到这条消息');
    if (message.recipientType !== reader.type || message.recipientId !== reader.id) throw forbidden('这不是您的消息');
    if (!message.readAt) {
      message.readAt = deps.clock();
      await repository.update({ id: message.id, readAt: IsNull() }, { readAt: message.readAt });
    }
    return presentMessage(message);
  });
}
