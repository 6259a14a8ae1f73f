import { z } from 'zod';
import { VOICE_TYPES } from '../domain/limits';
import {
  DirectUploadConfirmSchema,
  DirectUploadPolicySchema,
  DirectUploadRequestSchema,
  UploadModeSchema,
} from '../schemas/push';
import { UploadFieldsSchema, UploadResponseSchema } from '../schemas/uploads';
import { CITIZEN_ENDPOINTS } from './citizenEndpoints';
import { created, defineRoute, jsonBody, named, ok } from './route';

const tags = ['uploads'] as const;
const endpoints = CITIZEN_ENDPOINTS.uploads;
const upload = named('Upload', UploadResponseSchema);

/** 附件: photos and voice clips, through this server or straight to object storage (OSS). */
export const uploadRoutes = {
  upload: defineRoute({
    ...endpoints.upload,
    policy: 'anyStaff',
    summary:
      '上传照片或语音 / Upload one photo or voice clip (voice: mp3/aac/m4a, PCM WAV, Ogg/WebM; ≤ 60 s and 2.25 MB, so that Tencent ASR can transcribe it)',
    description:
      'Who: citizen, staff. Multipart `file` (+ `durationSeconds`): photo (jpeg/png/webp, re-encoded, EXIF/GPS stripped) or voice (mp3/aac/m4a, PCM WAV, Ogg/WebM) ≤ 60 s and 2.25 MB (so Tencent ASR can transcribe it), photos ≤ 10 MB, type by magic bytes',
    tags,
    body: { kind: 'multipart', schema: named('UploadForm', UploadFieldsSchema.extend({ file: z.file() })) },
    responses: [created(upload)],
    errors: [400, 401, 413, 415],
  }),
  content: defineRoute({
    ...endpoints.content,
    policy: 'anyStaff',
    summary: '附件内容 / The bytes of an attachment',
    description:
      "Who: uploader, report owner, staff who may open the report. The bytes; a report's media follow the report's rule (a sysadmin sees none, except media held for their 内容审核 review); a citizen's media not yet passed by WeChat only to the uploader and staff, risky or rejected media only to staff; with OSS a 302 to a 5-minute signed link (`Cache-Control: no-store`)",
    tags,
    responses: [
      { status: 200, description: 'OK', content: { kind: 'binary', mediaTypes: ['image/jpeg', ...VOICE_TYPES] } },
    ],
    errors: [401, 403, 404],
  }),
  link: defineRoute({
    ...endpoints.link,
    policy: 'anyStaff',
    summary:
      '附件临时链接 / A 5-minute signed link to the bytes in object storage (null: fetch …/content with the token)',
    description:
      'Who: as `…/content`. `{url}`: the 5-minute signed OSS link, which the mini-program downloads without our token (OSS refuses a request signed twice); `null` without OSS',
    tags,
    responses: [ok(named('AttachmentLink', z.object({ url: z.string().nullable() })))],
    errors: [401, 403, 404],
  }),
  mode: defineRoute({
    ...endpoints.mode,
    summary: '上传方式 / Whether to upload straight to object storage (OSS) or through POST /uploads',
    description: 'Who: public. `{direct}`: whether the mini-program uploads straight to OSS',
    tags,
    responses: [ok(named('UploadMode', UploadModeSchema))],
    errors: [],
  }),
  direct: defineRoute({
    ...endpoints.direct,
    policy: 'anyStaff',
    summary: "直传凭证 / A V4 post policy for one object under the uploader's own key prefix (404 without OSS)",
    description:
      "Who: citizen, staff. With OSS only (404 otherwise): a V4 post policy for one key under the uploader's own prefix `incoming/<citizen|staff>-<id>/`, ≤ 10 MB, photo or voice types, valid 10 minutes; then the server checks the object (HEAD: size 413, type 415; its bytes sniffed 415), re-encodes a photo like any upload, stores it as an attachment and removes the incoming copy — only then may a report use it",
    tags,
    body: jsonBody('DirectUploadRequest', DirectUploadRequestSchema),
    responses: [ok(named('DirectUploadPolicy', DirectUploadPolicySchema))],
    errors: [400, 401, 404],
  }),
  confirmDirect: defineRoute({
    ...endpoints.confirmDirect,
    policy: 'anyStaff',
    summary: '确认直传 / Check the uploaded object (size, type by its bytes), clean a photo, and record the attachment',
    tags,
    body: jsonBody('DirectUploadConfirm', DirectUploadConfirmSchema),
    responses: [created(upload)],
    errors: [400, 401, 403, 404, 413, 415, 502],
  }),
};
