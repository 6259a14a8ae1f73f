import { FakeOss } from '../test/fakeOss';
import { OssStorage } from './ossStorage';

const OPTIONS = {
  bucket: 'minqing-media',
  region: 'oss-cn-hangzhou',
  accessKeyId: 'test-key-id',
  accessKeySecret: 'test-key-secret',
};
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 1)]);

/** The post form as the mini-program sends it: policy fields, Content-Type, then the file. */
function form(fields: Record<string, string>, file: Buffer, contentType: string): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('Content-Type', contentType);
  body.append('file', new Blob([file]), 'photo.jpg');
  return body;
}

describe('OssStorage against a fake OSS', () => {
  let oss: FakeOss;
  let storage: OssStorage;
  let now = new Date();

  beforeAll(async () => {
    oss = await new FakeOss(OPTIONS, () => now).start();
    storage = new OssStorage({ ...OPTIONS, endpoint: oss.endpoint });
  });
  afterAll(() => oss.stop());
  beforeEach(() => {
    now = new Date();
  });

  it('puts private objects, heads, reads and deletes them with V4-signed requests', async () => {
    await storage.put('attachments/2026/01/a.jpg', JPEG, 'image/jpeg');
    expect(oss.objects.get('attachments/2026/01/a.jpg')).toMatchObject({ contentType: 'image/jpeg', acl: 'private' });
    expect(await storage.head('attachments/2026/01/a.jpg')).toEqual({ size: JPEG.length, contentType: 'image/jpeg' });
    expect(Buffer.compare(await storage.get('attachments/2026/01/a.jpg'), JPEG)).toBe(0);
    await storage.delete('attachments/2026/01/a.jpg');
    expect(await storage.head('attachments/2026/01/a.jpg')).toBeNull();
  });

  it('refuses a request signed with another secret', async () => {
    const impostor = new OssStorage({ ...OPTIONS, accessKeySecret: 'wrong', endpoint: oss.endpoint });
    await expect(impostor.put('x.jpg', JPEG, 'image/jpeg')).rejects.toMatchObject({ status: 403 });
    expect(oss.objects.has('x.jpg')).toBe(false);
  });

  it('gives short-lived signatureUrlV4 links that stop working when tampered with or expired', async () => {
    await storage.put('attachments/b.jpg', JPEG, 'image/jpeg');
    const url = await storage.temporaryUrl('attachments/b.jpg', 60);
    expect(url).toContain('x-oss-signature=');
    const fetched = await fetch(url);
    expect(fetched.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await fetched.arrayBuffer()), JPEG)).toBe(0);
    expect((await fetch(url.replace('attachments/b.jpg', 'attachments/c.jpg'))).status).toBe(403);
    now = new Date(Date.now() + 61_000);
    expect((await fetch(url)).status).toBe(403);
  });

  describe('post policy', () => {
    const policyFor = (overrides: { maxBytes?: number } = {}) =>
      storage.postPolicy({
        keyPrefix: 'incoming/citizen-01/',
        key: 'incoming/citizen-01/01ABC',
        maxBytes: overrides.maxBytes ?? 1024,
        contentTypes: ['image/jpeg', 'image/png'],
        expiresAt: new Date(now.getTime() + 10 * 60_000),
        now,
      });
    const upload = (host: string, body: FormData) => fetch(host, { method: 'POST', body });

    it('accepts an upload under the prefix, within the size and types, stored private', async () => {
      const policy = await policyFor();
      expect(policy.host).toBe(oss.endpoint);
      const response = await upload(policy.host, form(policy.fields, JPEG, 'image/jpeg'));
      expect(response.status).toBe(200);
      expect(oss.objects.get('incoming/citizen-01/01ABC')).toMatchObject({ contentType: 'image/jpeg', acl: 'private' });
    });

    it('rejects another prefix, an oversize file, another type, a changed policy and an expired one', async () => {
      const policy = await policyFor({ maxBytes: 32 });
      const cases: [string, FormData, number, RegExp][] = [
        [
          'wrong prefix',
          form({ ...policy.fields, key: 'attachments/someone-else.jpg' }, JPEG.subarray(0, 16), 'image/jpeg'),
          403,
          /starts-with/,
        ],
        ['oversize', form(policy.fields, JPEG, 'image/jpeg'), 400, /EntityTooLarge/],
        ['type', form(policy.fields, JPEG.subarray(0, 16), 'text/html'), 403, /content-type/],
        [
          'policy edited',
          form(
            {
              ...policy.fields,
              policy: Buffer.from(
                Buffer.from(policy.fields.policy, 'base64')
                  .toString()
                  .replace('"32"', '"99999999"')
                  .replace(',32]', ',99999999]'),
              ).toString('base64'),
            },
            JPEG,
            'image/jpeg',
          ),
          403,
          /SignatureDoesNotMatch/,
        ],
      ];
      for (const [name, body, status, reason] of cases) {
        const response = await upload(policy.host, body);
        expect([name, response.status]).toEqual([name, status]);
        expect(oss.lastRefusal).toMatch(reason);
      }
      now = new Date(now.getTime() + 11 * 60_000);
      expect((await upload(policy.host, form(policy.fields, JPEG.subarray(0, 16), 'image/jpeg'))).status).toBe(403);
      expect(oss.lastRefusal).toMatch(/expired/);
      expect(
        [...oss.objects.keys()].filter((key) => key !== 'incoming/citizen-01/01ABC' && key.startsWith('incoming')),
      ).toEqual([]);
    });
  });
});
