import type { Citizen, Staff } from '../db/entities';
import { Message, Report, ReportEvent, SchedulerLease, SupervisionMark } from '../db/entities';
import { REGIONS, type World, bearer, buildCitizen, buildStaff, buildWorld } from '../test/factories';
import { type TestApp, createTestApp } from '../test/testApp';
import { Scheduler } from './scheduler';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Monday 2026-11-23, 10:00 in Beijing. */
const MONDAY_10 = new Date('2026-11-23T02:00:00Z');

describe('deadline scheduler', () => {
  let app: TestApp;
  let world: World;
  let now: Date;
  let citizen: Citizen;
  let handler: Staff;
  let cadre: Staff;
  let otherHandler: Staff;
  let dispatcher: Staff;
  let otherDispatcher: Staff;
  let county: Staff;
  let scheduler: Scheduler;

  const at = (offset: number) => new Date(MONDAY_10.getTime() + offset);
  const token = (sub: string, kind: 'citizen' | 'staff', ver = 0) =>
    bearer(app.deps.tokens.sign({ sub, kind, ver, exp: Math.floor(now.getTime() / 1000) + 3600 }));
  const act = (staff: Staff, reportId: string, body: Record<string, unknown>) =>
    app.http
      .post(`/api/v1/staff/reports/${reportId}/actions`)
      .set(token(staff.id, 'staff', staff.tokenVersion))
      .send(body);

  /** A power report sent to 城关镇供电所 at `now`: respond within 24 h, resolve in 7 working days. */
  async function powerReport(): Promise<string> {
    const response = await app.http.post('/api/v1/reports').set(token(citizen.id, 'citizen')).send({
      serviceCode: 'direct',
      villageCode: REGIONS.chengguanVillage,
      text: '电线杆倾斜',
      categoryCode: 'power',
    });
    expect(response.body).toMatchObject({ status: 'dispatched', department: { id: world.power.id } });
    return response.body.id as string;
  }

  const reportRow = (id: string) => app.dataSource.getRepository(Report).findOneByOrFail({ id });
  const eventsOf = (reportId: string, type: ReportEvent['type']) =>
    app.dataSource.getRepository(ReportEvent).findBy({ reportId, type });
  const recipientsOf = async (reportId: string, kind: Message['kind']) =>
    (await app.dataSource.getRepository(Message).findBy({ reportId, kind }))
      .map((message) => message.recipientId)
      .sort();

  beforeAll(async () => {
    now = MONDAY_10;
    app = await createTestApp({ clock: () => now });
    world = await buildWorld(app.dataSource);
    citizen = await buildCitizen(app.dataSource);
    handler = await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id });
    cadre = await buildStaff(app.dataSource, { role: 'cadre', departmentId: world.power.id });
    otherHandler = await buildStaff(app.dataSource, {
      role: 'handler',
      regionCode: REGIONS.jianchi,
      departmentId: world.jianchiPower.id,
    });
    dispatcher = await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.chengguan });
    otherDispatcher = await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.jianchi });
    county = await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county });
    // A disabled supervisor hears nothing.
    await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.chengguan, disabled: true });
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    now = MONDAY_10;
    for (const entity of [Message, ReportEvent, Report, SchedulerLease, SupervisionMark])
      await app.dataSource.getRepository(entity).clear();
    scheduler = new Scheduler(app.deps, { holder: 'server-a' });
  });

  describe('leadership', () => {
    it('lets one of two schedulers on the same database work, and the other take over when it stops renewing', async () => {
      const other = new Scheduler(app.deps, { holder: 'server-b' });
      const reportId = await powerReport();

      // Past the response deadline: there is work, but only the holder may do it.
      const t1 = at(25 * HOUR);
      expect(await scheduler.runOnce(t1)).toMatchObject({ leader: true, escalated: 1 });
      expect(await other.runOnce(t1)).toEqual({ leader: false, reminded: 0, escalated: 0, autoClosed: 0 });
      expect(await other.runOnce(new Date(t1.getTime() + 20_000))).toMatchObject({ leader: false });
      // The holder renews within its 30 s lease and keeps it.
      expect(await scheduler.runOnce(new Date(t1.getTime() + 25_000))).toMatchObject({ leader: true, escalated: 0 });
      expect(await other.runOnce(new Date(t1.getTime() + 50_000))).toMatchObject({ leader: false });

      // The holder stops renewing: once its lease has run out the other one takes over.
      const later = new Date(t1.getTime() + 25_000 + 30_000);
      expect(await other.runOnce(later)).toMatchObject({ leader: true });
      expect(await scheduler.runOnce(later)).toMatchObject({ leader: false });
      const lease = await app.dataSource.getRepository(SchedulerLease).findOneByOrFail({ name: 'deadlines' });
      expect(lease.holder).toBe('server-b');
      // Whoever worked, the report was escalated once.
      expect(await eventsOf(reportId, 'escalate')).toHaveLength(1);
    });

    it('hands the lease over at once when stopped', async () => {
      const other = new Scheduler(app.deps, { holder: 'server-b' });
      scheduler.start();
      await scheduler.stop();
      expect(await other.runOnce(now)).toMatchObject({ leader: true });
    });
  });

  describe('reminders (催办)', () => {
    it('reminds the department once, when 80 % of the response window has passed', async () => {
      const reportId = await powerReport();
      expect(await scheduler.runOnce(at(19 * HOUR))).toMatchObject({ leader: true, reminded: 0 });
      expect(await scheduler.runOnce(at(19.5 * HOUR))).toMatchObject({ reminded: 1, escalated: 0 });
      expect(await scheduler.runOnce(at(20 * HOUR))).toMatchObject({ reminded: 0 });

      const [remind] = await eventsOf(reportId, 'remind');
      expect(remind).toMatchObject({ actorType: 'system', public: false, departmentId: world.power.id });
      expect(remind.data).toMatchObject({ deadline: 'response' });
      // The handlers and cadres of 城关镇供电所, nobody in another township.
      expect(await recipientsOf(reportId, 'deadline_reminder')).toEqual([handler.id, cadre.id].sort());
      const [message] = await app.dataSource.getRepository(Message).findBy({ reportId, recipientId: handler.id });
      expect(message.body).toContain('11月24日 10:00');
      expect(message.body).toContain('签收');
      expect(await recipientsOf(reportId, 'deadline_reminder')).not.toContain(otherHandler.id);
    });

    it('reminds of the resolve deadline after the report is signed, and not on the citizen timeline', async () => {
      const reportId = await powerReport();
      now = at(HOUR);
      await act(handler, reportId, { action: 'sign' });
      // Resolve window: Monday 10:00 to 24:00 on Wednesday 12-02 (9 days 14 h); 80 % is 7 days 16 h.
      expect(await scheduler.runOnce(at(7 * DAY + 15 * HOUR))).toMatchObject({ reminded: 0 });
      expect(await scheduler.runOnce(at(7 * DAY + 16 * HOUR + MINUTE))).toMatchObject({ reminded: 1 });
      expect(await scheduler.runOnce(at(8 * DAY))).toMatchObject({ reminded: 0 });
      const [remind] = await eventsOf(reportId, 'remind');
      expect(remind.data).toMatchObject({ deadline: 'resolve' });
      now = at(8 * DAY);
      const seen = await app.http.get(`/api/v1/reports/${reportId}`).set(token(citizen.id, 'citizen'));
      expect(seen.body.timeline.map((event: { type: string }) => event.type)).not.toContain('remind');
    });
  });

  describe('overdue escalation (督办)', () => {
    it('escalates a missed deadline once, to the supervisors of the next tier', async () => {
      const reportId = await powerReport();
      // Not signed by Tuesday 10:00.
      expect(await scheduler.runOnce(at(24 * HOUR - MINUTE))).toMatchObject({ escalated: 0 });
      expect(await scheduler.runOnce(at(24 * HOUR + MINUTE))).toMatchObject({ escalated: 1 });
      expect(await scheduler.runOnce(at(25 * HOUR))).toMatchObject({ escalated: 0 });

      expect(await reportRow(reportId)).toMatchObject({ tier: 'difficult', escalated: true, status: 'dispatched' });
      const [escalate] = await eventsOf(reportId, 'escalate');
      expect(escalate).toMatchObject({
        actorType: 'system',
        actorId: null,
        public: false,
        note: '超过签收时限未签收，系统自动督办',
      });
      expect(escalate.data).toMatchObject({ deadline: 'response', tier: 'difficult' });
      // 一般 → 疑难: the township's dispatchers, not another township's, not the county.
      expect(await recipientsOf(reportId, 'report_escalated')).toEqual([dispatcher.id]);
      expect(await recipientsOf(reportId, 'report_escalated')).not.toContain(otherDispatcher.id);

      // Still open after the resolve deadline (24:00 on 12-02): 疑难 → 重大, the county supervisors.
      now = at(10 * DAY);
      expect(await scheduler.runOnce(at(10 * DAY))).toMatchObject({ escalated: 1 });
      expect(await reportRow(reportId)).toMatchObject({ tier: 'major' });
      const messages = await app.dataSource
        .getRepository(Message)
        .findBy({ reportId, kind: 'report_escalated', recipientId: county.id });
      expect(messages).toHaveLength(1);
      expect(messages[0].body).toContain('办结时限');
      expect(await scheduler.runOnce(at(11 * DAY))).toMatchObject({ escalated: 0 });
      expect(await eventsOf(reportId, 'escalate')).toHaveLength(2);
      // Staff see it overdue and escalated in their queue.
      const queue = await app.http.get('/api/v1/staff/reports?overdue=true').set(token(dispatcher.id, 'staff'));
      expect(queue.body.items).toEqual([
        expect.objectContaining({ id: reportId, overdue: true, escalated: true, tier: 'major' }),
      ]);
    });

    it('watches a new deadline afresh after a transfer', async () => {
      const reportId = await powerReport();
      await scheduler.runOnce(at(25 * HOUR));
      now = at(26 * HOUR);
      const county2 = await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county });
      const transferred = await act(county2, reportId, { action: 'transfer', departmentId: world.agriculture.id });
      expect(transferred.status).toBe(200);
      expect(await scheduler.runOnce(at(27 * HOUR))).toMatchObject({ escalated: 0 });
      expect(await scheduler.runOnce(at(26 * HOUR + 25 * HOUR))).toMatchObject({ escalated: 1 });
      expect(await eventsOf(reportId, 'escalate')).toHaveLength(2);
    });
  });

  describe('auto-close', () => {
    it('closes a resolved report left unrated for AUTO_CLOSE_DAYS days, not before, and tells the citizen', async () => {
      const reportId = await powerReport();
      now = at(HOUR);
      await act(handler, reportId, { action: 'sign' });
      now = at(2 * HOUR);
      expect((await act(handler, reportId, { action: 'resolve', note: '已扶正' })).body.status).toBe('resolved');

      expect(await scheduler.runOnce(at(2 * HOUR + 7 * DAY - MINUTE))).toMatchObject({ autoClosed: 0 });
      expect((await reportRow(reportId)).status).toBe('resolved');
      const closedAt = at(2 * HOUR + 7 * DAY);
      expect(await scheduler.runOnce(closedAt)).toMatchObject({ autoClosed: 1 });
      expect(await scheduler.runOnce(at(9 * DAY))).toMatchObject({ autoClosed: 0 });

      expect(await reportRow(reportId)).toMatchObject({ status: 'closed', rating: null, closedAt });
      const [event] = await eventsOf(reportId, 'auto_close');
      expect(event).toMatchObject({ actorType: 'system', public: true, fromStatus: 'resolved', toStatus: 'closed' });
      const [message] = await app.dataSource.getRepository(Message).findBy({ reportId, kind: 'report_auto_closed' });
      expect(message).toMatchObject({ recipientType: 'citizen', recipientId: citizen.id });
      expect(message.body).toContain('7 天');
      // The citizen may still rate it.
      now = at(9 * DAY);
      const seen = await app.http.get(`/api/v1/reports/${reportId}`).set(token(citizen.id, 'citizen'));
      expect(seen.body.timeline.at(-1)).toMatchObject({ type: 'auto_close', actor: '系统' });
      expect(seen.body.allowedActions).toContain('rate');
    });

    it('follows AUTO_CLOSE_DAYS', async () => {
      const quick = new Scheduler(
        { ...app.deps, config: { ...app.deps.config, scheduler: { ...app.deps.config.scheduler, autoCloseDays: 3 } } },
        { holder: 'server-a' },
      );
      const reportId = await powerReport();
      now = at(HOUR);
      await act(handler, reportId, { action: 'sign' });
      await act(handler, reportId, { action: 'resolve', note: '已处理' });
      expect(await quick.runOnce(at(HOUR + 3 * DAY - MINUTE))).toMatchObject({ autoClosed: 0 });
      expect(await quick.runOnce(at(HOUR + 3 * DAY))).toMatchObject({ autoClosed: 1 });
    });
  });

  it('takes at most SCHEDULER_BATCH_SIZE reports per job and run', async () => {
    const small = new Scheduler(
      { ...app.deps, config: { ...app.deps.config, scheduler: { ...app.deps.config.scheduler, batchSize: 2 } } },
      { holder: 'server-a' },
    );
    for (let index = 0; index < 3; index += 1) await powerReport();
    expect(await small.runOnce(at(25 * HOUR))).toMatchObject({ escalated: 2 });
    expect(await small.runOnce(at(25 * HOUR + MINUTE))).toMatchObject({ escalated: 1 });
  });
});
