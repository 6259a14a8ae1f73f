import { AuditLog, Region } from '../../db/entities';
import { REGIONS, bearer, buildCitizen, buildStaff, buildWorld, staffToken, submitReport } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('regions and grids', () => {
  let app: TestApp;
  let county: string;

  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
    county = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }));
  });
  afterAll(() => app.close());

  it('lists one level at a time from the top of the scope', async () => {
    const top = await app.http.get('/api/v1/staff/config/regions').set(bearer(county));
    expect(top.body).toMatchObject({
      total: 1,
      items: [{ code: REGIONS.county, name: '汉阴县', childCount: 2, disabled: false }],
    });
    const townships = await app.http
      .get(`/api/v1/staff/config/regions?parentCode=${REGIONS.county}&pageSize=1&page=2`)
      .set(bearer(county));
    expect(townships.body).toMatchObject({
      total: 2,
      page: 2,
      items: [{ code: REGIONS.jianchi, level: 'township', parentCode: REGIONS.county }],
    });
  });

  it('adds a grid under a village, its parent and level taken from the code', async () => {
    const code = `${REGIONS.chengguanVillage}002`;
    const created = await app.http
      .post('/api/v1/staff/config/regions')
      .set(bearer(county))
      .send({ code, name: ' 五一村第二网格 ', sortOrder: 2 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code,
      name: '五一村第二网格',
      level: 'grid',
      parentCode: REGIONS.chengguanVillage,
      disabled: false,
    });
    expect(await app.dataSource.getRepository(Region).findOneByOrFail({ code })).toMatchObject({
      level: 'grid',
      parentCode: REGIONS.chengguanVillage,
      sortOrder: 2,
    });
    expect(await app.dataSource.getRepository(AuditLog).countBy({ action: 'region.create', targetId: code })).toBe(1);
    expect(
      (await app.http.post('/api/v1/staff/config/regions').set(bearer(county)).send({ code, name: '重复' })).status,
    ).toBe(409);
  });

  it('names the field of bad input', async () => {
    const orphan = await app.http
      .post('/api/v1/staff/config/regions')
      .set(bearer(county))
      .send({ code: '610921199201', name: '无主村' });
    expect(orphan.body.error).toMatchObject({ code: 'bad_request', field: 'code' });
    const badCode = await app.http
      .post('/api/v1/staff/config/regions')
      .set(bearer(county))
      .send({ code: '6109211002', name: '十位' });
    expect(badCode.body.error.field).toBe('code');
    const noName = await app.http
      .post('/api/v1/staff/config/regions')
      .set(bearer(county))
      .send({ code: '610921100299' });
    expect(noName.body.error.field).toBe('name');
    const empty = await app.http
      .patch(`/api/v1/staff/config/regions/${REGIONS.jianchiVillage}`)
      .set(bearer(county))
      .send({});
    expect(empty.status).toBe(400);
  });

  it('disables a village: citizens no longer see it or report from it, the row and its reports stay', async () => {
    const disabled = await app.http
      .patch(`/api/v1/staff/config/regions/${REGIONS.jianchiVillage}`)
      .set(bearer(county))
      .send({ disabled: true });
    expect(disabled.body).toMatchObject({ code: REGIONS.jianchiVillage, disabled: true });
    expect(
      await app.dataSource
        .getRepository(AuditLog)
        .findOneByOrFail({ action: 'region.update', targetId: REGIONS.jianchiVillage }),
    ).toMatchObject({ detail: 'disabled: false → true' });
    const tree = await app.http.get('/api/v1/regions');
    expect(JSON.stringify(tree.body)).not.toContain(REGIONS.jianchiVillage);
    expect(JSON.stringify(tree.body)).toContain(REGIONS.chengguanVillage);
    const citizen = await buildCitizen(app.dataSource, { villageCode: REGIONS.jianchiVillage });
    const refused = await submitReport(app, citizen, { villageCode: REGIONS.jianchiVillage });
    expect(refused.body.error.field).toBe('villageCode');
    await app.http
      .patch(`/api/v1/staff/config/regions/${REGIONS.jianchiVillage}`)
      .set(bearer(county))
      .send({ disabled: false, name: '紫云村' });
    expect((await submitReport(app, citizen, { villageCode: REGIONS.jianchiVillage })).status).toBe(201);
  });

  it('keeps the county inside its own county and other roles out', async () => {
    expect((await app.http.get('/api/v1/staff/config/regions')).status).toBe(401);
    const dispatcher = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.chengguan }),
    );
    expect((await app.http.get('/api/v1/staff/config/regions').set(bearer(dispatcher))).status).toBe(403);
    const neighbour = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'county', regionCode: '610922' }));
    expect(
      (await app.http.get(`/api/v1/staff/config/regions?parentCode=${REGIONS.county}`).set(bearer(neighbour))).status,
    ).toBe(403);
    expect(
      (
        await app.http
          .patch(`/api/v1/staff/config/regions/${REGIONS.chengguan}`)
          .set(bearer(neighbour))
          .send({ name: '改名' })
      ).status,
    ).toBe(403);
    expect(
      (
        await app.http
          .post('/api/v1/staff/config/regions')
          .set(bearer(neighbour))
          .send({ code: '610921100203', name: '越界村' })
      ).status,
    ).toBe(403);
    expect(
      (
        await app.http
          .patch(`/api/v1/staff/config/regions/${REGIONS.county}`)
          .set(bearer(county))
          .send({ disabled: true })
      ).body.error.field,
    ).toBe('disabled');
    expect(await app.dataSource.getRepository(Region).findOneByOrFail({ code: REGIONS.chengguan })).toMatchObject({
      name: '城关镇',
      disabled: false,
    });
    // A sysadmin may add a county: everything is theirs.
    const sysadmin = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'sysadmin', regionCode: REGIONS.county }),
    );
    expect(
      (
        await app.http
          .post('/api/v1/staff/config/regions')
          .set(bearer(sysadmin))
          .send({ code: '610922', name: '石泉县' })
      ).body,
    ).toMatchObject({ level: 'county', parentCode: null });
    expect((await app.http.get('/api/v1/staff/config/regions').set(bearer(sysadmin))).body.total).toBe(2);
  });
});
