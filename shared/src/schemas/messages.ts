import { z } from 'zod';
import { PageQuerySchema, pageOf } from './common';

/**
 * In-app messages (消息中心) for citizens and staff. The kind lets a client pick an icon and,
 * later, the outbox pick a WeChat subscribe-message template; title and body are ready to show.
 */
export const MESSAGE_KINDS = [
  'report_signed',
  'report_extended',
  'report_resolved',
  'report_rejected',
  'report_auto_closed',
  'deadline_reminder',
  'report_escalated',
  /** A department resolved a report in a grid worker's village: the grid worker tells the household. */
  'field_follow_up',
  'notice_published',
  'article_published',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MessageSchema = z.object({
  id: z.string(),
  kind: z.enum(MESSAGE_KINDS),
  title: z.string(),
  body: z.string(),
  /** The report the message is about, for a link to it. */
  reportId: z.string().nullable(),
  /** The notice or article a notice_published / article_published message announces. */
  noticeId: z.string().nullable(),
  articleId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Message = z.infer<typeof MessageSchema>;

export const MessageListQuerySchema = PageQuerySchema.extend({
  unread: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type MessageListQuery = z.infer<typeof MessageListQuerySchema>;

/** A page of messages, newest first, with the recipient's unread count for the badge. */
export const MessagePageSchema = pageOf(MessageSchema).extend({ unread: z.number().int() });
export type MessagePage = z.infer<typeof MessagePageSchema>;
