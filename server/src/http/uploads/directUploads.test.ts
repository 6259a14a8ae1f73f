import { DirectUploadPolicySchema, LIMITS } from '@minqing/shared';
import { Attachment, type Citizen } from '../../db/entities';
import { OssStorage } from '../../storage/ossStorage';
import { bearer, buildCitizen, buildWorld, citizenToken, submitReport } from '../../test/factories';
import { FakeOss } from '../../test/fakeOss';
import { testPhoto } from '../../test/media';
import { type TestApp, createTestApp } from '../../test/testApp';

const OSS = { bucket: 'minqing-media', region: 'oss-cn-hangzhou', accessKeyId: 'id-1', accessKeySecret: 'secret-1' };

describe('direct upload to OSS', () => {
  let oss: FakeOss;
  let app: TestApp;
  let citizen: Citizen;
  let auth: { Authorization: string };

  const policyFor = async (kind: 'photo' | 'voice', who = auth) => {
    const response = await app.http.post('/api/v1/uploads/direct').set(who).send({ kind });
    expect(response.status).toBe(200);
    return DirectUploadPolicySchema.parse(response.body);
  };
  /** As the mini-program's Taro.uploadFile does it: policy fields and Content-Type, then the file. */
  const postToOss = (policy: { host: string; fields: Record<string, string> }, bytes: Buffer, contentType: string) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(policy.fields)) form.append(name, value);
    form.append('Content-Type', contentType);
    form.append('file', new Blob([bytes]), 'upload');
    return fetch(policy.host, { method: 'POST', body: form });
  };
  const confirm = (body: Record<string, unknown>, who = auth) =>
    app.http.post('/api/v1/uploads/direct/confirm').set(who).send(body);

  beforeAll(async () => {
    oss = await new FakeOss(OSS).start();
    app = await createTestApp({ storage: new OssStorage({ ...OSS, endpoint: oss.endpoint }) });
    await buildWorld(app.dataSource);
    citizen = await buildCitizen(app.dataSource);
    auth = bearer(citizenToken(app.deps, citizen));
  });
  afterAll(async () => {
    await app.close();
    await oss.stop();
  });

  it('says OSS is on, and answers 401 and 400 naming the field', async () => {
    expect((await app.http.get('/api/v1/uploads/mode')).body).toEqual({ direct: true });
    expect((await app.http.post('/api/v1/uploads/direct').send({ kind: 'photo' })).status).toBe(401);
    expect((await app.http.post('/api/v1/uploads/direct/confirm').send({ key: 'x' })).status).toBe(401);
    const bad = await app.http.post('/api/v1/uploads/direct').set(auth).send({ kind: 'video' });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'kind']);
    const noKey = await confirm({});
    expect([noKey.status, noKey.body.error.field]).toEqual([400, 'key']);
  });

  it('uploads a photo straight to OSS, confirms it into a cleaned attachment a report can use, read through a signed link', async () => {
    const policy = await policyFor('photo');
    expect(policy.key.startsWith(`incoming/citizen-${citizen.id}/`)).toBe(true);
    expect(policy.maxBytes).toBe(LIMITS.uploadBytesMax);
    const photo = await testPhoto();
    expect((await postToOss(policy, photo, 'image/jpeg')).status).toBe(200);

    const confirmed = await confirm({ key: policy.key });
    expect(confirmed.status).toBe(201);
    const attachment = await app.dataSource.getRepository(Attachment).findOneByOrFail({ id: confirmed.body.id });
    expect(attachment).toMatchObject({
      ownerType: 'citizen',
      ownerId: citizen.id,
      kind: 'photo',
      contentType: 'image/jpeg',
      reportId: null,
    });
    // Re-encoded by the server (no EXIF/GPS), kept under its own key; the incoming copy is gone.
    expect(attachment.storageKey).toMatch(/^attachments\//);
    const stored = oss.objects.get(attachment.storageKey)!;
    expect(stored.acl).toBe('private');
    expect(stored.bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(Buffer.compare(stored.bytes, photo)).not.toBe(0);
    expect(oss.objects.has(policy.key)).toBe(false);
    // Confirming twice finds nothing.
    expect((await confirm({ key: policy.key })).status).toBe(404);

    const report = await submitReport(app, citizen, { photoUploadIds: [attachment.id] });
    expect(report.status).toBe(201);

    const read = await app.http.get(`/api/v1/uploads/${attachment.id}/content`).set(auth).redirects(0);
    expect(read.status).toBe(302);
    expect(read.headers['cache-control']).toBe('no-store');
    expect(read.headers.location.startsWith(`${oss.endpoint}/${attachment.storageKey}?`)).toBe(true);
    const fetched = await fetch(read.headers.location);
    expect(fetched.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await fetched.arrayBuffer()), stored.bytes)).toBe(0);

    // The mini-program asks for the link itself and downloads it without our token.
    const link = await app.http.get(`/api/v1/uploads/${attachment.id}/link`).set(auth);
    expect(link.body.url.startsWith(`${oss.endpoint}/${attachment.storageKey}?`)).toBe(true);
    expect((await fetch(link.body.url)).status).toBe(200);
    const stranger = bearer(citizenToken(app.deps, await buildCitizen(app.dataSource)));
    expect((await app.http.get(`/api/v1/uploads/${attachment.id}/link`).set(stranger)).status).toBe(403);
    expect((await app.http.get(`/api/v1/uploads/${attachment.id}/link`)).status).toBe(401);
  });

  it("refuses another uploader's key, and objects too large, of another type, or whose bytes are not media", async () => {
    const other = bearer(citizenToken(app.deps, await buildCitizen(app.dataSource)));
    const mine = await policyFor('photo');
    expect((await postToOss(mine, await testPhoto(), 'image/jpeg')).status).toBe(200);
    const stolen = await confirm({ key: mine.key }, other);
    expect(stolen.status).toBe(403);
    expect(oss.objects.has(mine.key)).toBe(true);

    const prefix = `incoming/citizen-${citizen.id}/`;
    const cases: [string, Buffer, string, number][] = [
      [`${prefix}big`, Buffer.alloc(LIMITS.uploadBytesMax + 1, 0xff), 'image/jpeg', 413],
      [`${prefix}page`, Buffer.from('<html>hello</html>'), 'text/html', 415],
      [`${prefix}fake-photo`, Buffer.from('<html>not a photo</html>'), 'image/jpeg', 415],
    ];
    for (const [key, bytes, type, status] of cases) {
      // Written past the policy, as a misbehaving client or a changed bucket rule could.
      await app.deps.storage.put(key, bytes, type);
      const response = await confirm({ key });
      expect([key, response.status]).toEqual([key, status]);
      expect(oss.objects.has(key)).toBe(false);
    }
    // None of them became an attachment: only the photo confirmed above exists.
    expect(await app.dataSource.getRepository(Attachment).countBy({ ownerId: citizen.id })).toBe(1);
  });

  it('is off with the local disk: the mini-program uses POST /uploads', async () => {
    const disk = await createTestApp();
    try {
      const someone = await buildCitizen(disk.dataSource);
      expect((await disk.http.get('/api/v1/uploads/mode')).body).toEqual({ direct: false });
      expect(
        (
          await disk.http
            .post('/api/v1/uploads/direct')
            .set(bearer(citizenToken(disk.deps, someone)))
            .send({ kind: 'photo' })
        ).status,
      ).toBe(404);
      const upload = await disk.http
        .post('/api/v1/uploads')
        .set(bearer(citizenToken(disk.deps, someone)))
        .attach('file', await testPhoto(), 'photo.jpg');
      expect(
        (await disk.http.get(`/api/v1/uploads/${upload.body.id}/link`).set(bearer(citizenToken(disk.deps, someone))))
          .body,
      ).toEqual({ url: null });
    } finally {
      await disk.close();
    }
  });
});
