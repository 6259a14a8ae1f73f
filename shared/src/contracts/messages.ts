import { MessageListQuerySchema, MessagePageSchema, MessageSchema } from '../schemas/messages';
import { CITIZEN_ENDPOINTS } from './citizenEndpoints';
import { defineRoute, named, ok } from './route';

const messagePage = named('MessagePage', MessagePageSchema);
const message = named('Message', MessageSchema);

/** 消息中心: the same two routes for citizens and for staff, each seeing only their own messages. */
export const messageRoutes = {
  list: defineRoute({
    ...CITIZEN_ENDPOINTS.messages.list,
    summary: "群众消息列表 / The citizen's messages, newest first, with the unread count",
    description:
      'Who: citizen. The in-app message centre: 受理, 延期, 办结, 催办, 督办, new notices and articles one follows …',
    tags: ['messages'],
    query: MessageListQuerySchema,
    responses: [ok(messagePage)],
    errors: [400, 401],
  }),
  markRead: defineRoute({
    ...CITIZEN_ENDPOINTS.messages.markRead,
    summary: "标记已读 / Mark one of the citizen's messages read",
    tags: ['messages'],
    responses: [ok(message)],
    errors: [400, 401, 403, 404],
  }),
  staffList: defineRoute({
    method: 'get',
    path: '/staff/messages',
    summary: "工作人员消息列表 / The staff's messages, newest first, with the unread count",
    description: 'Who: staff. The in-app message centre of a staff member: reports assigned, reminders, 督办 …',
    tags: ['staff-messages'],
    access: 'staff',
    policy: 'anyStaff',
    query: MessageListQuerySchema,
    responses: [ok(messagePage)],
    errors: [400, 401],
  }),
  staffMarkRead: defineRoute({
    method: 'post',
    path: '/staff/messages/:id/read',
    summary: "标记已读 / Mark one of the staff's messages read",
    tags: ['staff-messages'],
    access: 'staff',
    policy: 'anyStaff',
    responses: [ok(message)],
    errors: [400, 401, 403, 404],
  }),
};
