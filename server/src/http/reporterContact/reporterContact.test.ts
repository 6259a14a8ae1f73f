import { AuditLog } from '../../db/entities';
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

describe('revealing the reporter phone number', () => {
  let app: TestApp;
  let world: World;
  let dispatcher: string;
  let dispatcherId: string;

  const reveal = (reportId: string, token: string, body: Record<string, unknown> = { reason: '回访核实办理情况' }) =>
    app.http.post(`/api/v1/staff/reports/${reportId}/reporter-contact`).set(bearer(token)).send(body);
  const auditsOf = (reportId: string) =>
    app.dataSource.getRepository(AuditLog).find({ where: { targetId: reportId }, order: { createdAt: 'ASC' } });

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildWorld(app.dataSource);
    const staff = await buildStaff(app.dataSource, { role: 'dispatcher', username: 'chengguan-reveal' });
    dispatcherId = staff.id;
    dispatcher = staffToken(app.deps, staff);
  });
  afterAll(() => app.close());

  it('answers the full number given with the report and records who, which report, from where and why', async () => {
    const citizen = await buildCitizen(app.dataSource, { nickname: '李婶' });
    const report = await submitReport(app, citizen, { contactPhone: '13812345678' });
    const response = await reveal(report.body.id, dispatcher).set('X-Forwarded-For', '10.1.2.3');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toEqual({ nickname: '李婶', phone: '13812345678', source: 'report' });
    const [audit] = await auditsOf(report.body.id);
    expect(audit).toMatchObject({
      staffId: dispatcherId,
      username: 'chengguan-reveal',
      action: 'reporter_contact.view',
      targetType: 'report',
      ip: '10.1.2.3',
      detail: `${report.body.serialNo}：回访核实办理情况`,
    });
    expect(audit.detail).not.toContain('13812345678');
    await reveal(report.body.id, dispatcher);
    expect((await auditsOf(report.body.id)).filter((line) => line.action === 'reporter_contact.view')).toHaveLength(2);
  });

  it("falls back to the citizen's bound phone, and says so when there is none", async () => {
    const bound = await buildCitizen(app.dataSource, { phoneEncrypted: app.deps.cipher.encrypt('13900001111') });
    const withProfile = await submitReport(app, bound);
    expect((await reveal(withProfile.body.id, dispatcher)).body).toMatchObject({
      phone: '13900001111',
      source: 'profile',
    });
    const nobody = await buildCitizen(app.dataSource);
    const withoutPhone = await submitReport(app, nobody);
    const response = await reveal(withoutPhone.body.id, dispatcher);
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe('反映人没有留下联系电话，也未绑定手机号');
    expect((await auditsOf(withoutPhone.body.id)).map((line) => line.action)).toContain('reporter_contact.missing');
  });

  it('never reveals the reporter of an anonymous 违法举报, even to the county, and records the attempt', async () => {
    const citizen = await buildCitizen(app.dataSource, { phoneEncrypted: app.deps.cipher.encrypt('13700002222') });
    const report = await submitReport(app, citizen, {
      serviceCode: 'illegal',
      anonymous: true,
      contactPhone: '13812345678',
    });
    const county = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }),
    );
    for (const token of [dispatcher, county]) {
      const response = await reveal(report.body.id, token);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain('匿名举报');
      expect(JSON.stringify(response.body)).not.toMatch(/13812345678|13700002222/);
    }
    expect((await auditsOf(report.body.id)).filter((line) => line.action === 'reporter_contact.refused')).toHaveLength(
      2,
    );
  });

  it('needs a reason: 400 naming the field, nothing revealed or recorded', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const report = await submitReport(app, citizen, { contactPhone: '13812345678' });
    for (const body of [{}, { reason: ' ' }, { reason: '长'.repeat(201) }]) {
      const response = await reveal(report.body.id, dispatcher, body);
      expect(response.status).toBe(400);
      expect(response.body.error.field).toBe('reason');
    }
    expect(await auditsOf(report.body.id)).toHaveLength(0);
  });

  it('answers 401 without a token and 403 to staff who may not see the report', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const report = await submitReport(app, citizen, { contactPhone: '13812345678', categoryCode: 'power' });
    expect(
      (await app.http.post(`/api/v1/staff/reports/${report.body.id}/reporter-contact`).send({ reason: '回访' })).status,
    ).toBe(401);
    const elsewhere = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.jianchi }),
    );
    const otherDepartment = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'handler', departmentId: world.agriculture.id }),
    );
    const sysadmin = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'sysadmin', regionCode: REGIONS.county }),
    );
    for (const token of [elsewhere, otherDepartment, sysadmin]) {
      const response = await reveal(report.body.id, token);
      expect(response.status).toBe(403);
      expect(JSON.stringify(response.body)).not.toContain('13812345678');
    }
    expect(await auditsOf(report.body.id)).toHaveLength(0);
    const handler = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id }),
    );
    expect((await reveal(report.body.id, handler)).body.phone).toBe('13812345678');
  });
});
