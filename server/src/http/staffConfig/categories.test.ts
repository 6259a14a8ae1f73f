import { AuditLog, Category, Report, ServiceEntity } from '../../db/entities';
import { REGIONS, bearer, buildCitizen, buildStaff, buildWorld, staffToken, submitReport } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

const HOUR = 3600_000;

describe('categories and services', () => {
  let app: TestApp;
  let county: string;

  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
    county = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }));
  });
  afterAll(() => app.close());

  it('adds a sub-category with its tier and deadlines, which new reports then get', async () => {
    const input = {
      code: 'power_outage',
      name: '停电',
      parentCode: 'power',
      tier: 'difficult',
      responseHours: 2,
      resolveDays: 3,
      departmentKind: 'power',
    };
    const created = await app.http.post('/api/v1/staff/config/categories').set(bearer(county)).send(input);
    expect(created.status).toBe(201);
    expect(await app.dataSource.getRepository(Category).findOneByOrFail({ code: 'power_outage' })).toMatchObject({
      ...input,
      disabled: false,
      sortOrder: 0,
    });
    expect(
      await app.dataSource.getRepository(AuditLog).countBy({ action: 'category.create', targetId: 'power_outage' }),
    ).toBe(1);
    const submitted = await submitReport(app, await buildCitizen(app.dataSource), { categoryCode: 'power_outage' });
    const report = await app.dataSource.getRepository(Report).findOneByOrFail({ id: submitted.body.id });
    expect(report.tier).toBe('difficult');
    expect(report.responseDueAt!.getTime() - report.createdAt.getTime()).toBe(2 * HOUR);
    expect((await app.http.post('/api/v1/staff/config/categories').set(bearer(county)).send(input)).status).toBe(409);
  });

  it('changes deadlines for reports from now on', async () => {
    const changed = await app.http
      .patch('/api/v1/staff/config/categories/power')
      .set(bearer(county))
      .send({ responseHours: 4, tier: 'major' });
    expect(changed.body).toMatchObject({ code: 'power', responseHours: 4, tier: 'major' });
    expect(
      await app.dataSource.getRepository(AuditLog).findOneByOrFail({ action: 'category.update', targetId: 'power' }),
    ).toMatchObject({ detail: 'tier: general → major; responseHours: 24 → 4' });
    const submitted = await submitReport(app, await buildCitizen(app.dataSource), { categoryCode: 'power' });
    const report = await app.dataSource.getRepository(Report).findOneByOrFail({ id: submitted.body.id });
    expect(report.responseDueAt!.getTime() - report.createdAt.getTime()).toBe(4 * HOUR);
  });

  it('names the field of bad input and keeps the tree two levels deep', async () => {
    const post = (body: object) =>
      app.http
        .post('/api/v1/staff/config/categories')
        .set(bearer(county))
        .send({ code: 'x_new', name: '新', tier: 'general', responseHours: 24, resolveDays: 7, ...body });
    expect((await post({ responseHours: 0 })).body.error.field).toBe('responseHours');
    expect((await post({ resolveDays: 366 })).body.error.field).toBe('resolveDays');
    expect((await post({ tier: 'urgent' })).body.error.field).toBe('tier');
    expect((await post({ code: 'X-1' })).body.error.field).toBe('code');
    // A kind no department has (a typo) would route nowhere: only the known kinds are accepted.
    const typo = await post({ departmentKind: 'watr' });
    expect(typo.status).toBe(400);
    expect(typo.body.error).toMatchObject({ field: 'departmentKind', message: '请从列表中选择业务类型' });
    expect(
      (
        await app.http
          .patch('/api/v1/staff/config/categories/power')
          .set(bearer(county))
          .send({ departmentKind: 'Power' })
      ).body.error.field,
    ).toBe('departmentKind');
    expect((await post({ parentCode: 'power_outage' })).body.error).toMatchObject({
      field: 'parentCode',
      message: '上级分类只能是一级分类',
    });
    expect((await post({ parentCode: 'nothing' })).body.error.field).toBe('parentCode');
    const parentOfParent = await app.http
      .patch('/api/v1/staff/config/categories/power')
      .set(bearer(county))
      .send({ parentCode: 'x_none' });
    expect(parentOfParent.body.error.field).toBe('parentCode');
    expect(await app.dataSource.getRepository(Category).countBy({ code: 'x_new' })).toBe(0);
  });

  it('disables a category: citizens no longer see or choose it, old reports keep it', async () => {
    await app.http.patch('/api/v1/staff/config/categories/power_outage').set(bearer(county)).send({ disabled: true });
    const listed = await app.http.get('/api/v1/categories');
    expect(listed.body.map((category: { code: string }) => category.code)).not.toContain('power_outage');
    const configured = await app.http.get('/api/v1/staff/config/categories?keyword=停电').set(bearer(county));
    expect(configured.body).toMatchObject({ total: 1, items: [{ code: 'power_outage', disabled: true }] });
    const refused = await submitReport(app, await buildCitizen(app.dataSource), { categoryCode: 'power_outage' });
    expect(refused.body.error.field).toBe('categoryCode');
    expect(await app.dataSource.getRepository(Report).countBy({ categoryCode: 'power_outage' })).toBe(1);
  });

  it('edits a service and closes it to new reports', async () => {
    const services = await app.http.get('/api/v1/staff/config/services').set(bearer(county));
    expect(services.body.map((service: { code: string }) => service.code)).toEqual([
      'epidemic',
      'risk',
      'direct',
      'illegal',
      'deputy',
    ]);
    const closed = await app.http
      .patch('/api/v1/staff/config/services/epidemic')
      .set(bearer(county))
      .send({ enabled: false, description: '疫情结束，暂停报备' });
    expect(closed.body).toMatchObject({ code: 'epidemic', enabled: false, description: '疫情结束，暂停报备' });
    expect(await app.dataSource.getRepository(ServiceEntity).findOneByOrFail({ code: 'epidemic' })).toMatchObject({
      enabled: false,
    });
    expect(
      (await app.http.get('/api/v1/services')).body.map((service: { code: string }) => service.code),
    ).not.toContain('epidemic');
    expect(
      (await submitReport(app, await buildCitizen(app.dataSource), { serviceCode: 'epidemic' })).body.error.field,
    ).toBe('serviceCode');
    expect(
      (await app.http.patch('/api/v1/staff/config/services/epidemic').set(bearer(county)).send({ name: '' })).body.error
        .field,
    ).toBe('name');
    expect(
      (await app.http.patch('/api/v1/staff/config/services/nothing').set(bearer(county)).send({ name: '无' })).status,
    ).toBe(404);
    expect(
      await app.dataSource.getRepository(AuditLog).countBy({ action: 'service.update', targetId: 'epidemic' }),
    ).toBe(1);
  });

  it('leaves county-wide settings to the county and sysadmins', async () => {
    expect((await app.http.get('/api/v1/staff/config/categories')).status).toBe(401);
    const dispatcher = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.chengguan }),
    );
    expect(
      (await app.http.patch('/api/v1/staff/config/services/direct').set(bearer(dispatcher)).send({ name: '改名' }))
        .status,
    ).toBe(403);
    const township = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.chengguan }),
    );
    expect(
      (await app.http.patch('/api/v1/staff/config/categories/power').set(bearer(township)).send({ resolveDays: 1 }))
        .status,
    ).toBe(403);
    expect(await app.dataSource.getRepository(Category).findOneByOrFail({ code: 'power' })).toMatchObject({
      resolveDays: 7,
    });
    const sysadmin = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'sysadmin', regionCode: REGIONS.county }),
    );
    expect(
      (await app.http.patch('/api/v1/staff/config/categories/power').set(bearer(sysadmin)).send({ resolveDays: 5 }))
        .body.resolveDays,
    ).toBe(5);
  });
});
