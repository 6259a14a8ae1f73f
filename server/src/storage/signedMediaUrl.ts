import { createHmac, timingSafeEqual } from 'node:crypto';
import { pathWith, wechatRoutes } from '@minqing/shared';

/**
 * Short-lived links to one attachment for a caller without an account — WeChat's content
 * security fetching media to check it. The signature covers the attachment id and the expiry,
 * under a key derived from TOKEN_SECRET for this purpose only.
 */
export class MediaUrlSigner {
  private readonly key: Buffer;

  constructor(tokenSecret: string) {
    this.key = createHmac('sha256', tokenSecret).update('signed-media-url').digest();
  }

  private signature(attachmentId: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${attachmentId}.${expires}`).digest('base64url');
  }

  /** The path (under /api/v1) and query of a link valid until `expiresAt`. */
  path(attachmentId: string, expiresAt: Date): string {
    const expires = Math.floor(expiresAt.getTime() / 1000);
    const query = new URLSearchParams({ expires: String(expires), signature: this.signature(attachmentId, expires) });
    return `/api/v1${pathWith(wechatRoutes.signedMedia.path, { id: attachmentId })}?${query}`;
  }

  /** True when the signature is ours and the link has not expired at `now`. */
  verify(attachmentId: string, query: { expires?: unknown; signature?: unknown }, now: Date): boolean {
    const expires = Number(query.expires);
    if (typeof query.signature !== 'string' || !Number.isInteger(expires)) return false;
    if (expires * 1000 <= now.getTime()) return false;
    const expected = Buffer.from(this.signature(attachmentId, expires));
    const given = Buffer.from(query.signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
