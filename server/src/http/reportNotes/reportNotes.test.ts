import { AuditLog, ReportNote } from '../../db/entities';
import {
  REGIONS,
  type World,
  bearer,
  buildCitizen,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
  submitReport,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('internal notes on a report', () => {
  let app: TestApp;
  let world: World;
  let dispatcher: string;
  let handler: string;
  let otherHandler: string;

  const notesOf = (reportId: string) => `/api/v1/staff/reports/${reportId}/notes`;

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildWorld(app.dataSource);
    dispatcher = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher', name: '王调度' }));
    handler = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'handler', name: '李电工', departmentId: world.power.id }),
    );
    otherHandler = staffToken(
      app.deps,
      await buildStaff(app.dataSource, {
        role: 'handler',
        regionCode: REGIONS.jianchi,
        departmentId: world.jianchiPower.id,
      }),
    );
  });
  afterAll(() => app.close());

  it('lets staff who see the report add and read notes, oldest first, with who wrote them', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const report = await submitReport(app, citizen, { categoryCode: 'power' });
    const first = await app.http
      .post(notesOf(report.body.id))
      .set(bearer(dispatcher))
      .send({ body: '  已电话联系村支书，明早到现场  ' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      body: '已电话联系村支书，明早到现场',
      author: { name: '王调度', departmentName: null },
    });
    const second = await app.http
      .post(notesOf(report.body.id))
      .set(bearer(handler))
      .send({ body: '需要停电检修，已报备' });
    expect(second.body.author).toMatchObject({ name: '李电工', departmentName: '城关镇供电所' });

    const listed = await app.http.get(notesOf(report.body.id)).set(bearer(handler));
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((note: { body: string }) => note.body)).toEqual([
      '已电话联系村支书，明早到现场',
      '需要停电检修，已报备',
    ]);
    expect(await app.dataSource.getRepository(ReportNote).countBy({ reportId: report.body.id })).toBe(2);
    expect(
      await app.dataSource.getRepository(AuditLog).countBy({ action: 'report.note', targetId: report.body.id }),
    ).toBe(2);
  });

  it("never shows notes to the citizen: not in the report's view nor in the data export", async () => {
    const citizen = await buildCitizen(app.dataSource);
    const report = await submitReport(app, citizen, { categoryCode: 'power' });
    const secret = '内部：此人多次重复反映，注意核实';
    expect((await app.http.post(notesOf(report.body.id)).set(bearer(dispatcher)).send({ body: secret })).status).toBe(
      201,
    );

    const asCitizen = bearer(citizenToken(app.deps, citizen));
    const view = await app.http.get(`/api/v1/reports/${report.body.id}`).set(asCitizen);
    expect(view.status).toBe(200);
    expect(JSON.stringify(view.body)).not.toContain(secret);
    const exported = await app.http.get('/api/v1/me/export').set(asCitizen);
    expect(exported.status).toBe(200);
    expect(exported.body.反映的问题.map((item: { 编号: string }) => item.编号)).toContain(report.body.serialNo);
    expect(JSON.stringify(exported.body)).not.toContain(secret);
    // The citizen cannot reach the staff route either.
    expect((await app.http.get(notesOf(report.body.id)).set(asCitizen)).status).toBe(401);
  });

  it('answers 400 naming the field for an empty or too long note', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const report = await submitReport(app, citizen);
    for (const body of [{}, { body: '   ' }, { body: '长'.repeat(1001) }]) {
      const response = await app.http.post(notesOf(report.body.id)).set(bearer(dispatcher)).send(body);
      expect(response.status).toBe(400);
      expect(response.body.error.field).toBe('body');
    }
    expect(await app.dataSource.getRepository(ReportNote).countBy({ reportId: report.body.id })).toBe(0);
  });

  it('answers 401 without a token, 403 outside the scope or to a sysadmin, 404 for an unknown report', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const report = await submitReport(app, citizen, { categoryCode: 'power' });
    expect((await app.http.get(notesOf(report.body.id))).status).toBe(401);
    expect((await app.http.post(notesOf(report.body.id)).send({ body: '备注' })).status).toBe(401);
    expect((await app.http.get(notesOf(report.body.id)).set(bearer(otherHandler))).status).toBe(403);
    const refused = await app.http.post(notesOf(report.body.id)).set(bearer(otherHandler)).send({ body: '越权备注' });
    expect(refused.status).toBe(403);
    const sysadmin = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'sysadmin', regionCode: REGIONS.county }),
    );
    expect((await app.http.get(notesOf(report.body.id)).set(bearer(sysadmin))).status).toBe(403);
    expect(await app.dataSource.getRepository(ReportNote).countBy({ reportId: report.body.id })).toBe(0);
    expect((await app.http.get(notesOf('01J00000000000000000000000')).set(bearer(dispatcher))).status).toBe(404);
  });
});
