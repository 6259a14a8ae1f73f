import { Attachment, ContentCheck } from '../../db/entities';
import type { Citizen, Staff } from '../../db/entities';
import { runDueChecks } from '../../commands/contentCheckRunner';
import { MediaUrlSigner } from '../../storage/signedMediaUrl';
import { PUBLIC_BASE_URL, createContentSecurityApp } from '../../test/contentSecurityApp';
import {
  bearer,
  buildCitizen,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
  submitReport,
} from '../../test/factories';
import { FakeWechat, PUSH_AES_KEY, encryptedPush, mediaCheckEvent, signedQuery } from '../../test/fakeWechat';
import { testPhoto, testVoice } from '../../test/media';
import { createTestApp, type TestApp } from '../../test/testApp';

describe('media checks (media_check_async v2) and the message push endpoint', () => {
  let wechat: FakeWechat;
  let app: TestApp;
  let citizen: Citizen;
  let dispatcher: Staff;

  const asCitizen = () => bearer(citizenToken(app.deps, citizen));
  const attachmentOf = (id: string) => app.dataSource.getRepository(Attachment).findOneByOrFail({ id });
  const checkOf = (attachmentId: string) =>
    app.dataSource.getRepository(ContentCheck).findOneByOrFail({ subjectType: 'attachment', subjectId: attachmentId });

  async function reportWithPhoto(): Promise<{ reportId: string; photoId: string }> {
    const photo = await app.http
      .post('/api/v1/uploads')
      .set(asCitizen())
      .attach('file', await testPhoto(), 'pole.png');
    expect(photo.status).toBe(201);
    const report = await submitReport(app, citizen, { photoUploadIds: [photo.body.id] });
    expect(report.status).toBe(201);
    return { reportId: report.body.id, photoId: photo.body.id };
  }

  const localPath = (url: string) => url.slice(PUBLIC_BASE_URL.length);

  beforeAll(async () => {
    wechat = await new FakeWechat().start();
    app = await createContentSecurityApp(wechat);
    await buildWorld(app.dataSource);
    citizen = await buildCitizen(app.dataSource);
    dispatcher = await buildStaff(app.dataSource, { role: 'dispatcher' });
  });
  afterAll(async () => {
    await app.close();
    await wechat.stop();
  });
  beforeEach(() => {
    wechat.down = false;
  });

  it('answers the GET handshake with echostr only when the signature is right', async () => {
    const ok = await app.http.get(`/api/v1/wechat/push?${signedQuery(undefined, { echostr: 'echo-123' })}`);
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('echo-123');
    const forged = await app.http.get(`/api/v1/wechat/push?${signedQuery('wrong-token', { echostr: 'echo-123' })}`);
    expect(forged.status).toBe(403);
  });

  it('sends each photo with a signed URL; the media stay with the uploader and staff until a late pushed verdict passes them', async () => {
    const { reportId, photoId } = await reportWithPhoto();
    const sent = wechat.mediaChecks.at(-1)!;
    expect(sent).toMatchObject({ mediaType: 2, openid: citizen.openid });
    expect(sent.mediaUrl.startsWith(`${PUBLIC_BASE_URL}/api/v1/media/${photoId}?`)).toBe(true);
    expect(await checkOf(photoId)).toMatchObject({ status: 'awaiting', traceId: sent.traceId, reportId });
    expect((await attachmentOf(photoId)).checkStatus).toBe('pending');

    // WeChat fetches the file through the signed link; a tampered or expired one is refused.
    const fetched = await app.http.get(localPath(sent.mediaUrl));
    expect(fetched.status).toBe(200);
    expect(fetched.headers['content-type']).toBe('image/jpeg');
    expect((await app.http.get(localPath(sent.mediaUrl).replace(/signature=./, 'signature=x'))).status).toBe(403);
    const expired = new MediaUrlSigner(app.deps.config.tokenSecret).path(photoId, new Date(Date.now() - 1000));
    expect((await app.http.get(expired)).status).toBe(403);

    // Pending: the uploader and staff in scope see it, and the report shows it as pending.
    const detail = await app.http.get(`/api/v1/reports/${reportId}`).set(asCitizen());
    expect(detail.body.photos[0].check).toBe('pending');
    expect((await app.http.get(`/api/v1/uploads/${photoId}/content`).set(asCitizen())).status).toBe(200);
    expect(
      (await app.http.get(`/api/v1/uploads/${photoId}/content`).set(bearer(staffToken(app.deps, dispatcher)))).status,
    ).toBe(200);

    // The verdict arrives later, signed (plaintext mode); a repeat changes nothing.
    const push = await app.http
      .post(`/api/v1/wechat/push?${signedQuery()}`)
      .send(mediaCheckEvent(sent.traceId, 'pass', citizen.openid));
    expect(push.status).toBe(200);
    expect(push.text).toBe('success');
    expect((await attachmentOf(photoId)).checkStatus).toBe('pass');
    expect(await checkOf(photoId)).toMatchObject({ status: 'pass', label: 100, moderation: null, nextAttemptAt: null });
    expect(
      (await app.http.post(`/api/v1/wechat/push?${signedQuery()}`).send(mediaCheckEvent(sent.traceId, 'risky'))).status,
    ).toBe(200);
    expect((await attachmentOf(photoId)).checkStatus).toBe('pass');
  });

  it('takes an encrypted (AES) push: a risky voice clip is hidden from the citizen, held and flagged for staff', async () => {
    const voice = await app.http
      .post('/api/v1/uploads')
      .set(asCitizen())
      .field('durationSeconds', '1')
      .attach('file', testVoice(), 'voice.wav');
    const report = await submitReport(app, citizen, { voice: { uploadId: voice.body.id, transcript: '' } });
    expect(report.status).toBe(201);
    const sent = wechat.mediaChecks.at(-1)!;
    expect(sent.mediaType).toBe(1);

    const { query, body } = encryptedPush(mediaCheckEvent(sent.traceId, 'risky', citizen.openid));
    const push = await app.http.post(`/api/v1/wechat/push?${query}`).send(body);
    expect(push.status).toBe(200);
    expect((await attachmentOf(voice.body.id)).checkStatus).toBe('risky');
    expect(await checkOf(voice.body.id)).toMatchObject({ status: 'risky', moderation: 'held' });
    expect((await app.http.get(`/api/v1/uploads/${voice.body.id}/content`).set(asCitizen())).status).toBe(403);
    expect(
      (await app.http.get(`/api/v1/uploads/${voice.body.id}/content`).set(bearer(staffToken(app.deps, dispatcher))))
        .status,
    ).toBe(200);
  });

  it('refuses forged pushes: a wrong signature, a wrong msg_signature, another appid or another key', async () => {
    const { photoId } = await reportWithPhoto();
    const { traceId } = wechat.mediaChecks.at(-1)!;
    const event = mediaCheckEvent(traceId, 'pass');

    expect((await app.http.post(`/api/v1/wechat/push?${signedQuery('not-our-token')}`).send(event)).status).toBe(403);
    expect((await app.http.post('/api/v1/wechat/push').send(event)).status).toBe(403);

    const genuine = encryptedPush(event);
    const wrongSignature = genuine.query.replace(
      /msg_signature=[0-9a-f]/,
      (match) => `${match.slice(0, -1)}${match.endsWith('0') ? '1' : '0'}`,
    );
    expect((await app.http.post(`/api/v1/wechat/push?${wrongSignature}`).send(genuine.body)).status).toBe(403);
    const otherApp = encryptedPush(event, PUSH_AES_KEY, 'wx-someone-else');
    expect((await app.http.post(`/api/v1/wechat/push?${otherApp.query}`).send(otherApp.body)).status).toBe(403);
    const otherKey = encryptedPush(event, Buffer.alloc(32, 3).toString('base64').slice(0, 43));
    expect((await app.http.post(`/api/v1/wechat/push?${otherKey.query}`).send(otherKey.body)).status).toBe(403);

    expect((await attachmentOf(photoId)).checkStatus).toBe('pending');
    expect((await checkOf(photoId)).status).toBe('awaiting');
  });

  it('keeps the report when WeChat is down; the scheduler sends the media check later and the verdict lands', async () => {
    wechat.down = true;
    const sentBefore = wechat.mediaChecks.length;
    const { photoId } = await reportWithPhoto();
    expect(await checkOf(photoId)).toMatchObject({ status: 'queued', attempts: 1 });
    expect(wechat.mediaChecks).toHaveLength(sentBefore);

    wechat.down = false;
    await runDueChecks(app.deps, new Date(Date.now() + 10 * 60_000), 100);
    const sent = wechat.mediaChecks.at(-1)!;
    expect(sent.mediaUrl).toContain(photoId);
    expect(await checkOf(photoId)).toMatchObject({ status: 'awaiting', traceId: sent.traceId, attempts: 2 });

    await app.http.post(`/api/v1/wechat/push?${signedQuery()}`).send(mediaCheckEvent(sent.traceId, 'review'));
    expect((await attachmentOf(photoId)).checkStatus).toBe('review');
    expect(await checkOf(photoId)).toMatchObject({ status: 'review', moderation: 'held' });
  });

  it('ignores other events but still acknowledges them', async () => {
    const response = await app.http
      .post(`/api/v1/wechat/push?${signedQuery()}`)
      .send({ MsgType: 'event', Event: 'user_enter_tempsession' });
    expect(response.status).toBe(200);
    expect(response.text).toBe('success');
  });
});

describe('without WeChat configured', () => {
  it('the push URL answers 503, and media are recorded as unchecked', async () => {
    const app = await createTestApp();
    try {
      await buildWorld(app.dataSource);
      const citizen = await buildCitizen(app.dataSource);
      const push = await app.http.get(`/api/v1/wechat/push?${signedQuery(undefined, { echostr: 'x' })}`);
      expect(push.status).toBe(503);
      expect(push.body.error).toEqual({ code: 'not_configured', message: '消息推送未配置' });
      const photo = await app.http
        .post('/api/v1/uploads')
        .set(bearer(citizenToken(app.deps, citizen)))
        .attach('file', await testPhoto(), 'a.png');
      const report = await submitReport(app, citizen, { photoUploadIds: [photo.body.id] });
      expect(report.body.photos[0].check).toBe('unchecked');
      expect(await app.dataSource.getRepository(ContentCheck).findOneBy({ subjectId: photo.body.id })).toMatchObject({
        status: 'unchecked',
      });
    } finally {
      await app.close();
    }
  });
});
