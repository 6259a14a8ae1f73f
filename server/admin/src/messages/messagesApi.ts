import type { Message, MessagePage } from '@minqing/shared';
import { request } from '../api';

/** 消息中心 (server/src/routes/messages): 催办, 督办 and other messages to the signed-in staff member. */
export const messagesApi = {
  list: (page: number, pageSize: number) => request<MessagePage>(`/staff/messages?page=${page}&pageSize=${pageSize}`),
  markRead: (id: string) => request<Message>(`/staff/messages/${encodeURIComponent(id)}/read`, { method: 'POST' }),
};
