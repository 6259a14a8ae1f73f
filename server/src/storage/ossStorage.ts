import { isIP } from 'node:net';
import OSS from 'ali-oss';
import type { DirectUploadPolicy } from '@minqing/shared';
import type { DirectUploadStorage, PostPolicyRequest, StoredObjectHead } from './directUpload';
import type { OssConfig } from './ossConfig';

/** ali-oss has it (lib/common/object/signPostObjectPolicyV4.js); @types/ali-oss does not. */
interface PostPolicySigner {
  signPostObjectPolicyV4(policy: object, date: Date): string;
}

/** 20260101T080000Z, as V4 signing wants it. */
const v4Date = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * Aliyun OSS through ali-oss, every request signed with V4. Objects are written private (the
 * bucket should be private too): clients read them only through short-lived signatureUrlV4
 * links, and upload only with a post policy bound to one key prefix, a size and content types.
 */
export class OssStorage implements DirectUploadStorage {
  private readonly client: OSS;
  /** Where clients POST their uploads: the bucket's own host (path-style for an IP endpoint). */
  readonly uploadHost: string;

  constructor(private readonly config: OssConfig) {
    this.client = new OSS({
      region: config.region,
      bucket: config.bucket,
      accessKeyId: config.accessKeyId,
      accessKeySecret: config.accessKeySecret,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      secure: true,
      authorizationV4: true,
      timeout: 60_000,
    });
    const base = new URL(config.endpoint ?? `https://${config.region}.aliyuncs.com`);
    this.uploadHost = isIP(base.hostname) ? base.origin : `${base.protocol}//${config.bucket}.${base.host}`;
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    await this.client.put(key, data, {
      mime: contentType,
      headers: { 'Content-Type': contentType, 'x-oss-object-acl': 'private' },
    });
  }

  async get(key: string): Promise<Buffer> {
    const result = await this.client.get(key);
    return result.content as Buffer;
  }

  async delete(key: string): Promise<void> {
    await this.client.delete(key);
  }

  async head(key: string): Promise<StoredObjectHead | null> {
    try {
      const result = await this.client.head(key);
      const headers = result.res.headers as Record<string, string | undefined>;
      return { size: Number(headers['content-length'] ?? 0), contentType: headers['content-type'] ?? '' };
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null;
      throw error;
    }
  }

  temporaryUrl(key: string, expiresInSeconds: number): Promise<string> {
    return this.client.signatureUrlV4('GET', expiresInSeconds, { headers: {}, queries: {} }, key);
  }

  /**
   * A V4 post policy: the signature fields are conditions too (OSS requires it), the key must
   * start with the prefix, the size and the Content-Type field are bounded, and the object is
   * private. The client sends `fields` and then `file`.
   */
  async postPolicy(request: PostPolicyRequest): Promise<DirectUploadPolicy> {
    const date = v4Date(request.now);
    const region = this.config.region.replace(/^oss-/, '');
    const credential = `${this.config.accessKeyId}/${date.slice(0, 8)}/${region}/oss/aliyun_v4_request`;
    const policy = {
      expiration: request.expiresAt.toISOString(),
      conditions: [
        { bucket: this.config.bucket },
        { 'x-oss-signature-version': 'OSS4-HMAC-SHA256' },
        { 'x-oss-credential': credential },
        { 'x-oss-date': date },
        { 'x-oss-object-acl': 'private' },
        { success_action_status: '200' },
        ['starts-with', '$key', request.keyPrefix],
        ['content-length-range', 1, request.maxBytes],
        ['in', '$content-type', [...request.contentTypes]],
      ],
    };
    const signature = (this.client as unknown as PostPolicySigner).signPostObjectPolicyV4(policy, request.now);
    return {
      host: this.uploadHost,
      key: request.key,
      fields: {
        key: request.key,
        policy: Buffer.from(JSON.stringify(policy), 'utf8').toString('base64'),
        'x-oss-signature-version': 'OSS4-HMAC-SHA256',
        'x-oss-credential': credential,
        'x-oss-date': date,
        'x-oss-signature': signature,
        'x-oss-object-acl': 'private',
        success_action_status: '200',
      },
      maxBytes: request.maxBytes,
      contentTypes: [...request.contentTypes],
      expiresAt: request.expiresAt.toISOString(),
    };
  }
}
