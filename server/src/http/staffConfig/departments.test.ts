import { AuditLog, Department } from '../../db/entities';
import {
  REGIONS,
  type World,
  bearer,
  buildCitizen,
  buildStaff,
  buildWorld,
  staffToken,
  submitReport,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('departments', () => {
  let app: TestApp;
  let world: World;
  let county: string;

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildWorld(app.dataSource);
    county = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }));
  });
  afterAll(() => app.close());

  it('lists, filtered by region and keyword, with server-side pages', async () => {
    const all = await app.http.get('/api/v1/staff/config/departments').set(bearer(county));
    expect(all.body.total).toBe(3);
    const chengguan = await app.http
      .get(`/api/v1/staff/config/departments?regionCode=${REGIONS.chengguan}`)
      .set(bearer(county));
    expect(chengguan.body).toMatchObject({
      total: 1,
      items: [{ id: world.power.id, regionName: '城关镇', kind: 'power', disabled: false }],
    });
    const keyword = await app.http
      .get(`/api/v1/staff/config/departments?keyword=${encodeURIComponent('农业')}`)
      .set(bearer(county));
    expect(keyword.body.items.map((department: { id: string }) => department.id)).toEqual([world.agriculture.id]);
    expect(
      (await app.http.get('/api/v1/staff/config/departments?pageSize=1000').set(bearer(county))).body.error.field,
    ).toBe('pageSize');
  });

  it('adds a department whose level follows from the region it serves', async () => {
    const created = await app.http
      .post('/api/v1/staff/config/departments')
      .set(bearer(county))
      .send({ name: '五一村委会', regionCode: REGIONS.chengguanVillage, kind: 'village' });
    expect(created.status).toBe(201);
    expect(await app.dataSource.getRepository(Department).findOneByOrFail({ id: created.body.id })).toMatchObject({
      level: 'village',
      kind: 'village',
      disabled: false,
    });
    expect(
      await app.dataSource.getRepository(AuditLog).countBy({ action: 'department.create', targetId: created.body.id }),
    ).toBe(1);
    const grid = await app.http
      .post('/api/v1/staff/config/departments')
      .set(bearer(county))
      .send({ name: '网格站', regionCode: REGIONS.chengguanGrid, kind: 'village' });
    expect(grid.body.error.field).toBe('regionCode');
    const badKind = await app.http
      .post('/api/v1/staff/config/departments')
      .set(bearer(county))
      .send({ name: '某所', regionCode: REGIONS.chengguan, kind: '供电' });
    expect(badKind.body.error.field).toBe('kind');
  });

  it('disables a department: routing and dispatch pass it by, its row stays', async () => {
    const dispatcher = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.chengguan }),
    );
    const citizen = await buildCitizen(app.dataSource);
    expect((await submitReport(app, citizen, { categoryCode: 'power' })).body.status).toBe('dispatched');
    const disabled = await app.http
      .patch(`/api/v1/staff/config/departments/${world.power.id}`)
      .set(bearer(county))
      .send({ disabled: true });
    expect(disabled.body).toMatchObject({ id: world.power.id, disabled: true });
    expect((await submitReport(app, citizen, { categoryCode: 'power' })).body.status).toBe('submitted');
    const offered = await app.http.get('/api/v1/staff/departments').set(bearer(dispatcher));
    expect(offered.body.map((department: { id: string }) => department.id)).not.toContain(world.power.id);
    const triaged = await submitReport(app, citizen, { text: '有事反映' });
    const assign = await app.http
      .post(`/api/v1/staff/reports/${triaged.body.id}/actions`)
      .set(bearer(dispatcher))
      .send({ action: 'assign', departmentId: world.power.id });
    expect(assign.body.error.field).toBe('departmentId');
    await app.http
      .patch(`/api/v1/staff/config/departments/${world.power.id}`)
      .set(bearer(county))
      .send({ disabled: false });
    expect((await submitReport(app, citizen, { categoryCode: 'power' })).body.status).toBe('dispatched');
    expect(
      await app.dataSource.getRepository(AuditLog).countBy({ action: 'department.update', targetId: world.power.id }),
    ).toBe(2);
  });

  it('keeps the county inside its own county and other roles out', async () => {
    expect((await app.http.get('/api/v1/staff/config/departments')).status).toBe(401);
    const handler = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id }),
    );
    expect(
      (
        await app.http
          .patch(`/api/v1/staff/config/departments/${world.power.id}`)
          .set(bearer(handler))
          .send({ name: '改名' })
      ).status,
    ).toBe(403);
    const neighbour = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'county', regionCode: '610922' }));
    expect((await app.http.get('/api/v1/staff/config/departments').set(bearer(neighbour))).body.total).toBe(0);
    expect(
      (
        await app.http
          .patch(`/api/v1/staff/config/departments/${world.power.id}`)
          .set(bearer(neighbour))
          .send({ name: '改名' })
      ).status,
    ).toBe(403);
    expect(
      (
        await app.http
          .post('/api/v1/staff/config/departments')
          .set(bearer(neighbour))
          .send({ name: '越界所', regionCode: REGIONS.chengguan, kind: 'power' })
      ).status,
    ).toBe(403);
    expect(await app.dataSource.getRepository(Department).findOneByOrFail({ id: world.power.id })).toMatchObject({
      name: '城关镇供电所',
    });
  });
});
