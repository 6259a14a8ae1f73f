import { z } from 'zod';
import {
  ATTACHMENT_KINDS,
  FOLLOW_TOPICS,
  SUBSCRIBE_ANSWERS,
  SUBSCRIBE_TOPICS,
  type SubscribeTopic,
} from '../domain/enums';
import { LIMITS } from '../domain/limits';

/**
 * WeChat subscribe messages (订阅消息) and what a citizen follows. Each topic has one template,
 * configured on the server; the mini-program asks for the template ids the server gives it and
 * posts WeChat's answers back, so the server knows how many one-time messages it may send.
 * The topics and answers themselves are in domain/enums (the mini-program's tab pages need them
 * without zod).
 */
export const SubscriptionStateSchema = z.object({
  topic: z.enum(SUBSCRIBE_TOPICS),
  /** The last answer; `accept` adds one message the server may send. */
  answer: z.enum(SUBSCRIBE_ANSWERS),
  /** One-time messages still allowed (each accept adds one, each message sent uses one). */
  remaining: z.number().int(),
});
export type SubscriptionState = z.infer<typeof SubscriptionStateSchema>;

export const PushSettingsSchema = z.object({
  /** Template id per topic; null when the server has none configured (then do not ask). */
  templates: z.object(
    Object.fromEntries(SUBSCRIBE_TOPICS.map((topic) => [topic, z.string().nullable()])) as Record<
      SubscribeTopic,
      z.ZodNullable<z.ZodString>
    >,
  ),
  subscriptions: z.array(SubscriptionStateSchema),
  follows: z.array(z.enum(FOLLOW_TOPICS)),
});
export type PushSettings = z.infer<typeof PushSettingsSchema>;

/** What `wx.requestSubscribeMessage` resolved with, minus `errMsg`: template id → answer. */
export const SubscribeAnswersRequestSchema = z.object({
  answers: z
    .record(z.string().min(1).max(64), z.enum(SUBSCRIBE_ANSWERS, { error: '无效的订阅结果' }), {
      error: '请提供订阅结果',
    })
    .refine((answers) => Object.keys(answers).length > 0 && Object.keys(answers).length <= 3, '一次最多 3 个模板'),
});
export type SubscribeAnswersRequest = z.infer<typeof SubscribeAnswersRequestSchema>;

/** Replaces the set of things the citizen follows. */
export const FollowsRequestSchema = z.object({
  topics: z.array(z.enum(FOLLOW_TOPICS, { error: '无效的关注项' })).max(FOLLOW_TOPICS.length),
});
export type FollowsRequest = z.infer<typeof FollowsRequestSchema>;

/**
 * Direct upload to object storage (OSS). The server answers a V4 post policy the client
 * sends as multipart form fields along with the file to `host`, then confirms the object.
 */
export const DirectUploadRequestSchema = z.object({
  kind: z.enum(ATTACHMENT_KINDS, { error: '请说明上传照片还是语音' }),
});
export type DirectUploadRequest = z.infer<typeof DirectUploadRequestSchema>;

export const DirectUploadPolicySchema = z.object({
  /** Where to POST the form. */
  host: z.string(),
  /** The object key to upload under (inside the policy's prefix). */
  key: z.string(),
  /** Every form field to send besides `file`, in this order, `key` included. */
  fields: z.record(z.string(), z.string()),
  maxBytes: z.number().int(),
  contentTypes: z.array(z.string()),
  expiresAt: z.string(),
});
export type DirectUploadPolicy = z.infer<typeof DirectUploadPolicySchema>;

export const DirectUploadConfirmSchema = z.object({
  key: z.string({ error: '请提供上传的文件' }).min(1, '请提供上传的文件').max(128),
  durationSeconds: z.number().min(0).max(LIMITS.voiceSecondsMax).optional(),
});
export type DirectUploadConfirm = z.infer<typeof DirectUploadConfirmSchema>;

/** Whether the mini-program uploads straight to object storage or through POST /uploads. */
export const UploadModeSchema = z.object({ direct: z.boolean() });
export type UploadMode = z.infer<typeof UploadModeSchema>;
