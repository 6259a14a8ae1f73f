import sharp from 'sharp';
import { Message, Report } from '../../db/entities';
import {
  REGIONS,
  type World,
  bearer,
  buildCategory,
  buildCitizen,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
  submitReport,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

/** 小事不出村: a grid worker or village cadre settles a 一般 matter on the spot, with a note and a photo. */
describe('settling a general matter on the spot', () => {
  let app: TestApp;
  let world: World;
  let gridWorker: string;
  let cadre: string;
  let otherVillageWorker: string;
  let handler: string;
  let dispatcher: string;

  const act = (token: string, reportId: string, body: Record<string, unknown>) =>
    app.http.post(`/api/v1/staff/reports/${reportId}/actions`).set(bearer(token)).send(body);

  async function photoBy(token: string): Promise<string> {
    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#33aa66' } })
      .jpeg()
      .toBuffer();
    const uploaded = await app.http
      .post('/api/v1/uploads')
      .set(bearer(token))
      .attach('file', photo, { filename: 'done.jpg', contentType: 'image/jpeg' });
    expect(uploaded.status).toBe(201);
    return uploaded.body.id;
  }

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildWorld(app.dataSource);
    await buildCategory(app.dataSource, {
      code: 'road_major',
      name: '道路塌方',
      tier: 'major',
      departmentKind: 'roads',
    });
    gridWorker = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'grid_worker', regionCode: REGIONS.chengguanGrid }),
    );
    cadre = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.chengguanVillage }),
    );
    otherVillageWorker = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'grid_worker', regionCode: `${REGIONS.jianchiVillage}001` }),
    );
    handler = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id }));
    dispatcher = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher' }));
  });
  afterAll(() => app.close());

  it('lists each category with its tier', async () => {
    const categories = await app.http.get('/api/v1/categories');
    expect(categories.status).toBe(200);
    expect(categories.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'power', tier: 'general' }),
        expect.objectContaining({ code: 'road_major', tier: 'major' }),
      ]),
    );
  });

  it('offers it to the grid worker and the village cadre only, for a general matter', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const general = await submitReport(app, citizen, { categoryCode: 'power' });
    const major = await submitReport(app, citizen, { categoryCode: 'road_major' });
    const detail = (token: string, id: string) => app.http.get(`/api/v1/staff/reports/${id}`).set(bearer(token));
    expect((await detail(gridWorker, general.body.id)).body.allowedActions).toEqual(['resolve_on_spot']);
    expect((await detail(cadre, general.body.id)).body.allowedActions).toContain('resolve_on_spot');
    expect((await detail(handler, general.body.id)).body.allowedActions).not.toContain('resolve_on_spot');
    expect((await detail(dispatcher, general.body.id)).body.allowedActions).not.toContain('resolve_on_spot');
    expect((await detail(gridWorker, major.body.id)).body.allowedActions).not.toContain('resolve_on_spot');
    const refused = await act(gridWorker, major.body.id, {
      action: 'resolve_on_spot',
      note: '已处理',
      photoUploadIds: [await photoBy(gridWorker)],
    });
    expect(refused.status).toBe(409);
    const township = await act(dispatcher, general.body.id, {
      action: 'resolve_on_spot',
      note: '已处理',
      photoUploadIds: [await photoBy(dispatcher)],
    });
    expect(township.status).toBe(403);
  });

  it('needs a note and at least one photo', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const report = await submitReport(app, citizen, { categoryCode: 'power' });
    const noPhoto = await act(gridWorker, report.body.id, { action: 'resolve_on_spot', note: '已帮忙扶正电线杆' });
    expect(noPhoto.status).toBe(400);
    expect(noPhoto.body.error.field).toBe('photoUploadIds');
    const emptyPhotos = await act(gridWorker, report.body.id, {
      action: 'resolve_on_spot',
      note: '已帮忙扶正电线杆',
      photoUploadIds: [],
    });
    expect(emptyPhotos.status).toBe(400);
    expect(emptyPhotos.body.error.field).toBe('photoUploadIds');
    const noNote = await act(gridWorker, report.body.id, {
      action: 'resolve_on_spot',
      photoUploadIds: [await photoBy(gridWorker)],
    });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.field).toBe('note');
    expect(await app.dataSource.getRepository(Report).findOneByOrFail({ id: report.body.id })).toMatchObject({
      status: 'dispatched',
    });
  });

  it('keeps another village out', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const report = await submitReport(app, citizen, { categoryCode: 'power' });
    const outside = await act(otherVillageWorker, report.body.id, {
      action: 'resolve_on_spot',
      note: '已处理',
      photoUploadIds: [await photoBy(otherVillageWorker)],
    });
    expect(outside.status).toBe(403);
  });

  it('resolves with the photo on the timeline; the citizen is told and rates it as usual', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const report = await submitReport(app, citizen, { categoryCode: 'power' });
    const photoId = await photoBy(gridWorker);
    const resolved = await act(gridWorker, report.body.id, {
      action: 'resolve_on_spot',
      note: '已帮忙扶正电线杆',
      photoUploadIds: [photoId],
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', allowedActions: [] });
    expect(resolved.body.timeline.at(-1)).toMatchObject({
      type: 'resolve_on_spot',
      note: '已帮忙扶正电线杆',
      attachments: [{ id: photoId, kind: 'photo' }],
    });
    const row = await app.dataSource.getRepository(Report).findOneByOrFail({ id: report.body.id });
    expect(row.signedAt).not.toBeNull();
    expect(row.resolvedAt).not.toBeNull();
    const told = await app.dataSource
      .getRepository(Message)
      .findOneByOrFail({ recipientId: citizen.id, kind: 'report_resolved' });
    expect(told.body).toContain('已由网格员办结');
    const seen = await app.http.get(`/api/v1/reports/${report.body.id}`).set(bearer(citizenToken(app.deps, citizen)));
    expect(seen.body.timeline.at(-1)).toMatchObject({ type: 'resolve_on_spot' });
    const rated = await app.http
      .post(`/api/v1/reports/${report.body.id}/rating`)
      .set(bearer(citizenToken(app.deps, citizen)))
      .send({ score: 5 });
    expect(rated.status).toBe(200);
    expect(rated.body.status).toBe('closed');
  });

  it('tells the grid workers of the village when a department resolves, never of an anonymous report', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const report = await submitReport(app, citizen, { categoryCode: 'power' });
    await act(handler, report.body.id, { action: 'sign' });
    expect((await act(handler, report.body.id, { action: 'resolve', note: '已更换电线杆。' })).status).toBe(200);
    const inbox = await app.http.get('/api/v1/staff/messages').set(bearer(gridWorker));
    const followUp = inbox.body.items.find((message: { reportId: string }) => message.reportId === report.body.id);
    expect(followUp).toMatchObject({ kind: 'field_follow_up', title: '部门已办结，请告知群众' });
    expect(followUp.body).toContain('城关镇供电所办结：已更换电线杆');
    const elsewhere = await app.http.get('/api/v1/staff/messages').set(bearer(otherVillageWorker));
    expect(elsewhere.body.items.map((message: { reportId: string }) => message.reportId)).not.toContain(report.body.id);

    const anonymous = await submitReport(app, citizen, {
      serviceCode: 'illegal',
      anonymous: true,
      categoryCode: 'power',
    });
    await act(handler, anonymous.body.id, { action: 'sign' });
    await act(handler, anonymous.body.id, { action: 'resolve', note: '已查处' });
    expect(
      await app.dataSource.getRepository(Message).countBy({ reportId: anonymous.body.id, recipientType: 'staff' }),
    ).toBe(0);
  });
});
