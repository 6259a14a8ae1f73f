import { LIMITS } from '@minqing/shared';
import { AuditLog, Staff } from '../../db/entities';
import { DEMO_PASSWORD, REGIONS, bearer, buildStaff, buildWorld, staffToken } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('POST /api/v1/staff/me/password', () => {
  let app: TestApp;

  const login = (username: string, password: string) =>
    app.http.post('/api/v1/staff/auth/login').send({ username, password });
  const change = (token: string, body: Record<string, unknown>) =>
    app.http.post('/api/v1/staff/me/password').set(bearer(token)).send(body);
  const actions = (staffId: string) =>
    app.dataSource
      .getRepository(AuditLog)
      .find({ where: { staffId }, order: { createdAt: 'ASC' } })
      .then((lines) => lines.map((line) => line.action));

  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
  });
  afterAll(() => app.close());

  it('answers 401 without a token', async () => {
    expect(
      (
        await app.http
          .post('/api/v1/staff/me/password')
          .send({ currentPassword: DEMO_PASSWORD, newPassword: 'Better#2026' })
      ).status,
    ).toBe(401);
  });

  it('changes the password, ends the other sessions and keeps this one on a fresh token', async () => {
    const staff = await buildStaff(app.dataSource, { role: 'dispatcher', username: 'changer' });
    const here = (await login('changer', DEMO_PASSWORD)).body.token as string;
    const elsewhere = (await login('changer', DEMO_PASSWORD)).body.token as string;
    const response = await change(here, { currentPassword: DEMO_PASSWORD, newPassword: 'Better#2026' });
    expect(response.status).toBe(200);
    expect(new Date(response.body.expiresAt).getTime()).toBeGreaterThan(
      Date.now() + (LIMITS.staffTokenHours - 1) * 3600_000,
    );
    for (const old of [here, elsewhere])
      expect((await app.http.get('/api/v1/staff/me').set(bearer(old))).status).toBe(401);
    expect((await app.http.get('/api/v1/staff/me').set(bearer(response.body.token))).status).toBe(200);
    expect((await login('changer', DEMO_PASSWORD)).status).toBe(401);
    expect((await login('changer', 'Better#2026')).status).toBe(200);
    expect(await actions(staff.id)).toContain('password.change');
  });

  it('names currentPassword when it is wrong, and counts it toward the lockout', async () => {
    const staff = await buildStaff(app.dataSource, { role: 'handler', username: 'guesser' });
    const token = staffToken(app.deps, staff);
    for (let attempt = 1; attempt < LIMITS.staffLoginMaxFailures; attempt++) {
      const wrong = await change(token, { currentPassword: `nope${attempt}`, newPassword: 'Better#2026' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error).toMatchObject({ code: 'bad_request', field: 'currentPassword' });
    }
    expect((await app.dataSource.getRepository(Staff).findOneByOrFail({ id: staff.id })).failedLogins).toBe(
      LIMITS.staffLoginMaxFailures - 1,
    );
    const locking = await change(token, { currentPassword: 'nope', newPassword: 'Better#2026' });
    expect(locking.status).toBe(423);
    expect(locking.body.error.code).toBe('account_locked');
    const rightButLocked = await change(token, { currentPassword: DEMO_PASSWORD, newPassword: 'Better#2026' });
    expect(rightButLocked.status).toBe(423);
    expect((await login('guesser', DEMO_PASSWORD)).status).toBe(423);
    const trail = await actions(staff.id);
    expect(trail.filter((action) => action === 'password.change_failed')).toHaveLength(
      LIMITS.staffLoginMaxFailures - 1,
    );
    expect(trail).toContain('password.change_locked');
    expect(trail).not.toContain('password.change');
  });

  it.each<[string, string, (username: string) => Record<string, unknown>]>([
    ['a weak new password', 'newPassword', () => ({ newPassword: 'weakpassword' })],
    ['the same password again', 'newPassword', () => ({ newPassword: DEMO_PASSWORD })],
    ['a new password containing the username', 'newPassword', (username) => ({ newPassword: `${username}_#A` })],
    ['an empty current password', 'currentPassword', () => ({ currentPassword: '' })],
    ['no new password', 'newPassword', () => ({ newPassword: undefined })],
  ])('refuses %s with 400 naming %s, the password unchanged', async (_label, field, override) => {
    const staff = await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.chengguanVillage });
    const response = await change(staffToken(app.deps, staff), {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Better#2026',
      ...override(staff.username),
    });
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe(field);
    expect((await app.dataSource.getRepository(Staff).findOneByOrFail({ id: staff.id })).passwordHash).toBe(
      staff.passwordHash,
    );
  });

  it('clears the change an administrator required, after which the other routes open', async () => {
    const staff = await buildStaff(app.dataSource, {
      role: 'dispatcher',
      username: 'must_change',
      mustChangePassword: true,
    });
    const signedIn = await login('must_change', DEMO_PASSWORD);
    expect(signedIn.body.staff.mustChangePassword).toBe(true);
    const blocked = await app.http.get('/api/v1/staff/reports').set(bearer(signedIn.body.token));
    expect(blocked.status).toBe(403);
    const response = await change(signedIn.body.token, { currentPassword: DEMO_PASSWORD, newPassword: 'MyOwn#2026' });
    expect(response.status).toBe(200);
    const me = await app.http.get('/api/v1/staff/me').set(bearer(response.body.token));
    expect(me.body.mustChangePassword).toBeUndefined();
    expect((await app.http.get('/api/v1/staff/reports').set(bearer(response.body.token))).status).toBe(200);
    expect((await app.dataSource.getRepository(Staff).findOneByOrFail({ id: staff.id })).mustChangePassword).toBe(
      false,
    );
  });
});
