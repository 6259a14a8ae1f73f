import { AuditLog, RoutingRule } from '../../db/entities';
import {
  REGIONS,
  type World,
  bearer,
  buildCategory,
  buildCitizen,
  buildDepartment,
  buildStaff,
  buildWorld,
  staffToken,
  submitReport,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('routing rules', () => {
  let app: TestApp;
  let world: World;
  let county: string;

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildWorld(app.dataSource);
    await buildCategory(app.dataSource, { code: 'streetlight', name: '路灯', departmentKind: null });
    county = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }));
  });
  afterAll(() => app.close());

  it('sends reports by a rule the county adds, and to triage again once it is removed', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const before = await submitReport(app, citizen, { categoryCode: 'streetlight', text: '路灯不亮' });
    expect(before.body.status).toBe('submitted');
    const created = await app.http
      .post('/api/v1/staff/routing/rules')
      .set(bearer(county))
      .send({ categoryCode: 'streetlight', regionCode: REGIONS.chengguan, departmentId: world.power.id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ categoryName: '路灯', regionName: '城关镇', departmentName: '城关镇供电所' });
    const routed = await submitReport(app, citizen, { categoryCode: 'streetlight', text: '路灯又不亮了' });
    expect(routed.body).toMatchObject({ status: 'dispatched', department: { id: world.power.id } });
    const listed = await app.http.get('/api/v1/staff/routing/rules?categoryCode=streetlight').set(bearer(county));
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: created.body.id }] });
    const duplicate = await app.http
      .post('/api/v1/staff/routing/rules')
      .set(bearer(county))
      .send({ categoryCode: 'streetlight', regionCode: REGIONS.chengguan, departmentId: world.power.id });
    expect(duplicate.status).toBe(409);
    expect((await app.http.delete(`/api/v1/staff/routing/rules/${created.body.id}`).set(bearer(county))).status).toBe(
      204,
    );
    expect(await app.dataSource.getRepository(RoutingRule).countBy({ categoryCode: 'streetlight' })).toBe(0);
    expect((await submitReport(app, citizen, { categoryCode: 'streetlight', text: '还是不亮' })).body.status).toBe(
      'submitted',
    );
    expect(await app.dataSource.getRepository(AuditLog).countBy({ action: 'routing_rule.create' })).toBe(1);
  });

  it('prefers a village rule over the township default', async () => {
    const villageTeam = await buildDepartment(app.dataSource, {
      name: '五一村电工组',
      level: 'village',
      regionCode: REGIONS.chengguanVillage,
      kind: 'village',
    });
    await app.http
      .post('/api/v1/staff/routing/rules')
      .set(bearer(county))
      .send({ categoryCode: 'power', regionCode: REGIONS.chengguanVillage, departmentId: villageTeam.id });
    const citizen = await buildCitizen(app.dataSource);
    expect((await submitReport(app, citizen, { categoryCode: 'power' })).body.department.id).toBe(villageTeam.id);
    const elsewhere = await buildCitizen(app.dataSource, { villageCode: REGIONS.jianchiVillage });
    expect(
      (await submitReport(app, elsewhere, { categoryCode: 'power', villageCode: REGIONS.jianchiVillage })).body
        .department.id,
    ).toBe(world.jianchiPower.id);
  });

  it('names the field on bad input and refuses a department that does not serve the region', async () => {
    const missing = await app.http
      .post('/api/v1/staff/routing/rules')
      .set(bearer(county))
      .send({ categoryCode: 'power', regionCode: REGIONS.chengguan });
    expect(missing.body.error.field).toBe('departmentId');
    const wrongArea = await app.http
      .post('/api/v1/staff/routing/rules')
      .set(bearer(county))
      .send({ categoryCode: 'power', regionCode: REGIONS.chengguan, departmentId: world.jianchiPower.id });
    expect(wrongArea.status).toBe(400);
    expect(wrongArea.body.error.field).toBe('departmentId');
    const unknownCategory = await app.http
      .post('/api/v1/staff/routing/rules')
      .set(bearer(county))
      .send({ categoryCode: 'nope', regionCode: REGIONS.chengguan, departmentId: world.power.id });
    expect(unknownCategory.body.error.field).toBe('categoryCode');
  });

  it('answers 401 without a token and 403 to other roles and outside the region', async () => {
    expect((await app.http.get('/api/v1/staff/routing/rules')).status).toBe(401);
    const dispatcher = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher' }));
    expect((await app.http.get('/api/v1/staff/routing/rules').set(bearer(dispatcher))).status).toBe(403);
    expect((await app.http.get('/api/v1/staff/routing/examples').set(bearer(dispatcher))).status).toBe(403);
    const townshipAdmin = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'sysadmin', regionCode: REGIONS.jianchi }),
    );
    const outside = await app.http
      .post('/api/v1/staff/routing/rules')
      .set(bearer(townshipAdmin))
      .send({ categoryCode: 'power', regionCode: REGIONS.chengguan, departmentId: world.power.id });
    expect(outside.status).toBe(403);
  });
});
