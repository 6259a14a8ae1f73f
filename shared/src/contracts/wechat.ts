import { z } from 'zod';
import { VOICE_TYPES } from '../domain/limits';
import { defineRoute } from './route';

const tags = ['wechat'] as const;
/** What WeChat signs its message push with (plaintext or AES mode). */
const PushQuerySchema = z.object({
  signature: z.string().optional(),
  timestamp: z.string().optional(),
  nonce: z.string().optional(),
  echostr: z.string().optional(),
  encrypt_type: z.enum(['aes']).optional(),
  msg_signature: z.string().optional(),
});
const plainText = (description: string) =>
  ({ status: 200, description, content: { kind: 'binary', mediaTypes: ['text/plain'] } }) as const;

/** WeChat content security: the message push WeChat calls, and the signed media links it fetches. No account. */
export const wechatRoutes = {
  pushHandshake: defineRoute({
    method: 'get',
    path: '/wechat/push',
    summary: '微信消息推送 URL 验证 / WeChat message push handshake: answers echostr to a correctly signed request',
    description:
      'Who: WeChat (signature-checked). 消息推送: the echostr handshake; events in plaintext or AES mode (msg_signature, EncodingAESKey); `wxa_media_check` verdicts update the attachment; 403 for a forged push',
    tags,
    access: 'public',
    query: PushQuerySchema,
    responses: [plainText('echostr')],
    errors: [403, 503],
  }),
  push: defineRoute({
    method: 'post',
    path: '/wechat/push',
    summary:
      '微信消息推送 / WeChat push events (JSON, plaintext or AES mode); wxa_media_check verdicts update the attachment',
    tags,
    access: 'public',
    query: PushQuerySchema,
    responses: [plainText('success')],
    errors: [400, 403, 503],
  }),
  signedMedia: defineRoute({
    method: 'get',
    path: '/media/:id',
    summary: '签名媒体链接 / An attachment through a short-lived signed link (for WeChat media checks)',
    description:
      "Who: anyone with a valid, unexpired signed link. An attachment's bytes, for WeChat's media check (links last 30 minutes)",
    tags,
    access: 'public',
    query: z.object({ expires: z.string(), signature: z.string() }),
    responses: [
      { status: 200, description: 'OK', content: { kind: 'binary', mediaTypes: ['image/jpeg', ...VOICE_TYPES] } },
    ],
    errors: [403, 404],
  }),
};
