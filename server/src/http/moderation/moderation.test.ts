import { Attachment, AuditLog, ContentCheck } from '../../db/entities';
import type { Citizen, Staff } from '../../db/entities';
import { createContentSecurityApp } from '../../test/contentSecurityApp';
import {
  REGIONS,
  bearer,
  buildCitizen,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
  submitReport,
} from '../../test/factories';
import { FakeWechat, REVIEW_WORD, mediaCheckEvent, signedQuery } from '../../test/fakeWechat';
import { testPhoto } from '../../test/media';
import type { TestApp } from '../../test/testApp';

describe('/api/v1/staff/moderation', () => {
  let wechat: FakeWechat;
  let app: TestApp;
  let citizen: Citizen;
  let dispatcher: Staff;
  let otherTownship: Staff;
  let county: Staff;
  let handler: Staff;

  const as = (staff: Staff) => bearer(staffToken(app.deps, staff));

  async function heldReportText(): Promise<{ reportId: string; serialNo: string }> {
    const response = await submitReport(app, citizen, { text: `垃圾堆积${REVIEW_WORD}` });
    expect(response.status).toBe(201);
    return { reportId: response.body.id, serialNo: response.body.serialNo };
  }

  beforeAll(async () => {
    wechat = await new FakeWechat().start();
    app = await createContentSecurityApp(wechat);
    const world = await buildWorld(app.dataSource);
    citizen = await buildCitizen(app.dataSource);
    dispatcher = await buildStaff(app.dataSource, { role: 'dispatcher' });
    otherTownship = await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.jianchi });
    county = await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county });
    handler = await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id });
  });
  afterAll(async () => {
    await app.close();
    await wechat.stop();
  });

  it('401 without a token, 403 for roles that do not moderate, 400 naming the field for bad input', async () => {
    expect((await app.http.get('/api/v1/staff/moderation')).status).toBe(401);
    expect((await app.http.get('/api/v1/staff/moderation').set(bearer(citizenToken(app.deps, citizen)))).status).toBe(
      401,
    );
    expect((await app.http.get('/api/v1/staff/moderation').set(as(handler))).status).toBe(403);
    const badState = await app.http.get('/api/v1/staff/moderation?state=maybe').set(as(dispatcher));
    expect(badState.status).toBe(400);
    expect(badState.body.error.field).toBe('state');
    const { reportId } = await heldReportText();
    const check = await app.dataSource.getRepository(ContentCheck).findOneByOrFail({ reportId });
    const badDecision = await app.http
      .post(`/api/v1/staff/moderation/${check.id}/decision`)
      .set(as(dispatcher))
      .send({ decision: 'delete' });
    expect(badDecision.status).toBe(400);
    expect(badDecision.body.error.field).toBe('decision');
    expect(
      (
        await app.http
          .post(`/api/v1/staff/moderation/${check.id}/decision`)
          .set(as(handler))
          .send({ decision: 'release' })
      ).status,
    ).toBe(403);
  });

  it("lists held content in the moderator's region only, and releases it once, audited", async () => {
    const { reportId, serialNo } = await heldReportText();
    const list = await app.http.get(`/api/v1/staff/moderation?reportId=${reportId}`).set(as(dispatcher));
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        field: 'text',
        fieldName: '反映内容',
        status: 'review',
        moderation: 'held',
        text: `垃圾堆积${REVIEW_WORD}`,
        report: { id: reportId, serialNo },
      }),
    ]);
    expect(
      (await app.http.get(`/api/v1/staff/moderation?reportId=${reportId}`).set(as(otherTownship))).body.items,
    ).toEqual([]);
    expect((await app.http.get(`/api/v1/staff/moderation?reportId=${reportId}`).set(as(county))).body.total).toBe(1);

    const id = list.body.items[0].id as string;
    expect(
      (
        await app.http
          .post(`/api/v1/staff/moderation/${id}/decision`)
          .set(as(otherTownship))
          .send({ decision: 'release' })
      ).status,
    ).toBe(403);
    const released = await app.http
      .post(`/api/v1/staff/moderation/${id}/decision`)
      .set(as(dispatcher))
      .send({ decision: 'release' });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ id, moderation: 'released' });
    expect(await app.dataSource.getRepository(ContentCheck).findOneByOrFail({ id })).toMatchObject({
      moderation: 'released',
      moderatedById: dispatcher.id,
    });
    expect(
      await app.dataSource.getRepository(AuditLog).findOneBy({ action: 'moderation.release', targetId: id }),
    ).toMatchObject({ staffId: dispatcher.id, targetType: 'content_check' });
    expect(
      (await app.http.post(`/api/v1/staff/moderation/${id}/decision`).set(as(dispatcher)).send({ decision: 'reject' }))
        .status,
    ).toBe(409);
    expect(
      (await app.http.get(`/api/v1/staff/moderation?state=released&reportId=${reportId}`).set(as(dispatcher))).body
        .total,
    ).toBe(1);
  });

  it('rejecting held media hides it from the citizen, audited', async () => {
    const asCitizen = bearer(citizenToken(app.deps, citizen));
    const photo = await app.http
      .post('/api/v1/uploads')
      .set(asCitizen)
      .attach('file', await testPhoto(), 'a.png');
    const report = await submitReport(app, citizen, { photoUploadIds: [photo.body.id] });
    await app.http
      .post(`/api/v1/wechat/push?${signedQuery()}`)
      .send(mediaCheckEvent(wechat.mediaChecks.at(-1)!.traceId, 'review'));
    const [item] = (await app.http.get(`/api/v1/staff/moderation?reportId=${report.body.id}`).set(as(dispatcher))).body
      .items;
    expect(item).toMatchObject({
      field: 'photo',
      status: 'review',
      text: null,
      attachmentUrl: `/api/v1/uploads/${photo.body.id}/content`,
    });

    const rejected = await app.http
      .post(`/api/v1/staff/moderation/${item.id}/decision`)
      .set(as(dispatcher))
      .send({ decision: 'reject' });
    expect(rejected.status).toBe(200);
    expect(await app.dataSource.getRepository(Attachment).findOneByOrFail({ id: photo.body.id })).toMatchObject({
      checkStatus: 'risky',
    });
    expect((await app.http.get(`/api/v1/uploads/${photo.body.id}/content`).set(asCitizen)).status).toBe(403);
    expect(
      await app.dataSource.getRepository(AuditLog).findOneBy({ action: 'moderation.reject', targetId: item.id }),
    ).not.toBeNull();
  });
});
