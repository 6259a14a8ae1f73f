import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Suggest } from './contentSecurityClient';

/**
 * WeChat's message push (消息推送) to our server: the URL check, the signatures and the AES
 * "安全模式" envelope, as the mini-program documentation describes them. The message format is
 * JSON (数据格式: JSON in the mini-program console).
 */

export interface PushCredentials {
  /** WECHAT_MSG_TOKEN: the Token entered in the console. */
  token: string;
  /** WECHAT_MSG_AES_KEY decoded: 32 bytes; null in plaintext mode. */
  aesKey: Buffer | null;
  /** The mini-program's appid, which ends every decrypted message. */
  appid: string;
}

/** sha1 of the sorted, concatenated parts: WeChat's `signature` (token, timestamp, nonce) and `msg_signature` (+ Encrypt). */
export function pushSignature(parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

function sameHex(expected: string, given: string | undefined): boolean {
  if (!given || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given.toLowerCase()));
}

export function isSignedByWechat(
  token: string,
  query: { signature?: string; timestamp?: string; nonce?: string },
): boolean {
  if (!query.timestamp || !query.nonce) return false;
  return sameHex(pushSignature([token, query.timestamp, query.nonce]), query.signature);
}

export function isMsgSignedByWechat(
  token: string,
  query: { msg_signature?: string; timestamp?: string; nonce?: string },
  encrypted: string,
): boolean {
  if (!query.timestamp || !query.nonce) return false;
  return sameHex(pushSignature([token, query.timestamp, query.nonce, encrypted]), query.msg_signature);
}

/** EncodingAESKey: 43 characters of base64 without its final "=" → the 32-byte AES key. */
export function decodeEncodingAesKey(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (encodingAesKey.length !== 43 || key.length !== 32) throw new Error('EncodingAESKey must be 43 base64 characters');
  return key;
}

export class PushDecryptError extends Error {}

/**
 * AES-256-CBC with IV = the key's first 16 bytes and PKCS#7 padding to 32-byte blocks; the
 * plaintext is 16 random bytes, the message length (4 bytes, big-endian), the message, the appid.
 */
export function decryptPushMessage(aesKey: Buffer, encrypted: string, appid: string): string {
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', aesKey, aesKey.subarray(0, 16));
    decipher.setAutoPadding(false);
    plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
  } catch {
    throw new PushDecryptError('cannot decrypt');
  }
  const pad = plain[plain.length - 1];
  if (!pad || pad > 32 || plain.length < 20 + pad) throw new PushDecryptError('bad padding');
  const content = plain.subarray(16, plain.length - pad);
  const length = content.readUInt32BE(0);
  if (4 + length > content.length) throw new PushDecryptError('bad length');
  if (content.subarray(4 + length).toString('utf8') !== appid) throw new PushDecryptError('message for another appid');
  return content.subarray(4, 4 + length).toString('utf8');
}

const MediaCheckEventSchema = z.object({
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1),
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.coerce.number().optional() }),
});

export interface MediaVerdict {
  traceId: string;
  suggest: Suggest;
  label: number;
}

/** A `wxa_media_check` event's verdict; null for any other event (which we acknowledge and ignore). */
export function mediaVerdictOf(message: unknown): MediaVerdict | null {
  const parsed = MediaCheckEventSchema.safeParse(message);
  if (!parsed.success) return null;
  return { traceId: parsed.data.trace_id, suggest: parsed.data.result.suggest, label: parsed.data.result.label ?? 0 };
}
