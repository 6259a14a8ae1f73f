import { createHash, createHmac } from 'node:crypto';
import { FakeHttpServer, type FakeRequest, type FakeResponse } from './fakeHttp';

/**
 * A local stand-in for one Aliyun OSS bucket, reached path-style at an IP endpoint (as ali-oss
 * does for one): PostObject form uploads checked against their V4 post policy and signature,
 * and PUT, HEAD, GET and DELETE checked against a V4 Authorization header or signed URL.
 */
export interface FakeOssOptions {
  bucket: string;
  region: string;
  accessKeyId: string;
  accessKeySecret: string;
}

export interface FakeObject {
  bytes: Buffer;
  contentType: string;
  acl: string;
}

const xmlError = (status: number, code: string, message: string): FakeResponse => ({
  status,
  headers: { 'Content-Type': 'application/xml' },
  body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
});

function signingKey(secret: string, day: string, region: string): Buffer {
  const date = createHmac('sha256', `aliyun_v4${secret}`).update(day).digest();
  const regionKey = createHmac('sha256', date).update(region).digest();
  const product = createHmac('sha256', regionKey).update('oss').digest();
  return createHmac('sha256', product).update('aliyun_v4_request').digest();
}

/** RFC 3986 encoding as OSS V4 canonical requests use it. */
const encode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

interface FormPart {
  name: string;
  filename?: string;
  data: Buffer;
}

/** multipart/form-data, binary-safe. */
function parseMultipart(raw: Buffer, contentType: string): FormPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: FormPart[] = [];
  let start = raw.indexOf(delimiter);
  while (start >= 0) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = raw.subarray(start + delimiter.length + 2, next - 2); // CRLF after the delimiter, before the next
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const name = /name="([^"]*)"/.exec(headers)?.[1];
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    if (name) parts.push({ name, ...(filename !== undefined ? { filename } : {}), data: part.subarray(headerEnd + 4) });
    start = next;
  }
  return parts;
}

type Condition = Record<string, string> | [string, ...unknown[]];

export class FakeOss {
  readonly objects = new Map<string, FakeObject>();
  readonly server = new FakeHttpServer();
  /** Why the last refused request was refused. */
  lastRefusal = '';

  constructor(
    readonly options: FakeOssOptions,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.server
      .on('POST', '/', (request) => this.refuseWith(() => this.postObject(request)))
      .on('PUT', '*', (request) => this.refuseWith(() => this.putObject(request)))
      .on('HEAD', '*', (request) => this.refuseWith(() => this.headObject(request)))
      .on('GET', '*', (request) => this.refuseWith(() => this.getObject(request)))
      .on('DELETE', '*', (request) => this.refuseWith(() => this.deleteObject(request)));
  }

  get endpoint(): string {
    return this.server.baseUrl;
  }

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  private refuseWith(answer: () => FakeResponse): FakeResponse {
    const response = answer();
    if ((response.status ?? 200) >= 400) this.lastRefusal = String(response.body);
    return response;
  }

  private keyOf(request: FakeRequest): string {
    return decodeURIComponent(request.path.slice(1));
  }

  private region(): string {
    return this.options.region.replace(/^oss-/, '');
  }

