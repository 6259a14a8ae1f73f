import { ReportEvent } from '../../db/entities';
import {
  type World,
  bearer,
  buildCitizen,
  buildStaff,
  buildWorld,
  staffToken,
  submitReport,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('a staff action retried with its Idempotency-Key', () => {
  let app: TestApp;
  let world: World;
  let handler: string;

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildWorld(app.dataSource);
    handler = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id }));
  });
  afterAll(() => app.close());

  const act = (reportId: string, body: object, key?: string) => {
    const call = app.http.post(`/api/v1/staff/reports/${reportId}/actions`).set(bearer(handler));
    return (key ? call.set('Idempotency-Key', key) : call).send(body);
  };

  it('acts once and answers the report again to the same key', async () => {
    const report = await submitReport(app, await buildCitizen(app.dataSource), { categoryCode: 'power' });
    const first = await act(report.body.id, { action: 'sign' }, 'sign-key-0001');
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('accepted');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await act(report.body.id, { action: 'sign' }, 'sign-key-0001');
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toMatchObject({ id: report.body.id, status: 'accepted' });
    expect(await app.dataSource.getRepository(ReportEvent).countBy({ reportId: report.body.id, type: 'sign' })).toBe(1);
    const withoutKey = await act(report.body.id, { action: 'sign' });
    expect(withoutKey.status).toBe(409);
  });

  it('refuses the same key for another action, and names a malformed key', async () => {
    const report = await submitReport(app, await buildCitizen(app.dataSource), { categoryCode: 'power' });
    expect((await act(report.body.id, { action: 'sign' }, 'reused-key-0001')).status).toBe(200);
    const other = await act(report.body.id, { action: 'reply', note: '已安排人员' }, 'reused-key-0001');
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: 'conflict', field: 'Idempotency-Key' });
    const malformed = await act(report.body.id, { action: 'reply', note: '已安排人员' }, 'bad key!');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.field).toBe('Idempotency-Key');
  });

  it('replies once when the same reply arrives twice at the same moment (a resend over a weak signal)', async () => {
    const report = await submitReport(app, await buildCitizen(app.dataSource), { categoryCode: 'power' });
    expect((await act(report.body.id, { action: 'sign' })).status).toBe(200);
    const both = await Promise.all(
      [1, 2].map(() => act(report.body.id, { action: 'reply', note: '明天上午到现场' }, 'reply-key-0001')),
    );
    expect(both.map((answer) => answer.status)).toEqual([200, 200]);
    expect(both.filter((answer) => answer.headers['idempotent-replayed'] === 'true')).toHaveLength(1);
    expect(await app.dataSource.getRepository(ReportEvent).countBy({ reportId: report.body.id, type: 'reply' })).toBe(
      1,
    );
  });
});
