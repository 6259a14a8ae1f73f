import { LIMITS } from '@minqing/shared';
import { AuditLog, Staff } from '../../db/entities';
import { DEMO_PASSWORD, REGIONS, bearer, buildStaff, buildWorld, staffToken } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('staff auth', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
  });
  afterAll(() => app.close());

  it('signs in with the right password, audits it and answers the staff member', async () => {
    const staff = await buildStaff(app.dataSource, { role: 'dispatcher', username: 'chengguan-a' });
    const response = await app.http
      .post('/api/v1/staff/auth/login')
      .send({ username: 'chengguan-a', password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.staff).toEqual({
      id: staff.id,
      username: 'chengguan-a',
      name: '测试人员',
      role: 'dispatcher',
      regionCode: REGIONS.chengguan,
      // What the admin panel's menu and buttons follow (policies/abilities).
      abilities: [
        'queue',
        'triage',
        'stats',
        'briefs',
        'notices',
        'templates',
        'points',
        'shop',
        'payouts',
        'households',
        'edit_households',
        'import_households',
        'moderate',
        'supervise',
        'routing_model',
      ],
    });
    expect(new Date(response.body.expiresAt).getTime()).toBeGreaterThan(
      Date.now() + (LIMITS.staffTokenHours - 1) * 3600_000,
    );
    const me = await app.http.get('/api/v1/staff/me').set(bearer(response.body.token));
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('chengguan-a');
    expect(me.body.abilities).toEqual(response.body.staff.abilities);
    const audit = await app.dataSource.getRepository(AuditLog).findBy({ staffId: staff.id, action: 'login' });
    expect(audit).toHaveLength(1);
  });

  it('refuses a wrong password with 401 and locks the account after repeated failures', async () => {
    await buildStaff(app.dataSource, { role: 'handler', username: 'lockme' });
    for (let attempt = 1; attempt < LIMITS.staffLoginMaxFailures; attempt++) {
      const wrong = await app.http.post('/api/v1/staff/auth/login').send({ username: 'lockme', password: 'nope' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.code).toBe('invalid_credentials');
    }
    const locking = await app.http.post('/api/v1/staff/auth/login').send({ username: 'lockme', password: 'nope' });
    expect(locking.status).toBe(423);
    expect(locking.body.error.code).toBe('account_locked');
    const rightButLocked = await app.http
      .post('/api/v1/staff/auth/login')
      .send({ username: 'lockme', password: DEMO_PASSWORD });
    expect(rightButLocked.status).toBe(423);
    const failures = await app.dataSource.getRepository(AuditLog).countBy({ username: 'lockme' });
    expect(failures).toBe(LIMITS.staffLoginMaxFailures + 1);
  });

  it('answers an unknown user like a wrong password', async () => {
    const response = await app.http.post('/api/v1/staff/auth/login').send({ username: 'ghost', password: 'x' });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('invalid_credentials');
  });

  it('names the missing field on bad input', async () => {
    const response = await app.http.post('/api/v1/staff/auth/login').send({ username: 'x' });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'bad_request', field: 'password' });
  });

  it('answers 401 without a token, with a citizen token, after logout and for a disabled account', async () => {
    expect((await app.http.get('/api/v1/staff/me')).status).toBe(401);
    expect((await app.http.get('/api/v1/staff/me').set(bearer('forged.token'))).status).toBe(401);
    const staff = await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county });
    const token = staffToken(app.deps, staff);
    expect((await app.http.post('/api/v1/staff/auth/logout').set(bearer(token))).status).toBe(204);
    expect((await app.http.get('/api/v1/staff/me').set(bearer(token))).status).toBe(401);
    const disabled = await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county, disabled: true });
    expect((await app.http.get('/api/v1/staff/me').set(bearer(staffToken(app.deps, disabled)))).status).toBe(401);
    await app.dataSource.getRepository(Staff).update(disabled.id, { disabled: false });
  });
});
