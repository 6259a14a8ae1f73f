import { messageRoutes } from '@minqing/shared';
import { call } from '../api';

/** 消息中心 (shared/src/contracts/messages.ts): 催办, 督办 and other messages to the signed-in staff member. */
export const messagesApi = {
  list: (page: number, pageSize: number) => call(messageRoutes.staffList, { query: { page, pageSize } }),
  markRead: (id: string) => call(messageRoutes.staffMarkRead, { params: { id } }),
};

/** Messages shown per page of 消息中心. */
export const PAGE_SIZE = 20;
