import { named, ok } from '@minqing/shared';
import type { z } from 'zod';
import {
  DirectUploadConfirmSchema,
  DirectUploadPolicySchema,
  DirectUploadRequestSchema,
  FollowsRequestSchema,
  PushSettingsSchema,
  SubscribeAnswersRequestSchema,
  UploadModeSchema,
  UploadResponseSchema,
} from '@minqing/shared';
import type { ApiRoute, RequestBody } from './apiDocument';

const json = (name: string, schema: z.ZodType): RequestBody => ({ kind: 'json', schema: named(name, schema) });
const settings = named('PushSettings', PushSettingsSchema);

/** 消息订阅: subscribe-message templates, the citizen's answers, and what they follow. */
export const pushRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/push/settings',
    summary: '订阅设置 / Template ids to request, subscriptions left per topic, and what the citizen follows',
    tags: ['push'],
    access: 'citizen',
    responses: [ok(settings)],
    errors: [401],
  },
  {
    method: 'post',
    path: '/api/v1/push/subscriptions',
    summary: '记录订阅结果 / What wx.requestSubscribeMessage answered: each accept allows one message',
    tags: ['push'],
    access: 'citizen',
    body: json('SubscribeAnswersRequest', SubscribeAnswersRequestSchema),
    responses: [ok(settings)],
    errors: [400, 401],
  },
  {
    method: 'put',
    path: '/api/v1/push/follows',
    summary: '关注 / Replace what the citizen follows: village notices, article categories',
    tags: ['push'],
    access: 'citizen',
    body: json('FollowsRequest', FollowsRequestSchema),
    responses: [ok(settings)],
    errors: [400, 401],
  },
];

/** Direct upload to OSS: a V4 post policy, then the server confirms the object. */
export const directUploadRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/uploads/mode',
    summary: '上传方式 / Whether to upload straight to object storage (OSS) or through POST /uploads',
    tags: ['uploads'],
    access: 'public',
    responses: [ok(named('UploadMode', UploadModeSchema))],
    errors: [],
  },
  {
    method: 'post',
    path: '/api/v1/uploads/direct',
    summary: "直传凭证 / A V4 post policy for one object under the uploader's own key prefix (404 without OSS)",
    tags: ['uploads'],
    access: 'citizenOrStaff',
    body: json('DirectUploadRequest', DirectUploadRequestSchema),
    responses: [ok(named('DirectUploadPolicy', DirectUploadPolicySchema))],
    errors: [400, 401, 404],
  },
  {
    method: 'post',
    path: '/api/v1/uploads/direct/confirm',
    summary: '确认直传 / Check the uploaded object (size, type by its bytes), clean a photo, and record the attachment',
    tags: ['uploads'],
    access: 'citizenOrStaff',
    body: json('DirectUploadConfirm', DirectUploadConfirmSchema),
    responses: [
      { status: 201, description: 'Created', content: { kind: 'json', schema: named('Upload', UploadResponseSchema) } },
    ],
    errors: [400, 401, 403, 404, 413, 415, 502],
  },
];
