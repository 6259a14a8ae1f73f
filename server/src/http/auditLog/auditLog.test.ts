import { recordAudit } from '../../commands/auditRecorder';
import type { Staff } from '../../db/entities';
import {
  DEMO_PASSWORD,
  REGIONS,
  bearer,
  buildCitizen,
  buildStaff,
  buildWorld,
  staffToken,
  submitReport,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

/** China time, as staff read the dates they filter by. */
const at = (isoInChina: string) => new Date(`${isoInChina}+08:00`);

describe('GET /api/v1/staff/audit-logs', () => {
  let app: TestApp;
  let adminToken: string;
  let clerk: Staff;

  const list = (query: string) => app.http.get(`/api/v1/staff/audit-logs?${query}`).set(bearer(adminToken));
  const actionsOf = (body: { items: { action: string }[] }) => body.items.map((item) => item.action);

  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
    adminToken = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'sysadmin', regionCode: REGIONS.county }),
    );
    clerk = await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county, username: 'clerk' });
    const manager = app.dataSource.manager;
    const line = (action: string, time: string, extra: { targetType?: string; targetId?: string } = {}) =>
      recordAudit(manager, { staff: clerk, action, ip: '10.0.0.7', at: at(time), ...extra });
    await line('login', '2026-03-01T08:00:00');
    await line('staff_account.create', '2026-03-01T09:00:00', {
      targetType: 'staff',
      targetId: '01J000000000000000000000S1',
    });
    await line('staff_account.disable', '2026-03-02T00:30:00', {
      targetType: 'staff',
      targetId: '01J000000000000000000000S1',
    });
    // Matches `staff_account.*` only if the underscore were a LIKE wildcard.
    await line('staffXaccount.create', '2026-03-02T10:00:00');
    await line('report.assign', '2026-03-02T23:59:00', {
      targetType: 'report',
      targetId: '01J000000000000000000000R1',
    });
    await line('logout', '2026-03-03T00:00:00');
    await recordAudit(manager, {
      staff: null,
      username: 'ghost',
      action: 'login_failed',
      ip: '10.0.0.9',
      at: at('2026-03-02T12:00:00'),
    });
  });
  afterAll(() => app.close());

  it('answers 401 without a token and 403 to everyone but the sysadmin', async () => {
    expect((await app.http.get('/api/v1/staff/audit-logs')).status).toBe(401);
    expect((await app.http.get('/api/v1/staff/audit-logs').set(bearer(staffToken(app.deps, clerk)))).status).toBe(403);
    const dispatcher = await buildStaff(app.dataSource, { role: 'dispatcher' });
    expect((await app.http.get('/api/v1/staff/audit-logs').set(bearer(staffToken(app.deps, dispatcher)))).status).toBe(
      403,
    );
  });

  it("lists one person's lines newest first, with who, what, when and from where", async () => {
    const response = await list('username=clerk');
    expect(response.status).toBe(200);
    expect(actionsOf(response.body)).toEqual([
      'logout',
      'report.assign',
      'staffXaccount.create',
      'staff_account.disable',
      'staff_account.create',
      'login',
    ]);
    expect(response.body.items[1]).toEqual({
      id: expect.any(String),
      staffId: clerk.id,
      username: 'clerk',
      action: 'report.assign',
      targetType: 'report',
      targetId: '01J000000000000000000000R1',
      // No such report: nothing better to show than the id.
      targetLabel: null,
      ip: '10.0.0.7',
      detail: null,
      createdAt: at('2026-03-02T23:59:00').toISOString(),
    });
  });

  it('names a report by its serial number and an account by its name and login', async () => {
    const submitted = await submitReport(app, await buildCitizen(app.dataSource));
    const colleague = await buildStaff(app.dataSource, {
      role: 'county',
      regionCode: REGIONS.county,
      username: 'colleague',
    });
    await recordAudit(app.dataSource.manager, {
      staff: colleague,
      action: 'report.note',
      targetType: 'report',
      targetId: submitted.body.id,
      at: at('2026-03-05T08:00:00'),
    });
    await recordAudit(app.dataSource.manager, {
      staff: colleague,
      action: 'password.change',
      targetType: 'staff',
      targetId: clerk.id,
      at: at('2026-03-05T09:00:00'),
    });
    const response = await list('username=colleague');
    expect(
      response.body.items.map((item: { action: string; targetLabel: string | null }) => [
        item.action,
        item.targetLabel,
      ]),
    ).toEqual([
      ['password.change', `${clerk.name}（clerk）`],
      ['report.note', submitted.body.serialNo],
    ]);
  });

  it('pages', async () => {
    const second = await list('username=clerk&pageSize=4&page=2');
    expect(second.body).toMatchObject({ total: 6, page: 2, pageSize: 4 });
    expect(actionsOf(second.body)).toEqual(['staff_account.create', 'login']);
  });

  it('filters by exact actions and by prefixes, an underscore being no wildcard', async () => {
    expect(actionsOf((await list('action=staff_account.*')).body)).toEqual([
      'staff_account.disable',
      'staff_account.create',
    ]);
    expect(actionsOf((await list('action=login,logout')).body)).toEqual(['logout', 'login']);
    expect(actionsOf((await list('action=login*')).body)).toEqual(['login_failed', 'login']);
  });

  it('filters by target', async () => {
    const response = await list('targetType=staff&targetId=01J000000000000000000000S1');
    expect(actionsOf(response.body)).toEqual(['staff_account.disable', 'staff_account.create']);
  });

  it('filters by whole days in China time', async () => {
    const response = await list('from=2026-03-02&to=2026-03-02&username=clerk');
    expect(actionsOf(response.body)).toEqual(['report.assign', 'staffXaccount.create', 'staff_account.disable']);
    expect(actionsOf((await list('from=2026-03-03&to=2026-03-03')).body)).toEqual(['logout']);
  });

  it('shows failed sign-ins of unknown users under the name they typed', async () => {
    const response = await list('username=ghost');
    expect(response.body.items).toEqual([
      expect.objectContaining({ staffId: null, action: 'login_failed', ip: '10.0.0.9' }),
    ]);
  });

  it.each([
    ['from=yesterday', 'from'],
    ['action=DROP%20TABLE', 'action'],
    ['pageSize=1000', 'pageSize'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const response = await list(query);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'bad_request', field });
  });

  it('shows sign-ins as they happen', async () => {
    await buildStaff(app.dataSource, { role: 'dispatcher', username: 'traffic' });
    await app.http.post('/api/v1/staff/auth/login').send({ username: 'traffic', password: DEMO_PASSWORD });
    expect(actionsOf((await list('username=traffic')).body)).toEqual(['login']);
  });
});
