import crypto from 'node:crypto';

/** WeChat Pay signs answers and notifications over `timestamp\nnonce\nbody\n` with its key (RSA-SHA256). */
export function signedMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

/** How far a signed timestamp may be from our clock: replayed or delayed messages are refused. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

export interface SignedHeaders {
  timestamp: string | undefined;
  nonce: string | undefined;
  signature: string | undefined;
  serial: string | undefined;
}

export function wechatpayHeaders(get: (name: string) => string | undefined): SignedHeaders {
  return {
    timestamp: get('wechatpay-timestamp'),
    nonce: get('wechatpay-nonce'),
    signature: get('wechatpay-signature'),
    serial: get('wechatpay-serial'),
  };
}

export type SignatureProblem = 'missing' | 'unknown_key' | 'stale' | 'bad_signature';

/**
 * Checks what wechatpay-node-v3's verifySign does not: the key id, and that the timestamp is fresh,
 * before the RSA signature itself. Null when the message is genuine.
 */
export function signatureProblem(
  headers: SignedHeaders,
  body: string,
  key: { publicKey: string; id: string },
  now: Date,
): SignatureProblem | null {
  const { timestamp, nonce, signature, serial } = headers;
  if (!timestamp || !nonce || !signature || !serial) return 'missing';
  if (serial !== key.id) return 'unknown_key';
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds) || Math.abs(now.getTime() / 1000 - seconds) > MAX_CLOCK_SKEW_SECONDS) return 'stale';
  const verifier = crypto.createVerify('RSA-SHA256').update(signedMessage(timestamp, nonce, body));
  try {
    return verifier.verify(key.publicKey, signature, 'base64') ? null : 'bad_signature';
  } catch {
    return 'bad_signature';
  }
}

/**
 * AEAD_AES_256_GCM with the APIv3 key: the last 16 bytes of the ciphertext are the tag, and a
 * tampered ciphertext, nonce or associated data throws here (the library skips this check).
 */
export function decryptResource(
  resource: { ciphertext: string; nonce: string; associated_data?: string },
  apiV3Key: string,
): string {
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length <= 16) throw new Error('ciphertext too short');
  const decipher = crypto.createDecipheriv(
    'aes-256-gcm',
    Buffer.from(apiV3Key, 'utf8'),
    Buffer.from(resource.nonce, 'utf8'),
  );
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}