  private postObject(request: FakeRequest): FakeResponse {
    const parts = parseMultipart(request.raw, String(request.headers['content-type'] ?? ''));
    const file = parts.find((part) => part.name === 'file');
    if (file !== parts.at(-1)) return xmlError(400, 'InvalidArgument', 'file must be the last form field');
    const fields = new Map(
      parts.filter((part) => part !== file).map((part) => [part.name.toLowerCase(), part.data.toString('utf8')]),
    );
    const policyBase64 = fields.get('policy');
    if (!policyBase64) return xmlError(403, 'AccessDenied', 'no policy');
    if (fields.get('x-oss-signature-version') !== 'OSS4-HMAC-SHA256')
      return xmlError(403, 'AccessDenied', 'not a V4 signature');
    const date = fields.get('x-oss-date') ?? '';
    const expectedCredential = `${this.options.accessKeyId}/${date.slice(0, 8)}/${this.region()}/oss/aliyun_v4_request`;
    if (fields.get('x-oss-credential') !== expectedCredential)
      return xmlError(403, 'InvalidAccessKeyId', 'credential does not match');
    const signature = createHmac('sha256', signingKey(this.options.accessKeySecret, date.slice(0, 8), this.region()))
      .update(policyBase64)
      .digest('hex');
    if (fields.get('x-oss-signature') !== signature)
      return xmlError(403, 'SignatureDoesNotMatch', 'policy signature does not match');

    const policy = JSON.parse(Buffer.from(policyBase64, 'base64').toString('utf8')) as {
      expiration: string;
      conditions: Condition[];
    };
    if (new Date(policy.expiration) <= this.clock())
      return xmlError(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
    const key = fields.get('key') ?? '';
    for (const condition of policy.conditions) {
      const failure = this.checkCondition(condition, fields, file!.data.length);
      if (failure) return failure;
    }
    this.objects.set(key, {
      bytes: Buffer.from(file!.data),
      contentType: fields.get('content-type') ?? 'application/octet-stream',
      acl: fields.get('x-oss-object-acl') ?? 'default',
    });
    return { status: Number(fields.get('success_action_status') ?? 204), body: '' };
  }

  private checkCondition(condition: Condition, fields: Map<string, string>, size: number): FakeResponse | null {
    const failed = (what: string) =>
      xmlError(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ${what}`);
    if (!Array.isArray(condition)) {
      const [[name, value]] = Object.entries(condition);
      const actual = name === 'bucket' ? this.options.bucket : fields.get(name.toLowerCase());
      return actual === value ? null : failed(`["eq", "$${name}", "${value}"]`);
    }
    const [operator, ...args] = condition;
    if (operator === 'content-length-range') {
      const [min, max] = args as [number, number];
      return size >= min && size <= max
        ? null
        : xmlError(
            400,
            'EntityTooLarge',
            `Your proposed upload exceeds the maximum allowed size (${size} not in ${min}-${max})`,
          );
    }
    const field = String(args[0]).replace(/^\$/, '').toLowerCase();
    const actual = fields.get(field) ?? '';
    if (operator === 'eq') return actual === args[1] ? null : failed(JSON.stringify(condition));
    if (operator === 'starts-with')
      return actual.startsWith(String(args[1])) ? null : failed(JSON.stringify(condition));
    if (operator === 'in') return (args[1] as string[]).includes(actual) ? null : failed(JSON.stringify(condition));
    return failed(`unknown operator ${operator}`);
  }

  /** A V4 Authorization header or a V4-signed URL, recomputed from the request as OSS would. */
  private verifySigned(request: FakeRequest): FakeResponse | null {
    const query = new URLSearchParams(request.query);
    const authorization = String(request.headers.authorization ?? '');
    let credential: string;
    let signature: string;
    let date: string;
    let additional: string[] = [];
    if (authorization) {
      const match = /^OSS4-HMAC-SHA256 Credential=([^,]+),(?:AdditionalHeaders=([^,]+),)?Signature=([0-9a-f]+)$/.exec(
        authorization,
      );
      if (!match) return xmlError(403, 'AccessDenied', 'not a V4 Authorization header');
      [, credential, , signature] = match;
      additional = match[2]?.split(';') ?? [];
      date = String(request.headers['x-oss-date'] ?? '');
    } else {
      credential = query.get('x-oss-credential') ?? '';
      signature = query.get('x-oss-signature') ?? '';
      date = query.get('x-oss-date') ?? '';
      const expires = Number(query.get('x-oss-expires'));
      const signedAt = Date.parse(date.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
      if (!signature || !(signedAt + expires * 1000 > this.clock().getTime()))
        return xmlError(403, 'AccessDenied', 'Request has expired.');
      query.delete('x-oss-signature');
    }
    const day = date.slice(0, 8);
    if (credential !== `${this.options.accessKeyId}/${day}/${this.region()}/oss/aliyun_v4_request`)
      return xmlError(403, 'InvalidAccessKeyId', 'credential does not match');
    const headers = Object.entries(request.headers)
      .filter(
        ([name]) =>
          name === 'content-type' || name === 'content-md5' || name.startsWith('x-oss-') || additional.includes(name),
      )
      .sort(([a], [b]) => a.localeCompare(b));
    const canonicalQuery = [...query.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => (value === '' && !authorization ? encode(name) : `${encode(name)}=${encode(value)}`))
      .join('&');
    const canonical = [
      request.method,
      encode(`/${this.options.bucket}/${this.keyOf(request)}`).replace(/%2F/g, '/'),
      canonicalQuery,
      headers.map(([name, value]) => `${name}:${String(value).trim()}\n`).join(''),
      additional.join(';'),
      String(request.headers['x-oss-content-sha256'] ?? 'UNSIGNED-PAYLOAD'),
    ].join('\n');
    const stringToSign = [
      'OSS4-HMAC-SHA256',
      date,
      `${day}/${this.region()}/oss/aliyun_v4_request`,
      createHash('sha256').update(canonical).digest('hex'),
    ].join('\n');
    const expected = createHmac('sha256', signingKey(this.options.accessKeySecret, day, this.region()))
      .update(stringToSign)
      .digest('hex');
    return expected === signature ? null : xmlError(403, 'SignatureDoesNotMatch', 'signature does not match');
  }

  private putObject(request: FakeRequest): FakeResponse {
    const refused = this.verifySigned(request);
    if (refused) return refused;
    this.objects.set(this.keyOf(request), {
      bytes: request.raw,
      contentType: String(request.headers['content-type'] ?? ''),
      acl: String(request.headers['x-oss-object-acl'] ?? 'default'),
    });
    return { status: 200, body: '' };
  }

  private headObject(request: FakeRequest): FakeResponse {
    const refused = this.verifySigned(request);
    if (refused) return { ...refused, body: '' };
    const object = this.objects.get(this.keyOf(request));
    if (!object) return { status: 404, body: '' };
    return {
      status: 200,
      headers: { 'Content-Type': object.contentType, 'Content-Length': String(object.bytes.length) },
      body: '',
    };
  }

  private getObject(request: FakeRequest): FakeResponse {
    const refused = this.verifySigned(request);
    if (refused) return refused;
    const object = this.objects.get(this.keyOf(request));
    if (!object) return xmlError(404, 'NoSuchKey', 'The specified key does not exist.');
    return { status: 200, headers: { 'Content-Type': object.contentType }, body: object.bytes };
  }

  private deleteObject(request: FakeRequest): FakeResponse {
    const refused = this.verifySigned(request);
    if (refused) return refused;
    this.objects.delete(this.keyOf(request));
    return { status: 204, body: '' };
  }
}
