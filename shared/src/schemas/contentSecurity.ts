import { z } from 'zod';
import { IdSchema, PageQuerySchema, pageOf } from './common';

/**
 * WeChat content security (PRODUCT.md §9): every piece of citizen text and media is checked.
 * A check row goes queued → (media: awaiting the pushed verdict) → pass | review | risky, or is
 * `unchecked` when WeChat is not configured (demo, local): nothing pretends it passed.
 */
export const CONTENT_CHECK_STATUSES = ['queued', 'awaiting', 'pass', 'review', 'risky', 'unchecked'] as const;
export type ContentCheckStatus = (typeof CONTENT_CHECK_STATUSES)[number];

/** What an attachment shows of its check: `pending` until WeChat's verdict arrives. */
export const MEDIA_CHECK_STATES = ['pending', 'pass', 'review', 'risky', 'unchecked'] as const;
export type MediaCheckState = (typeof MEDIA_CHECK_STATES)[number];

/** The citizen text and media that are checked, by where they were written. */
export const CHECKED_FIELDS = [
  'text',
  'voice.transcript',
  'supplement',
  'rating.comment',
  'dispute.reason',
  'nickname',
  'photo',
  'voice',
] as const;
export type CheckedField = (typeof CHECKED_FIELDS)[number];

export const CHECKED_FIELD_NAMES: Record<CheckedField, string> = {
  text: '反映内容',
  'voice.transcript': '语音文字',
  supplement: '补充说明',
  'rating.comment': '评价意见',
  'dispute.reason': '重办理由',
  nickname: '昵称',
  photo: '照片',
  voice: '语音',
};

/** Content WeChat rated `review` (or `risky` after it was stored) waits for a staff decision. */
export const MODERATION_STATES = ['held', 'released', 'rejected'] as const;
export type ModerationState = (typeof MODERATION_STATES)[number];

export const ModerationQuerySchema = PageQuerySchema.extend({
  state: z.enum(MODERATION_STATES).default('held'),
  reportId: IdSchema.optional(),
});
export type ModerationQuery = z.infer<typeof ModerationQuerySchema>;

export const ModerationItemSchema = z.object({
  id: z.string(),
  field: z.enum(CHECKED_FIELDS),
  fieldName: z.string(),
  status: z.enum(CONTENT_CHECK_STATUSES),
  /** WeChat's label (100 normal, 20001 时政, 20002 色情, 20006 违法犯罪, …); null until checked. */
  label: z.number().int().nullable(),
  moderation: z.enum(MODERATION_STATES),
  report: z.object({ id: z.string(), serialNo: z.string() }).nullable(),
  /** The text in question; null for media (see `attachmentUrl`). */
  text: z.string().nullable(),
  attachmentUrl: z.string().nullable(),
  createdAt: z.string(),
  moderatedAt: z.string().nullable(),
});
export type ModerationItem = z.infer<typeof ModerationItemSchema>;
export const ModerationPageSchema = pageOf(ModerationItemSchema);

export const ModerationDecisionRequestSchema = z.object({
  decision: z.enum(['release', 'reject'], '请选择放行或驳回'),
});
export type ModerationDecisionRequest = z.infer<typeof ModerationDecisionRequestSchema>;
