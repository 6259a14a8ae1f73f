import { Report, ReportEvent } from '../db/entities';
import { REGIONS, type World, bearer, buildStaff, buildWorld, staffToken } from './factories';
import { testPhoto, testVoice } from './media';
import { type TestApp, createTestApp } from './testApp';

/**
 * The whole loop over HTTP — 反映 → 响应 → 处理 → 反馈 → 评价 — as the mini-program and the
 * admin panel drive it.
 */
describe('the report loop, end to end', () => {
  let app: TestApp;
  let world: World;
  let citizen: string;
  let dispatcher: string;
  let handler: string;
  let otherTownshipHandler: string;

  const asCitizen = () => bearer(citizen);
  const act = (token: string, reportId: string, body: Record<string, unknown>) =>
    app.http.post(`/api/v1/staff/reports/${reportId}/actions`).set(bearer(token)).send(body);
  const types = (timeline: { type: string }[]) => timeline.map((event) => event.type);

  async function uploadedMedia() {
    const photo = await app.http
      .post('/api/v1/uploads')
      .set(asCitizen())
      .attach('file', await testPhoto(), 'pole.png');
    const voice = await app.http
      .post('/api/v1/uploads')
      .set(asCitizen())
      .field('durationSeconds', '1')
      .attach('file', testVoice(), 'voice.wav');
    expect(photo.status).toBe(201);
    expect(voice.status).toBe(201);
    return { photoId: photo.body.id as string, voiceId: voice.body.id as string };
  }

  async function submitAndResolve(text: string) {
    const submitted = await app.http
      .post('/api/v1/reports')
      .set(asCitizen())
      .send({ serviceCode: 'direct', villageCode: REGIONS.chengguanVillage, text });
    await act(dispatcher, submitted.body.id, { action: 'assign', departmentId: world.power.id });
    await act(handler, submitted.body.id, { action: 'sign' });
    await act(handler, submitted.body.id, { action: 'resolve', note: '已处理' });
    return submitted.body.id as string;
  }

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildWorld(app.dataSource);
    const login = await app.http.post('/api/v1/auth/dev-login').send({ openid: 'villager-wang' });
    citizen = login.body.token;
    await app.http
      .patch('/api/v1/me')
      .set(asCitizen())
      .send({ villageCode: REGIONS.chengguanVillage, nickname: '王大爷' });
    dispatcher = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher', username: 'chengguan' }));
    handler = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'handler', username: 'gongdian', departmentId: world.power.id }),
    );
    otherTownshipHandler = staffToken(
      app.deps,
      await buildStaff(app.dataSource, {
        role: 'handler',
        regionCode: REGIONS.jianchi,
        departmentId: world.jianchiPower.id,
      }),
    );
  });
  afterAll(() => app.close());

  it('takes a report with text, photo and voice from submission to a 5-star rating', async () => {
    const { photoId, voiceId } = await uploadedMedia();
    const report = {
      serviceCode: 'direct',
      villageCode: REGIONS.chengguanVillage,
      text: '五一村二组电线杆倾斜快倒了',
      voice: { uploadId: voiceId, transcript: '电线杆歪了' },
      photoUploadIds: [photoId],
      location: { lat: 32.89, lng: 108.51, address: '五一村二组' },
    };
    const submit = () =>
      app.http.post('/api/v1/reports').set(asCitizen()).set('Idempotency-Key', 'loop-report-000001').send(report);
    const submitted = await submit();
    expect(submitted.status).toBe(201);
    const reportId = submitted.body.id as string;
    expect(submitted.body).toMatchObject({ status: 'submitted', department: null });
    expect(submitted.body.photos).toHaveLength(1);
    expect(submitted.body.voice).toMatchObject({ id: voiceId, kind: 'voice', durationSeconds: 1 });

    // A retry of the same submission (the phone lost the answer) changes nothing.
    const retry = await submit();
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(reportId);
    expect(await app.dataSource.getRepository(Report).count()).toBe(1);

    // The dispatcher finds it in triage and dispatches it to the power station.
    const triage = await app.http.get('/api/v1/staff/reports?triage=true').set(bearer(dispatcher));
    expect(triage.body.items.map((item: { id: string }) => item.id)).toEqual([reportId]);
    const assigned = await act(dispatcher, reportId, { action: 'assign', departmentId: world.power.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body.reporter).toEqual({ nickname: '王大爷', phone: null });

    // Another township's handler cannot see or touch it, by list or by id.
    expect((await app.http.get(`/api/v1/staff/reports/${reportId}`).set(bearer(otherTownshipHandler))).status).toBe(
      403,
    );
    expect((await act(otherTownshipHandler, reportId, { action: 'sign' })).status).toBe(403);
    const theirQueue = await app.http.get('/api/v1/staff/reports').set(bearer(otherTownshipHandler));
    expect(theirQueue.body.total).toBe(0);

    // The power station signs, answers and resolves.
    const queue = await app.http.get('/api/v1/staff/reports?status=dispatched').set(bearer(handler));
    expect(queue.body.items.map((item: { id: string }) => item.id)).toEqual([reportId]);
    expect((await act(handler, reportId, { action: 'sign' })).body.status).toBe('accepted');
    expect((await act(handler, reportId, { action: 'reply', note: '已安排电工下午到现场' })).body.status).toBe(
      'accepted',
    );
    const resolved = await act(handler, reportId, { action: 'resolve', note: '电杆已扶正加固' });
    expect(resolved.body.status).toBe('resolved');

    // The citizen sees who handled it and what was done, and can hear and see the media.
    const seen = await app.http.get(`/api/v1/reports/${reportId}`).set(asCitizen());
    expect(seen.body).toMatchObject({
      status: 'resolved',
      statusName: '已办结，请评价',
      department: { id: world.power.id, name: '城关镇供电所' },
    });
    expect(types(seen.body.timeline)).toEqual(['submitted', 'assign', 'sign', 'reply', 'resolve']);
    expect(seen.body.timeline[3]).toMatchObject({ note: '已安排电工下午到现场', actor: '城关镇供电所' });
    // 派单 was the township's dispatcher sending it to the power station, not the station itself.
    expect(seen.body.timeline[1]).toMatchObject({
      type: 'assign',
      actor: '城关镇',
      department: { name: '城关镇供电所' },
    });
    expect(seen.body.allowedActions).toEqual(expect.arrayContaining(['rate', 'dispute']));
    const photo = await app.http.get(seen.body.photos[0].url).set(asCitizen());
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    const voice = await app.http.get(seen.body.voice.url).set(asCitizen());
    expect(voice.status).toBe(200);

    const rated = await app.http
      .post(`/api/v1/reports/${reportId}/rating`)
      .set(asCitizen())
      .send({ score: 5, comment: '来得很快，谢谢' });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ status: 'closed', rating: 5, ratingComment: '来得很快，谢谢' });
    const again = await app.http.post(`/api/v1/reports/${reportId}/rating`).set(asCitizen()).send({ score: 1 });
    expect(again.status).toBe(409);

    const events = await app.dataSource
      .getRepository(ReportEvent)
      .find({ where: { reportId }, order: { createdAt: 'ASC', id: 'ASC' } });
    expect(events.map((event) => event.type)).toEqual(['submitted', 'assign', 'sign', 'reply', 'resolve', 'rate']);
  });

  it('reopens a report rated 2 and lets the department handle it again', async () => {
    const reportId = await submitAndResolve('自来水管破了');
    const rated = await app.http
      .post(`/api/v1/reports/${reportId}/rating`)
      .set(asCitizen())
      .send({ score: 2, comment: '还在漏水' });
    expect(rated.body).toMatchObject({ status: 'reopened', statusName: '重新办理', rating: 2 });
    expect((await app.dataSource.getRepository(Report).findOneByOrFail({ id: reportId })).reopenCount).toBe(1);
    const staffView = await app.http.get(`/api/v1/staff/reports/${reportId}`).set(bearer(handler));
    expect(staffView.body.allowedActions).toContain('sign');
    expect((await act(handler, reportId, { action: 'sign' })).body.status).toBe('accepted');
  });

  it('reopens a resolved report the citizen disputes', async () => {
    const reportId = await submitAndResolve('垃圾没人清运');
    const noReason = await app.http.post(`/api/v1/reports/${reportId}/dispute`).set(asCitizen()).send({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('reason');
    const disputed = await app.http
      .post(`/api/v1/reports/${reportId}/dispute`)
      .set(asCitizen())
      .send({ reason: '垃圾还在' });
    expect(disputed.body.status).toBe('reopened');
    expect(types(disputed.body.timeline).at(-1)).toBe('dispute');
  });
});
