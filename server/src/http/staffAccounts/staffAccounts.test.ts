import { passwordWeakness } from '@minqing/shared';
import { AuditLog, Staff } from '../../db/entities';
import { DEMO_PASSWORD, REGIONS, type World, bearer, buildStaff, buildWorld, staffToken } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

/** it.each rows are built before beforeAll runs; this stands for the world's power station. */
const WORLD_POWER = 'world.power.id';

describe('staff accounts', () => {
  let app: TestApp;
  let world: World;
  let sysadmin: Staff;
  let county: Staff;
  let countyToken: string;
  let adminToken: string;

  const accounts = () => app.dataSource.getRepository(Staff);
  const auditOf = (targetId: string) =>
    app.dataSource.getRepository(AuditLog).find({ where: { targetId }, order: { createdAt: 'ASC' } });
  const login = (username: string, password: string) =>
    app.http.post('/api/v1/staff/auth/login').send({ username, password });

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildWorld(app.dataSource);
    sysadmin = await buildStaff(app.dataSource, {
      role: 'sysadmin',
      regionCode: REGIONS.county,
      username: 'root_admin',
    });
    county = await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county, username: 'county_chief' });
    countyToken = staffToken(app.deps, county);
    adminToken = staffToken(app.deps, sysadmin);
  });
  afterAll(() => app.close());

  describe('who may manage accounts', () => {
    it('answers 401 without a token and 403 to roles that do not manage accounts', async () => {
      expect((await app.http.get('/api/v1/staff/accounts')).status).toBe(401);
      const dispatcher = await buildStaff(app.dataSource, { role: 'dispatcher' });
      const token = staffToken(app.deps, dispatcher);
      expect((await app.http.get('/api/v1/staff/accounts').set(bearer(token))).status).toBe(403);
      const create = await app.http
        .post('/api/v1/staff/accounts')
        .set(bearer(token))
        .send({ username: 'sneaky', name: '某', role: 'dispatcher', regionCode: REGIONS.chengguan });
      expect(create.status).toBe(403);
      expect((await app.http.post(`/api/v1/staff/accounts/${county.id}/disable`).set(bearer(token))).status).toBe(403);
      expect(await accounts().countBy({ username: 'sneaky' })).toBe(0);
    });

    it('keeps a county manager to its own region', async () => {
      const narrow = await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.chengguan });
      const token = staffToken(app.deps, narrow);
      const jianchi = await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.jianchi });
      const listed = await app.http.get(`/api/v1/staff/accounts?regionCode=${REGIONS.jianchi}`).set(bearer(token));
      expect(listed.status).toBe(403);
      const outside = await app.http
        .post('/api/v1/staff/accounts')
        .set(bearer(token))
        .send({ username: 'jc_disp', name: '某', role: 'dispatcher', regionCode: REGIONS.jianchi });
      expect(outside.status).toBe(403);
      expect((await app.http.post(`/api/v1/staff/accounts/${jianchi.id}/disable`).set(bearer(token))).status).toBe(403);
      expect((await accounts().findOneByOrFail({ id: jianchi.id })).disabled).toBe(false);
    });
  });

  describe('listing', () => {
    it('pages and filters by role, region, keyword and status, never showing a password hash', async () => {
      await buildStaff(app.dataSource, {
        role: 'handler',
        regionCode: REGIONS.chengguan,
        departmentId: world.power.id,
        username: 'list_handler',
        name: '王电工',
      });
      await buildStaff(app.dataSource, {
        role: 'handler',
        regionCode: REGIONS.jianchi,
        departmentId: world.jianchiPower.id,
        username: 'list_handler_jc',
        name: '李电工',
        disabled: true,
      });
      const handlers = await app.http.get('/api/v1/staff/accounts?role=handler&keyword=电工').set(bearer(countyToken));
      expect(handlers.status).toBe(200);
      expect(handlers.body.items.map((item: { username: string }) => item.username)).toEqual([
        'list_handler',
        'list_handler_jc',
      ]);
      expect(handlers.body.items[0]).toMatchObject({
        regionName: '城关镇',
        departmentName: '城关镇供电所',
        disabled: false,
        allowedActions: ['edit', 'disable', 'reset_password'],
      });
      expect(JSON.stringify(handlers.body)).not.toMatch(/passwordHash|argon2|tokenVersion/);
      const inJianchi = await app.http
        .get(`/api/v1/staff/accounts?role=handler&keyword=电工&regionCode=${REGIONS.jianchi}`)
        .set(bearer(countyToken));
      expect(inJianchi.body).toMatchObject({
        total: 1,
        items: [{ username: 'list_handler_jc', disabled: true, allowedActions: ['edit', 'enable', 'reset_password'] }],
      });
      const active = await app.http.get('/api/v1/staff/accounts?keyword=电工&status=active').set(bearer(countyToken));
      expect(active.body.items.map((item: { username: string }) => item.username)).toEqual(['list_handler']);
      const paged = await app.http
        .get('/api/v1/staff/accounts?keyword=list_&pageSize=1&page=2')
        .set(bearer(countyToken));
      expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ username: 'list_handler_jc' }] });
    });

    it('shows the county manager sysadmin and county accounts without any action on them', async () => {
      const listed = await app.http.get('/api/v1/staff/accounts?keyword=root_admin').set(bearer(countyToken));
      expect(listed.body.items).toEqual([expect.objectContaining({ username: 'root_admin', allowedActions: [] })]);
      const self = await app.http.get('/api/v1/staff/accounts?keyword=county_chief').set(bearer(countyToken));
      expect(self.body.items[0].allowedActions).toEqual([]);
    });

    it('names the field of a bad filter', async () => {
      const response = await app.http.get('/api/v1/staff/accounts?role=mayor').set(bearer(countyToken));
      expect(response.status).toBe(400);
      expect(response.body.error.field).toBe('role');
    });
  });

  describe('creating', () => {
    it('creates a handler with a generated password shown once, which must be changed at the first sign-in', async () => {
      const response = await app.http.post('/api/v1/staff/accounts').set(bearer(countyToken)).send({
        username: 'new_handler',
        name: ' 赵六 ',
        role: 'handler',
        regionCode: REGIONS.chengguan,
        departmentId: world.power.id,
      });
      expect(response.status).toBe(201);
      expect(response.body.account).toMatchObject({
        username: 'new_handler',
        name: '赵六',
        role: 'handler',
        mustChangePassword: true,
        departmentName: '城关镇供电所',
      });
      const generated: string = response.body.generatedPassword;
      expect(passwordWeakness(generated)).toBeNull();
      const row = await accounts().findOneByOrFail({ username: 'new_handler' });
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
      expect(row.passwordHash).not.toContain(generated);
      expect(await auditOf(row.id)).toEqual([
        expect.objectContaining({ action: 'staff_account.create', staffId: county.id }),
      ]);
      expect(JSON.stringify(await auditOf(row.id))).not.toContain(generated);

      const signedIn = await login('new_handler', generated);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.staff.mustChangePassword).toBe(true);
      const blocked = await app.http.get('/api/v1/staff/reports').set(bearer(signedIn.body.token));
      expect(blocked.status).toBe(403);
      expect((await app.http.get('/api/v1/staff/me').set(bearer(signedIn.body.token))).status).toBe(200);
    });

    it('takes a chosen initial password that meets the rule', async () => {
      const response = await app.http.post('/api/v1/staff/accounts').set(bearer(countyToken)).send({
        username: 'chosen_pw',
        name: '钱七',
        role: 'dispatcher',
        regionCode: REGIONS.jianchi,
        password: 'Start#2026',
      });
      expect(response.status).toBe(201);
      expect(response.body.generatedPassword).toBeNull();
      expect((await login('chosen_pw', 'Start#2026')).status).toBe(200);
    });

    it.each([
      [{ username: 'Bad Name' }, 'username'],
      [{ password: 'short1A' }, 'password'],
      [{ password: 'alllowercase1' }, 'password'],
      [{ password: 'Goodcase_form1', username: 'goodcase_form' }, 'password'],
      [{ role: 'handler' }, 'departmentId'],
      [{ regionCode: REGIONS.chengguanVillage }, 'regionCode'],
      [{ departmentId: WORLD_POWER }, 'departmentId'],
      [{ regionCode: '610921999' }, 'regionCode'],
      [{ name: '' }, 'name'],
    ])('refuses %o with 400 naming %s', async (override, field) => {
      const body = {
        username: 'bad_input',
        name: '孙八',
        role: 'dispatcher',
        regionCode: REGIONS.chengguan,
        ...resolve(override),
      };
      const response = await app.http.post('/api/v1/staff/accounts').set(bearer(countyToken)).send(body);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'bad_request', field });
      expect(await accounts().countBy({ username: body.username })).toBe(0);
    });

    it('refuses a handler whose department does not serve its region', async () => {
      const response = await app.http.post('/api/v1/staff/accounts').set(bearer(countyToken)).send({
        username: 'wrong_dept',
        name: '孙八',
        role: 'handler',
        regionCode: REGIONS.chengguan,
        departmentId: world.jianchiPower.id,
      });
      expect(response.status).toBe(400);
      expect(response.body.error.field).toBe('departmentId');
    });

    it('answers 409 on a taken username', async () => {
      const response = await app.http
        .post('/api/v1/staff/accounts')
        .set(bearer(countyToken))
        .send({ username: 'root_admin', name: '重名', role: 'dispatcher', regionCode: REGIONS.chengguan });
      expect(response.status).toBe(409);
      expect(response.body.error.field).toBe('username');
    });

    it('lets only the sysadmin create county and sysadmin accounts', async () => {
      for (const role of ['county', 'sysadmin']) {
        const refused = await app.http
          .post('/api/v1/staff/accounts')
          .set(bearer(countyToken))
          .send({ username: `by_county_${role}`, name: '某', role, regionCode: REGIONS.county });
        expect(refused.status).toBe(403);
      }
      const allowed = await app.http
        .post('/api/v1/staff/accounts')
        .set(bearer(adminToken))
        .send({ username: 'second_county', name: '某', role: 'county', regionCode: REGIONS.county });
      expect(allowed.status).toBe(201);
      expect(await accounts().countBy({ username: 'by_county_county' })).toBe(0);
    });
  });

  describe('editing', () => {
    it('turns a dispatcher into a handler with a department, and audits what changed', async () => {
      const staff = await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.chengguan });
      const missing = await app.http
        .patch(`/api/v1/staff/accounts/${staff.id}`)
        .set(bearer(countyToken))
        .send({ role: 'handler' });
      expect(missing.status).toBe(400);
      expect(missing.body.error.field).toBe('departmentId');
      const response = await app.http
        .patch(`/api/v1/staff/accounts/${staff.id}`)
        .set(bearer(countyToken))
        .send({ role: 'handler', departmentId: world.power.id, name: '改名了' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ role: 'handler', departmentId: world.power.id, name: '改名了' });
      expect(await accounts().findOneByOrFail({ id: staff.id })).toMatchObject({
        role: 'handler',
        departmentId: world.power.id,
        name: '改名了',
      });
      const [line] = await auditOf(staff.id);
      expect(line).toMatchObject({ action: 'staff_account.update', staffId: county.id });
      expect(line.detail).toContain('role: dispatcher → handler');
    });

    it('does not let the county edit a sysadmin, a county account or itself', async () => {
      for (const target of [sysadmin, county]) {
        const response = await app.http
          .patch(`/api/v1/staff/accounts/${target.id}`)
          .set(bearer(countyToken))
          .send({ name: '夺权' });
        expect(response.status).toBe(403);
      }
      const raise = await app.http
        .patch(`/api/v1/staff/accounts/${county.id}`)
        .set(bearer(countyToken))
        .send({ role: 'sysadmin' });
      expect(raise.status).toBe(403);
      expect(await accounts().findOneByOrFail({ id: county.id })).toMatchObject({ role: 'county', name: '测试人员' });
    });

    it('does not let a county manager promote someone to county', async () => {
      const staff = await buildStaff(app.dataSource, { role: 'dispatcher' });
      const response = await app.http
        .patch(`/api/v1/staff/accounts/${staff.id}`)
        .set(bearer(countyToken))
        .send({ role: 'county', regionCode: REGIONS.county });
      expect(response.status).toBe(403);
    });

    it('lets a sysadmin rename itself but not change its own role or scope', async () => {
      const renamed = await app.http
        .patch(`/api/v1/staff/accounts/${sysadmin.id}`)
        .set(bearer(adminToken))
        .send({ name: '系统管理员甲' });
      expect(renamed.status).toBe(200);
      const demoted = await app.http
        .patch(`/api/v1/staff/accounts/${sysadmin.id}`)
        .set(bearer(adminToken))
        .send({ role: 'county' });
      expect(demoted.status).toBe(403);
      expect(await accounts().findOneByOrFail({ id: sysadmin.id })).toMatchObject({
        role: 'sysadmin',
        name: '系统管理员甲',
      });
    });

    it('answers 404 for an unknown account and 400 naming an unknown field', async () => {
      expect(
        (
          await app.http
            .patch('/api/v1/staff/accounts/01J0000000000000000000000Z')
            .set(bearer(adminToken))
            .send({ name: 'x' })
        ).status,
      ).toBe(404);
      expect(
        (await app.http.patch('/api/v1/staff/accounts/not-an-id').set(bearer(adminToken)).send({ name: 'x' })).status,
      ).toBe(404);
      const staff = await buildStaff(app.dataSource, { role: 'dispatcher' });
      const response = await app.http
        .patch(`/api/v1/staff/accounts/${staff.id}`)
        .set(bearer(adminToken))
        .send({ passwordHash: 'x' });
      expect(response.status).toBe(400);
    });
  });

  describe('disabling and enabling', () => {
    it('ends the sessions of a disabled account and refuses its sign-in; enabling does not revive old tokens', async () => {
      const staff = await buildStaff(app.dataSource, { role: 'dispatcher', username: 'to_disable' });
      const oldToken = staffToken(app.deps, staff);
      expect((await app.http.get('/api/v1/staff/me').set(bearer(oldToken))).status).toBe(200);
      const disabled = await app.http.post(`/api/v1/staff/accounts/${staff.id}/disable`).set(bearer(countyToken));
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ disabled: true, allowedActions: ['edit', 'enable', 'reset_password'] });
      expect((await app.http.get('/api/v1/staff/me').set(bearer(oldToken))).status).toBe(401);
      expect((await login('to_disable', DEMO_PASSWORD)).status).toBe(401);
      const enabled = await app.http.post(`/api/v1/staff/accounts/${staff.id}/enable`).set(bearer(countyToken));
      expect(enabled.body.disabled).toBe(false);
      expect((await app.http.get('/api/v1/staff/me').set(bearer(oldToken))).status).toBe(401);
      expect((await login('to_disable', DEMO_PASSWORD)).status).toBe(200);
      expect((await auditOf(staff.id)).map((line) => line.action)).toEqual([
        'staff_account.disable',
        'staff_account.enable',
      ]);
    });

    it('does not let anyone disable their own account', async () => {
      const response = await app.http.post(`/api/v1/staff/accounts/${sysadmin.id}/disable`).set(bearer(adminToken));
      expect(response.status).toBe(403);
      expect((await accounts().findOneByOrFail({ id: sysadmin.id })).disabled).toBe(false);
    });
  });

  describe('resetting a password', () => {
    it('sets the chosen password, lifts the lock, ends sessions and requires a change', async () => {
      const staff = await buildStaff(app.dataSource, {
        role: 'handler',
        departmentId: world.power.id,
        username: 'forgetful',
        lockedUntil: new Date(Date.now() + 600_000),
        failedLogins: 0,
      });
      const oldToken = staffToken(app.deps, staff);
      const response = await app.http
        .post(`/api/v1/staff/accounts/${staff.id}/reset-password`)
        .set(bearer(countyToken))
        .send({ password: 'Reset#2026' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        generatedPassword: null,
        account: { mustChangePassword: true, lockedUntil: null },
      });
      expect((await app.http.get('/api/v1/staff/me').set(bearer(oldToken))).status).toBe(401);
      const signedIn = await login('forgetful', 'Reset#2026');
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.staff.mustChangePassword).toBe(true);
      const [line] = await auditOf(staff.id);
      expect(line).toMatchObject({ action: 'staff_account.reset_password', staffId: county.id });
      expect(line.detail).not.toContain('Reset#2026');
    });

    it('generates a strong password when none is given', async () => {
      const staff = await buildStaff(app.dataSource, { role: 'dispatcher', username: 'gen_reset' });
      const response = await app.http
        .post(`/api/v1/staff/accounts/${staff.id}/reset-password`)
        .set(bearer(adminToken))
        .send({});
      expect(passwordWeakness(response.body.generatedPassword)).toBeNull();
      expect((await login('gen_reset', response.body.generatedPassword)).status).toBe(200);
    });

    it("refuses a weak password naming the field, and a reset of one's own account", async () => {
      const staff = await buildStaff(app.dataSource, { role: 'dispatcher' });
      const weak = await app.http
        .post(`/api/v1/staff/accounts/${staff.id}/reset-password`)
        .set(bearer(adminToken))
        .send({ password: '12345678' });
      expect(weak.status).toBe(400);
      expect(weak.body.error.field).toBe('password');
      const self = await app.http
        .post(`/api/v1/staff/accounts/${sysadmin.id}/reset-password`)
        .set(bearer(adminToken))
        .send({});
      expect(self.status).toBe(403);
      const sysadminByCounty = await app.http
        .post(`/api/v1/staff/accounts/${sysadmin.id}/reset-password`)
        .set(bearer(countyToken))
        .send({});
      expect(sysadminByCounty.status).toBe(403);
    });
  });

  function resolve(override: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(override).map(([key, value]) => [key, value === WORLD_POWER ? world.power.id : value]),
    );
  }
});
