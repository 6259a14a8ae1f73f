import { AuditLog, Staff } from '../../db/entities';
import { REGIONS, bearer, buildCitizen, buildStaff, buildWorld, citizenToken, staffToken } from '../../test/factories';
import { FakeWechat } from '../../test/fakeWechat';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('staff on WeChat', () => {
  let app: TestApp;
  let wechat: FakeWechat;

  beforeAll(async () => {
    wechat = await new FakeWechat().start();
    app = await createTestApp({ wechat: wechat.authClient() });
    await buildWorld(app.dataSource);
  });
  afterAll(async () => {
    await app.close();
    await wechat.stop();
  });

  const auditOf = (staffId: string) =>
    app.dataSource.getRepository(AuditLog).find({ where: { staffId }, order: { createdAt: 'ASC' } });

  it('binds the WeChat once, then signs in by the code alone, audited', async () => {
    const staff = await buildStaff(app.dataSource, { role: 'grid_worker', regionCode: REGIONS.chengguanGrid });
    const before = await app.http.post('/api/v1/staff/auth/wechat-login').send({ code: 'wangge-phone' });
    expect(before.status).toBe(404);
    expect(before.body.error.code).toBe('not_bound');

    const bind = await app.http
      .post('/api/v1/staff/auth/wechat-bind')
      .set(bearer(staffToken(app.deps, staff)))
      .send({ code: 'wangge-phone' });
    expect(bind.status).toBe(200);
    expect(bind.body).toMatchObject({ id: staff.id, wechatBound: true });
    expect((await app.dataSource.getRepository(Staff).findOneByOrFail({ id: staff.id })).wechatOpenid).toBe(
      'o-wangge-phone',
    );

    const login = await app.http.post('/api/v1/staff/auth/wechat-login').send({ code: 'wangge-phone' });
    expect(login.status).toBe(200);
    expect(login.body.staff).toMatchObject({ id: staff.id, role: 'grid_worker', wechatBound: true });
    const me = await app.http.get('/api/v1/staff/me').set(bearer(login.body.token));
    expect(me.body.id).toBe(staff.id);
    expect((await auditOf(staff.id)).map((row) => row.action)).toEqual(['wechat.bind', 'wechat.login']);
  });

  it('refuses a WeChat bound to another account with 409, and binding the same one again changes nothing', async () => {
    const holder = await buildStaff(app.dataSource, {
      role: 'cadre',
      regionCode: REGIONS.chengguanVillage,
      wechatOpenid: 'o-shared-phone',
    });
    const other = await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.chengguanVillage });
    const taken = await app.http
      .post('/api/v1/staff/auth/wechat-bind')
      .set(bearer(staffToken(app.deps, other)))
      .send({ code: 'shared-phone' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'conflict', field: 'code' });
    expect((await app.dataSource.getRepository(Staff).findOneByOrFail({ id: other.id })).wechatOpenid).toBeNull();
    const again = await app.http
      .post('/api/v1/staff/auth/wechat-bind')
      .set(bearer(staffToken(app.deps, holder)))
      .send({ code: 'shared-phone' });
    expect(again.status).toBe(200);
    expect(await auditOf(holder.id)).toHaveLength(0);
  });

  it('lets one of several accounts binding one WeChat at the same moment win; the others get 409', async () => {
    const accounts = await Promise.all(
      [1, 2, 3].map(() => buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.chengguanVillage })),
    );
    const answers = await Promise.all(
      accounts.map((staff) =>
        app.http
          .post('/api/v1/staff/auth/wechat-bind')
          .set(bearer(staffToken(app.deps, staff)))
          .send({ code: 'race-phone' }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
    expect(
      answers.filter((answer) => answer.status === 409).every((answer) => answer.body.error.field === 'code'),
    ).toBe(true);
    expect(await app.dataSource.getRepository(Staff).countBy({ wechatOpenid: 'o-race-phone' })).toBe(1);
  });

  it('lets the staff member unbind: the WeChat signs nobody in afterwards', async () => {
    const staff = await buildStaff(app.dataSource, {
      role: 'grid_worker',
      regionCode: REGIONS.chengguanGrid,
      wechatOpenid: 'o-own-unbind',
    });
    const unbind = await app.http.delete('/api/v1/staff/auth/wechat-bind').set(bearer(staffToken(app.deps, staff)));
    expect(unbind.status).toBe(200);
    expect(unbind.body.wechatBound).toBeUndefined();
    expect((await app.http.post('/api/v1/staff/auth/wechat-login').send({ code: 'own-unbind' })).body.error.code).toBe(
      'not_bound',
    );
    expect((await auditOf(staff.id)).map((row) => row.action)).toEqual(['wechat.unbind']);
  });

  it('lets an administrator unbind an account in reach (a lost phone), audited under the administrator', async () => {
    const county = await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county });
    const lost = await buildStaff(app.dataSource, {
      role: 'grid_worker',
      regionCode: REGIONS.chengguanGrid,
      wechatOpenid: 'o-lost-phone',
    });
    const list = await app.http
      .get(`/api/v1/staff/accounts?keyword=${lost.username}`)
      .set(bearer(staffToken(app.deps, county)));
    expect(list.body.items[0]).toMatchObject({
      id: lost.id,
      wechatBound: true,
      allowedActions: expect.arrayContaining(['unbind_wechat']),
    });

    const response = await app.http
      .post(`/api/v1/staff/accounts/${lost.id}/unbind-wechat`)
      .set(bearer(staffToken(app.deps, county)));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ wechatBound: false });
    expect(response.body.allowedActions).not.toContain('unbind_wechat');
    expect((await app.http.post('/api/v1/staff/auth/wechat-login').send({ code: 'lost-phone' })).status).toBe(404);
    const audit = await app.dataSource
      .getRepository(AuditLog)
      .findBy({ targetId: lost.id, action: 'staff_account.unbind_wechat' });
    expect(audit).toEqual([expect.objectContaining({ staffId: county.id, detail: lost.username })]);
  });

  it('answers 401 and 403 to callers who may not bind or unbind', async () => {
    const citizen = await buildCitizen(app.dataSource);
    expect((await app.http.post('/api/v1/staff/auth/wechat-bind').send({ code: 'x' })).status).toBe(401);
    expect(
      (
        await app.http
          .post('/api/v1/staff/auth/wechat-bind')
          .set(bearer(citizenToken(app.deps, citizen)))
          .send({ code: 'x' })
      ).status,
    ).toBe(401);
    expect((await app.http.delete('/api/v1/staff/auth/wechat-bind')).status).toBe(401);
    const mustChange = await buildStaff(app.dataSource, {
      role: 'grid_worker',
      regionCode: REGIONS.chengguanGrid,
      mustChangePassword: true,
    });
    expect(
      (
        await app.http
          .post('/api/v1/staff/auth/wechat-bind')
          .set(bearer(staffToken(app.deps, mustChange)))
          .send({ code: 'x' })
      ).status,
    ).toBe(403);
    const gridWorker = await buildStaff(app.dataSource, { role: 'grid_worker', regionCode: REGIONS.chengguanGrid });
    const target = await buildStaff(app.dataSource, {
      role: 'grid_worker',
      regionCode: REGIONS.chengguanGrid,
      wechatOpenid: 'o-not-yours',
    });
    expect((await app.http.post(`/api/v1/staff/accounts/${target.id}/unbind-wechat`)).status).toBe(401);
    expect(
      (
        await app.http
          .post(`/api/v1/staff/accounts/${target.id}/unbind-wechat`)
          .set(bearer(staffToken(app.deps, gridWorker)))
      ).status,
    ).toBe(403);
    expect((await app.dataSource.getRepository(Staff).findOneByOrFail({ id: target.id })).wechatOpenid).toBe(
      'o-not-yours',
    );
  });

  it('names the code on bad input, refuses a disabled account and passes on a spent code', async () => {
    const missing = await app.http.post('/api/v1/staff/auth/wechat-login').send({});
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'bad_request', field: 'code' });
    const spent = await app.http.post('/api/v1/staff/auth/wechat-login').send({ code: 'used' });
    expect(spent.status).toBe(400);
    expect(spent.body.error.field).toBe('code');
    await buildStaff(app.dataSource, {
      role: 'cadre',
      regionCode: REGIONS.chengguanVillage,
      wechatOpenid: 'o-disabled-phone',
      disabled: true,
    });
    const disabled = await app.http.post('/api/v1/staff/auth/wechat-login').send({ code: 'disabled-phone' });
    expect(disabled.status).toBe(401);
  });
});
