import { AuditLog, Message, Report, ReportEvent } from '../../db/entities';
import { extendedDeadline } from '../../deadlines/slaClock';
import {
  REGIONS,
  type World,
  bearer,
  buildCitizen,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
  submitReport,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('staff work queue and actions', () => {
  let app: TestApp;
  let world: World;
  let dispatcher: string;
  let handler: string;
  let otherHandler: string;
  let county: string;

  const act = (token: string, reportId: string, body: Record<string, unknown>) =>
    app.http.post(`/api/v1/staff/reports/${reportId}/actions`).set(bearer(token)).send(body);

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildWorld(app.dataSource);
    dispatcher = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher' }));
    handler = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id }));
    otherHandler = staffToken(
      app.deps,
      await buildStaff(app.dataSource, {
        role: 'handler',
        regionCode: REGIONS.jianchi,
        departmentId: world.jianchiPower.id,
      }),
    );
    county = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }));
  });
  afterAll(() => app.close());

  it('shows a township dispatcher its own township only, and triage on request', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const here = await submitReport(app, citizen);
    const jianchiCitizen = await buildCitizen(app.dataSource, { villageCode: REGIONS.jianchiVillage });
    const there = await submitReport(app, jianchiCitizen, { villageCode: REGIONS.jianchiVillage });
    const queue = await app.http.get('/api/v1/staff/reports?triage=true&pageSize=100').set(bearer(dispatcher));
    expect(queue.status).toBe(200);
    const ids = queue.body.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(here.body.id);
    expect(ids).not.toContain(there.body.id);
    expect(queue.body.items[0]).toMatchObject({ status: 'submitted', statusName: '待受理', overdue: false });
    const countyQueue = await app.http
      .get(`/api/v1/staff/reports?regionCode=${REGIONS.jianchi}&pageSize=100`)
      .set(bearer(county));
    expect(countyQueue.body.items.map((item: { id: string }) => item.id)).toContain(there.body.id);
    const outside = await app.http.get(`/api/v1/staff/reports?regionCode=${REGIONS.jianchi}`).set(bearer(dispatcher));
    expect(outside.status).toBe(403);
  });

  it("shows a handler only its own department's reports", async () => {
    const citizen = await buildCitizen(app.dataSource);
    const mine = await submitReport(app, citizen, { categoryCode: 'power' });
    const triage = await submitReport(app, citizen);
    const queue = await app.http.get('/api/v1/staff/reports?pageSize=100').set(bearer(handler));
    const ids = queue.body.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(mine.body.id);
    expect(ids).not.toContain(triage.body.id);
    expect((await app.http.get(`/api/v1/staff/reports/${triage.body.id}`).set(bearer(handler))).status).toBe(403);
  });

  it('filters by status, keyword and serial number, and validates the filters', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const special = await submitReport(app, citizen, { text: '独一无二的关键词：水渠堵塞' });
    const byKeyword = await app.http
      .get(`/api/v1/staff/reports?keyword=${encodeURIComponent('水渠堵塞')}`)
      .set(bearer(dispatcher));
    expect(byKeyword.body.items.map((item: { id: string }) => item.id)).toEqual([special.body.id]);
    const bySerial = await app.http
      .get(`/api/v1/staff/reports?serialNo=${special.body.serialNo}`)
      .set(bearer(dispatcher));
    expect(bySerial.body.total).toBe(1);
    const byStatus = await app.http.get('/api/v1/staff/reports?status=resolved,closed').set(bearer(dispatcher));
    expect(byStatus.body.items.every((item: { status: string }) => ['resolved', 'closed'].includes(item.status))).toBe(
      true,
    );
    const bad = await app.http.get('/api/v1/staff/reports?status=lost').set(bearer(dispatcher));
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toMatch(/^status/);
  });

  it('answers 401 without a token and 403 for roles that do not work reports', async () => {
    expect((await app.http.get('/api/v1/staff/reports')).status).toBe(401);
    const admin = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'sysadmin', regionCode: REGIONS.county }),
    );
    expect((await app.http.get('/api/v1/staff/reports').set(bearer(admin))).status).toBe(403);
    expect(
      (await app.http.post(`/api/v1/staff/reports/${world.power.id}/actions`).send({ action: 'sign' })).status,
    ).toBe(401);
  });

  it('lets the dispatcher assign only to a department serving the area', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const report = await submitReport(app, citizen);
    const wrong = await act(dispatcher, report.body.id, { action: 'assign', departmentId: world.jianchiPower.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.field).toBe('departmentId');
    const missing = await act(dispatcher, report.body.id, { action: 'assign' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('departmentId');
    const countyBureau = await act(dispatcher, report.body.id, {
      action: 'assign',
      departmentId: world.agriculture.id,
    });
    expect(countyBureau.status).toBe(200);
    expect(countyBureau.body).toMatchObject({ status: 'dispatched', department: { id: world.agriculture.id } });
    const notHandler = await act(handler, report.body.id, { action: 'sign' });
    expect(notHandler.status).toBe(403);
  });

  it('refuses actions the state machine does not allow with 409 and roles it does not allow with 403', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const report = await submitReport(app, citizen, { categoryCode: 'power' });
    const early = await act(handler, report.body.id, { action: 'resolve', note: '已处理' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('invalid_transition');
    const byDispatcher = await act(dispatcher, report.body.id, { action: 'sign' });
    expect(byDispatcher.status).toBe(403);
    const otherTownship = await act(otherHandler, report.body.id, { action: 'sign' });
    expect(otherTownship.status).toBe(403);
    const unknown = await act(handler, report.body.id, { action: 'fly' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('action');
  });

  it('returns a report to triage only with a reason, and the citizen does not see the return', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const report = await submitReport(app, citizen, { categoryCode: 'power' });
    const noReason = await act(handler, report.body.id, { action: 'return' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('note');
    const returned = await act(handler, report.body.id, { action: 'return', note: '不属于供电所职责' });
    expect(returned.body).toMatchObject({ status: 'submitted', department: null });
    const citizenView = await app.http
      .get(`/api/v1/reports/${report.body.id}`)
      .set(bearer(app.deps.tokens.sign({ sub: citizen.id, kind: 'citizen', ver: 0, exp: Date.now() / 1000 + 60 })));
    expect(citizenView.body.timeline.map((event: { type: string }) => event.type)).not.toContain('return');
    const staffView = await app.http.get(`/api/v1/staff/reports/${report.body.id}`).set(bearer(dispatcher));
    expect(staffView.body.timeline.map((event: { type: string }) => event.type)).toContain('return');
  });

  it('extends the deadline only after a request is approved, and escalation raises the tier', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const report = await submitReport(app, citizen, { categoryCode: 'power' });
    await act(handler, report.body.id, { action: 'sign' });
    const approveEarly = await act(dispatcher, report.body.id, { action: 'approve_extension' });
    expect(approveEarly.status).toBe(409);
    const requested = await act(handler, report.body.id, {
      action: 'request_extension',
      note: '需要更换变压器',
      extensionDays: 5,
    });
    expect(requested.body.extensionPending).toBe(true);
    const before = Date.parse(requested.body.resolveDueAt);
    const approved = await act(dispatcher, report.body.id, { action: 'approve_extension' });
    expect(approved.body.extensionPending).toBe(false);
    // Five working days more, on the holiday calendar.
    expect(approved.body.resolveDueAt).toBe(extendedDeadline(new Date(before), 5).toISOString());
    const escalated = await act(county, report.body.id, { action: 'escalate', note: '请加快办理' });
    expect(escalated.body).toMatchObject({ tier: 'difficult', escalated: true });
    const audit = await app.dataSource.getRepository(AuditLog).countBy({ targetId: report.body.id });
    expect(audit).toBe(4);
  });

  it('rejects with a reason and merges into an open report', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const spam = await submitReport(app, citizen);
    const rejected = await act(dispatcher, spam.body.id, { action: 'reject', note: '重复提交' });
    expect(rejected.body.status).toBe('rejected');
    const original = await submitReport(app, citizen);
    const duplicate = await submitReport(app, citizen);
    const intoSelf = await act(dispatcher, duplicate.body.id, { action: 'merge', targetReportId: duplicate.body.id });
    expect(intoSelf.status).toBe(400);
    const merged = await act(dispatcher, duplicate.body.id, { action: 'merge', targetReportId: original.body.id });
    expect(merged.body).toMatchObject({ status: 'merged', mergedIntoId: original.body.id });
    const row = await app.dataSource.getRepository(Report).findOneByOrFail({ id: duplicate.body.id });
    expect(row.mergedIntoId).toBe(original.body.id);
    // Resolving the original answers the merged report's citizen too, who can then rate it.
    await act(dispatcher, original.body.id, { action: 'assign', departmentId: world.power.id });
    await act(handler, original.body.id, { action: 'sign' });
    await act(handler, original.body.id, { action: 'resolve', note: '路灯已修好' });
    const shared = await app.http
      .get(`/api/v1/reports/${duplicate.body.id}`)
      .set(bearer(citizenToken(app.deps, citizen)));
    expect(shared.body).toMatchObject({ status: 'resolved', department: { id: world.power.id } });
    expect(shared.body.timeline.at(-1)).toMatchObject({ type: 'share_outcome', note: '路灯已修好' });
    expect(shared.body.allowedActions).toContain('rate');
    const messages = await app.dataSource
      .getRepository(Message)
      .findBy({ reportId: duplicate.body.id, kind: 'report_resolved' });
    expect(messages).toHaveLength(1);
  });

  it('masks the reporter phone and hides an anonymous reporter entirely', async () => {
    const citizen = await buildCitizen(app.dataSource, { nickname: '李婶' });
    const named = await submitReport(app, citizen, { contactPhone: '13812345678' });
    const namedView = await app.http.get(`/api/v1/staff/reports/${named.body.id}`).set(bearer(dispatcher));
    expect(namedView.body.reporter).toEqual({ nickname: '李婶', phone: '138****5678' });
    const stored = await app.dataSource.getRepository(Report).findOneByOrFail({ id: named.body.id });
    expect(stored.contactPhoneEncrypted).not.toContain('13812345678');
    const anonymous = await submitReport(app, citizen, {
      serviceCode: 'illegal',
      anonymous: true,
      contactPhone: '13812345678',
    });
    const anonymousView = await app.http.get(`/api/v1/staff/reports/${anonymous.body.id}`).set(bearer(dispatcher));
    expect(anonymousView.body.reporter).toBeNull();
    expect(JSON.stringify(anonymousView.body)).not.toContain(citizen.id);
    expect(JSON.stringify(anonymousView.body)).not.toContain('李婶');
    const events = await app.dataSource.getRepository(ReportEvent).findBy({ reportId: anonymous.body.id });
    expect(events).toHaveLength(1);
  });
});
