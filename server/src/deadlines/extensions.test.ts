import type { Citizen, Staff } from '../db/entities';
import { Message, ReportEvent } from '../db/entities';
import { REGIONS, type World, bearer, buildCitizen, buildStaff, buildWorld } from '../test/factories';
import { type TestApp, createTestApp } from '../test/testApp';

/** Monday 2026-09-28, 10:00 in Beijing: the 国庆节 holiday (10-01 … 10-07) lies ahead. */
const BEFORE_NATIONAL_DAY = new Date('2026-09-28T02:00:00Z');
const endOf = (date: string) => `${date}T15:59:59.999Z`;

describe('extensions (延期) on the working-day calendar', () => {
  let app: TestApp;
  let world: World;
  let now: Date;
  let citizen: Citizen;
  let handler: Staff;
  let dispatcher: Staff;

  const token = (sub: string, kind: 'citizen' | 'staff') =>
    bearer(app.deps.tokens.sign({ sub, kind, ver: 0, exp: Math.floor(now.getTime() / 1000) + 3600 }));
  const act = (staff: Staff, reportId: string, body: Record<string, unknown>) =>
    app.http.post(`/api/v1/staff/reports/${reportId}/actions`).set(token(staff.id, 'staff')).send(body);
  const staffView = (staff: Staff, reportId: string) =>
    app.http.get(`/api/v1/staff/reports/${reportId}`).set(token(staff.id, 'staff'));

  async function signedPowerReport(): Promise<string> {
    const submitted = await app.http.post('/api/v1/reports').set(token(citizen.id, 'citizen')).send({
      serviceCode: 'direct',
      villageCode: REGIONS.chengguanVillage,
      text: '变压器烧了',
      categoryCode: 'power',
    });
    expect((await act(handler, submitted.body.id, { action: 'sign' })).status).toBe(200);
    return submitted.body.id as string;
  }

  beforeAll(async () => {
    now = BEFORE_NATIONAL_DAY;
    app = await createTestApp({ clock: () => now });
    world = await buildWorld(app.dataSource);
    citizen = await buildCitizen(app.dataSource);
    handler = await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id });
    dispatcher = await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.chengguan });
  });
  afterAll(() => app.close());
  beforeEach(() => {
    now = BEFORE_NATIONAL_DAY;
  });

  it('counts the resolve deadline and an approved extension in working days, around the holiday', async () => {
    const reportId = await signedPowerReport();
    // 09-29, 09-30, 10-08, 10-09, 10-10 (调休上班), 10-12, 10-13.
    expect((await staffView(handler, reportId)).body.resolveDueAt).toBe(endOf('2026-10-13'));
    await act(handler, reportId, { action: 'request_extension', note: '需要更换变压器', extensionDays: 2 });
    const approved = await act(dispatcher, reportId, { action: 'approve_extension' });
    expect(approved.body).toMatchObject({ extensionPending: false, resolveDueAt: endOf('2026-10-15') });
  });

  it('refuses an extension request once the resolve deadline has passed (409)', async () => {
    const reportId = await signedPowerReport();
    now = new Date('2026-10-13T15:59:59.000Z');
    expect((await staffView(handler, reportId)).body.allowedActions).toContain('request_extension');
    now = new Date('2026-10-13T16:00:00.000Z');
    expect((await staffView(handler, reportId)).body.allowedActions).not.toContain('request_extension');
    const late = await act(handler, reportId, { action: 'request_extension', note: '来不及了', extensionDays: 3 });
    expect(late.status).toBe(409);
    expect(late.body.error).toEqual({ code: 'invalid_transition', message: '已超过办结时限，不能再申请延期' });
    expect(await app.dataSource.getRepository(ReportEvent).countBy({ reportId, type: 'request_extension' })).toBe(0);
  });

  it('lets a supervisor refuse a pending request with a reason, internally, and the handler ask again', async () => {
    const reportId = await signedPowerReport();
    const nothingPending = await act(dispatcher, reportId, { action: 'refuse_extension', note: '不需要延期' });
    expect(nothingPending.status).toBe(409);
    await act(handler, reportId, { action: 'request_extension', note: '材料未到', extensionDays: 5 });

    const withoutReason = await act(dispatcher, reportId, { action: 'refuse_extension' });
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body.error.field).toBe('note');
    expect((await act(handler, reportId, { action: 'refuse_extension', note: '自己拒绝' })).status).toBe(403);

    const refused = await act(dispatcher, reportId, {
      action: 'refuse_extension',
      note: '材料可在本周内调配，请按期办结',
    });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ extensionPending: false, resolveDueAt: endOf('2026-10-13') });
    const event = refused.body.timeline.at(-1);
    expect(event).toMatchObject({ type: 'refuse_extension', public: false, note: '材料可在本周内调配，请按期办结' });
    const [stored] = await app.dataSource.getRepository(ReportEvent).findBy({ reportId, type: 'refuse_extension' });
    expect(stored.data).toEqual({ extensionDays: 5 });

    // The citizen neither sees the refusal nor gets a message about it.
    const seen = await app.http.get(`/api/v1/reports/${reportId}`).set(token(citizen.id, 'citizen'));
    expect(seen.body.timeline.map((item: { type: string }) => item.type)).not.toContain('refuse_extension');
    expect(await app.dataSource.getRepository(Message).countBy({ reportId, kind: 'report_extended' })).toBe(0);
    // Nothing is pending any more: the handler may ask again.
    expect(
      (await act(handler, reportId, { action: 'request_extension', note: '再申请', extensionDays: 1 })).status,
    ).toBe(200);
  });
});
