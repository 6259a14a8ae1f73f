import { Report } from '../../db/entities';
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

const NOW = new Date('2026-05-12T02:00:00Z');

/** 回访评价: after a return visit the filer of a 代报 records the household's rating, counted apart from citizens' own. */
describe('rating on behalf of a household after a return visit', () => {
  let app: TestApp;
  let world: World;
  let filer: string;
  let neighbour: string;
  let handler: string;
  const phone = '13600003333';
  let household: Awaited<ReturnType<typeof buildCitizen>>;

  const act = (token: string, reportId: string, body: Record<string, unknown>) =>
    app.http.post(`/api/v1/staff/reports/${reportId}/actions`).set(bearer(token)).send(body);
  const fileFor = async (name: string, withPhone = false) => {
    const filed = await app.http
      .post('/api/v1/staff/reports')
      .set(bearer(filer))
      .send({
        serviceCode: 'direct',
        villageCode: REGIONS.chengguanVillage,
        text: `${name}家电线老化`,
        categoryCode: 'power',
        onBehalfOf: { name, ...(withPhone ? { phone } : {}) },
      });
    expect(filed.status).toBe(201);
    return filed.body.id as string;
  };
  const resolve = async (reportId: string) => {
    expect((await act(handler, reportId, { action: 'sign' })).status).toBe(200);
    expect((await act(handler, reportId, { action: 'resolve', note: '已更换电线' })).status).toBe(200);
  };

  beforeAll(async () => {
    app = await createTestApp({ clock: () => NOW });
    world = await buildWorld(app.dataSource);
    filer = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'grid_worker', regionCode: REGIONS.chengguanGrid, name: '王强' }),
    );
    neighbour = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'grid_worker', regionCode: REGIONS.chengguanGrid }),
    );
    handler = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id }));
    household = await buildCitizen(app.dataSource, {
      phoneHash: app.deps.cipher.lookupHash(phone),
      phoneEncrypted: app.deps.cipher.encrypt(phone),
    });
  });
  afterAll(() => app.close());

  it('is the filer’s to record, once resolved, with a score and a note; marked as such for staff and the citizen', async () => {
    const reportId = await fileFor('李大爷', true);
    expect((await act(filer, reportId, { action: 'rate_on_behalf', score: 5, note: '李大爷说修好了' })).status).toBe(
      409,
    );
    await resolve(reportId);
    const noScore = await act(filer, reportId, { action: 'rate_on_behalf', note: '李大爷说修好了' });
    expect(noScore.status).toBe(400);
    expect(noScore.body.error.field).toBe('score');
    expect((await act(neighbour, reportId, { action: 'rate_on_behalf', score: 5, note: '代评' })).status).toBe(403);
    const detail = await app.http.get(`/api/v1/staff/reports/${reportId}`).set(bearer(filer));
    expect(detail.body.allowedActions).toEqual(['rate_on_behalf']);
    const rated = await act(filer, reportId, { action: 'rate_on_behalf', score: 5, note: '李大爷说修好了' });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({
      status: 'closed',
      rating: 5,
      ratingOnBehalf: true,
      ratingComment: '李大爷说修好了',
      allowedActions: [],
    });
    expect(rated.body.timeline.at(-1)).toMatchObject({
      type: 'rate_on_behalf',
      actor: expect.stringContaining('王强'),
      public: true,
    });
    const seen = await app.http.get(`/api/v1/reports/${reportId}`).set(bearer(citizenToken(app.deps, household)));
    expect(seen.body).toMatchObject({ rating: 5, ratingOnBehalf: true, allowedActions: ['dispute'] });
    expect(seen.body.timeline.at(-1)).toMatchObject({ type: 'rate_on_behalf' });
    expect(await app.dataSource.getRepository(Report).findOneByOrFail({ id: reportId })).toMatchObject({
      rating: 5,
      ratingOnBehalf: true,
    });
    expect(
      (
        await app.http
          .post(`/api/v1/reports/${reportId}/rating`)
          .set(bearer(citizenToken(app.deps, household)))
          .send({ score: 1 })
      ).status,
    ).toBe(409);
  });

  it('is counted apart in the rankings: 满意率 from citizens’ own ratings, 回访满意率 from the visits', async () => {
    const unhappy = await fileFor('赵奶奶');
    await resolve(unhappy);
    expect((await act(filer, unhappy, { action: 'rate_on_behalf', score: 3, note: '还有点问题' })).status).toBe(200);
    const citizen = await buildCitizen(app.dataSource);
    const own = await submitReport(app, citizen, { categoryCode: 'power' });
    await resolve(own.body.id);
    const citizenRating = await app.http
      .post(`/api/v1/reports/${own.body.id}/rating`)
      .set(bearer(citizenToken(app.deps, citizen)))
      .send({ score: 2 });
    expect(citizenRating.status).toBe(200);

    const { body } = await app.http.get('/api/v1/public/rankings?month=2026-05');
    const power = [...body.departments, ...body.insufficient.departments].find(
      (entry: { departmentId: string }) => entry.departmentId === world.power.id,
    );
    expect(power).toMatchObject({
      received: 3,
      rated: 1,
      satisfied: 0,
      satisfactionRate: 0,
      visitRated: 2,
      visitSatisfied: 1,
      visitSatisfactionRate: 0.5,
    });
    expect(body.definitions.map((definition: { figure: string; label: string }) => definition.label)).toContain(
      '回访满意率',
    );
  });

  it('is marked in the export', async () => {
    const exported = await app.http
      .get('/api/v1/staff/reports/export')
      .set(bearer(handler))
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(exported.status).toBe(200);
    const ExcelJS = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.body);
    const rows = workbook.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    const header = rows[0].slice(1);
    const marks = rows.slice(1).map((row) => row.slice(1)[header.indexOf('评价方式')]);
    expect(marks.filter((mark) => mark === '回访评价')).toHaveLength(2);
    expect(rows.slice(1).filter((row) => row.slice(1)[header.indexOf('代报')] === '是')).toHaveLength(2);
  });
});
