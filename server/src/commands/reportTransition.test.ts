import { transaction } from '../db/dataSource';
import { Report, ReportEvent } from '../db/entities';
import { type World, buildCitizen, buildWorld, submitReport } from '../test/factories';
import { type TestApp, createTestApp } from '../test/testApp';
import { SYSTEM_ACTOR, applyTransition, statusAfter } from './reportTransition';

describe('applyTransition', () => {
  let app: TestApp;
  let world: World;
  const at = new Date('2026-11-23T02:00:00Z');

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildWorld(app.dataSource);
  });
  afterAll(() => app.close());

  async function routedReport(): Promise<Report> {
    const response = await submitReport(app, await buildCitizen(app.dataSource), { categoryCode: 'power' });
    expect(response.body.status).toBe('dispatched');
    return app.dataSource.getRepository(Report).findOneByOrFail({ id: response.body.id });
  }

  it('writes the status the state machine names, with its event, in the same transaction', async () => {
    const report = await routedReport();
    await transaction(app.dataSource, (manager) =>
      applyTransition(manager, {
        report,
        action: 'sign',
        actor: { type: 'staff', id: 'staff-1' },
        changes: { signedAt: at },
        at,
      }),
    );
    const saved = await app.dataSource.getRepository(Report).findOneByOrFail({ id: report.id });
    expect(saved).toMatchObject({ status: 'accepted', signedAt: at, version: report.version });
    const event = await app.dataSource
      .getRepository(ReportEvent)
      .findOneByOrFail({ reportId: report.id, type: 'sign' });
    expect(event).toMatchObject({ fromStatus: 'dispatched', toStatus: 'accepted', departmentId: world.power.id });
  });

  it('refuses a transition the state machine does not allow, and writes nothing', async () => {
    const report = await routedReport();
    const before = report.version;
    await expect(
      transaction(app.dataSource, (manager) =>
        applyTransition(manager, { report, action: 'share_outcome', actor: SYSTEM_ACTOR, changes: {}, at }),
      ),
    ).rejects.toThrow('share_outcome');
    const saved = await app.dataSource.getRepository(Report).findOneByOrFail({ id: report.id });
    expect(saved).toMatchObject({ status: 'dispatched', version: before });
    expect(
      await app.dataSource.getRepository(ReportEvent).countBy({ reportId: report.id, type: 'share_outcome' }),
    ).toBe(0);
  });

  it('lets the server take only the actions the state machine gives it', () => {
    expect(statusAfter('route', 'submitted', 'system')).toBe('dispatched');
    expect(() => statusAfter('sign', 'dispatched', 'system')).toThrow();
    expect(statusAfter('sign', 'dispatched', 'staff')).toBe('accepted');
  });
});
