import { REGIONS, bearer, buildStaff, buildWorld, staffToken } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

/** 我代报的: the queue tab of the reports one filed for households, counted with the other tabs. */
describe('the 我代报的 tab', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
  });
  afterAll(() => app.close());

  it('lists and counts only the reports the caller filed', async () => {
    const filer = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'grid_worker', regionCode: REGIONS.chengguanGrid, name: '王强' }),
    );
    const colleague = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'grid_worker', regionCode: REGIONS.chengguanGrid, name: '张丽' }),
    );
    const filed = await app.http
      .post('/api/v1/staff/reports')
      .set(bearer(filer))
      .send({
        serviceCode: 'direct',
        villageCode: REGIONS.chengguanVillage,
        text: '李大爷家门口的路灯坏了',
        categoryCode: 'power',
        onBehalfOf: { name: '李大爷' },
      });
    expect(filed.status).toBe(201);

    const mine = await app.http.get('/api/v1/staff/reports?tab=filed').set(bearer(filer));
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((item: { id: string }) => item.id)).toEqual([filed.body.id]);
    expect((await app.http.get('/api/v1/staff/reports/counts').set(bearer(filer))).body).toMatchObject({
      filed: 1,
      all: 1,
    });

    const theirs = await app.http.get('/api/v1/staff/reports?tab=filed').set(bearer(colleague));
    expect(theirs.body).toMatchObject({ items: [], total: 0 });
    expect((await app.http.get('/api/v1/staff/reports/counts').set(bearer(colleague))).body).toMatchObject({
      filed: 0,
      all: 1,
    });
  });
});
