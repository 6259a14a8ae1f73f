import { citizenTexts } from '../../presenters/messageTexts';
import { notifyReminder } from '../../commands/notifier';
import type { Citizen, Staff } from '../../db/entities';
import { Message, Report } from '../../db/entities';
import { newId } from '../../db/ids';
import { REGIONS, type World, bearer, buildCitizen, buildStaff, buildWorld } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('message centre', () => {
  let app: TestApp;
  let world: World;
  let now: Date;
  let citizen: Citizen;
  let otherCitizen: Citizen;
  let handler: Staff;
  let dispatcher: Staff;

  async function buildMessage(overrides: Partial<Message> = {}): Promise<Message> {
    return app.dataSource.getRepository(Message).save({
      id: newId(),
      recipientType: 'citizen',
      recipientId: citizen.id,
      kind: 'report_signed',
      title: '您反映的问题已受理',
      body: '您反映的问题已由城关镇供电所受理，预计 11月25日 前办结。',
      reportId: null,
      createdAt: now,
      readAt: null,
      ...overrides,
    });
  }

  // The app's clock is fixed in the future; tokens must be valid at its time, not the machine's.
  const exp = () => Math.floor(now.getTime() / 1000) + 3600;
  const asCitizen = (who: Citizen = citizen) =>
    bearer(app.deps.tokens.sign({ sub: who.id, kind: 'citizen', ver: 0, exp: exp() }));
  const asStaff = (who: Staff) =>
    bearer(app.deps.tokens.sign({ sub: who.id, kind: 'staff', ver: who.tokenVersion, exp: exp() }));

  beforeAll(async () => {
    now = new Date('2026-11-23T02:00:00Z');
    app = await createTestApp({ clock: () => now });
    world = await buildWorld(app.dataSource);
    citizen = await buildCitizen(app.dataSource);
    otherCitizen = await buildCitizen(app.dataSource);
    handler = await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id });
    dispatcher = await buildStaff(app.dataSource, { role: 'dispatcher' });
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    now = new Date('2026-11-23T02:00:00Z');
    await app.dataSource.getRepository(Message).clear();
  });

  describe('GET /api/v1/messages', () => {
    it('needs a citizen: 401 without a token and with a staff token', async () => {
      expect((await app.http.get('/api/v1/messages')).status).toBe(401);
      const asHandler = await app.http.get('/api/v1/messages').set(asStaff(handler));
      expect(asHandler.status).toBe(401);
      expect(asHandler.body.error.code).toBe('unauthorized');
    });

    it('answers 400 naming the field for a bad page size', async () => {
      const response = await app.http.get('/api/v1/messages?pageSize=1000').set(asCitizen());
      expect(response.status).toBe(400);
      expect(response.body.error.field).toBe('pageSize');
    });

    it("lists only the citizen's own messages, newest first, with the unread count", async () => {
      const older = await buildMessage({ title: '早', createdAt: new Date(now.getTime() - 60_000) });
      const newer = await buildMessage({ title: '晚' });
      await buildMessage({ title: '已读', createdAt: new Date(now.getTime() - 120_000), readAt: now });
      await buildMessage({ title: '别人的', recipientId: otherCitizen.id });
      await buildMessage({ title: '工作人员的', recipientType: 'staff', recipientId: handler.id });

      const response = await app.http.get('/api/v1/messages').set(asCitizen());
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ total: 3, unread: 2, page: 1 });
      expect(response.body.items.map((item: { title: string }) => item.title)).toEqual(['晚', '早', '已读']);
      expect(response.body.items[0]).toEqual({
        id: newer.id,
        kind: 'report_signed',
        title: '晚',
        body: newer.body,
        reportId: null,
        noticeId: null,
        articleId: null,
        createdAt: now.toISOString(),
        readAt: null,
      });

      const unreadOnly = await app.http.get('/api/v1/messages?unread=true&pageSize=1').set(asCitizen());
      expect(unreadOnly.body).toMatchObject({ total: 2, unread: 2, pageSize: 1 });
      expect(unreadOnly.body.items.map((item: { id: string }) => item.id)).toEqual([newer.id]);
      const secondPage = await app.http.get('/api/v1/messages?unread=true&pageSize=1&page=2').set(asCitizen());
      expect(secondPage.body.items.map((item: { id: string }) => item.id)).toEqual([older.id]);
    });
  });

  describe('POST /api/v1/messages/:id/read', () => {
    it('needs a citizen', async () => {
      const message = await buildMessage();
      expect((await app.http.post(`/api/v1/messages/${message.id}/read`)).status).toBe(401);
      expect((await app.http.post(`/api/v1/messages/${message.id}/read`).set(asStaff(handler))).status).toBe(401);
    });

    it("answers 403 for another citizen's message, 404 for a malformed or unknown id", async () => {
      const theirs = await buildMessage({ recipientId: otherCitizen.id });
      const forbidden = await app.http.post(`/api/v1/messages/${theirs.id}/read`).set(asCitizen());
      expect(forbidden.status).toBe(403);
      expect((await app.dataSource.getRepository(Message).findOneByOrFail({ id: theirs.id })).readAt).toBeNull();
      const malformed = await app.http.post('/api/v1/messages/not-an-id/read').set(asCitizen());
      expect(malformed.status).toBe(404);
      expect(malformed.body.error.code).toBe('not_found');
      expect((await app.http.post(`/api/v1/messages/${newId()}/read`).set(asCitizen())).status).toBe(404);
    });

    it('marks the message read once and lowers the unread count', async () => {
      const message = await buildMessage();
      const readAt = now;
      const read = await app.http.post(`/api/v1/messages/${message.id}/read`).set(asCitizen());
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: message.id, readAt: readAt.toISOString() });
      now = new Date(now.getTime() + 3600_000);
      const again = await app.http.post(`/api/v1/messages/${message.id}/read`).set(asCitizen());
      expect(again.body.readAt).toBe(readAt.toISOString());
      expect((await app.http.get('/api/v1/messages').set(asCitizen())).body.unread).toBe(0);
    });
  });

  describe('GET /api/v1/staff/messages and POST /api/v1/staff/messages/:id/read', () => {
    it('needs a staff member: 401 without a token and with a citizen token', async () => {
      expect((await app.http.get('/api/v1/staff/messages')).status).toBe(401);
      expect((await app.http.get('/api/v1/staff/messages').set(asCitizen())).status).toBe(401);
      const message = await buildMessage({ recipientType: 'staff', recipientId: handler.id });
      expect((await app.http.post(`/api/v1/staff/messages/${message.id}/read`)).status).toBe(401);
      expect((await app.http.post(`/api/v1/staff/messages/${message.id}/read`).set(asCitizen())).status).toBe(401);
    });

    it('answers 400 for a bad query, 404 for a malformed id', async () => {
      const badQuery = await app.http.get('/api/v1/staff/messages?unread=maybe').set(asStaff(handler));
      expect(badQuery.status).toBe(400);
      expect(badQuery.body.error.field).toBe('unread');
      const badId = await app.http.post('/api/v1/staff/messages/x/read').set(asStaff(handler));
      expect(badId.status).toBe(404);
      expect(badId.body.error.field).toBeUndefined();
    });

    it("lists the staff member's own messages and lets only them read one", async () => {
      const mine = await buildMessage({
        recipientType: 'staff',
        recipientId: handler.id,
        kind: 'deadline_reminder',
        title: '催办',
      });
      const theirs = await buildMessage({
        recipientType: 'staff',
        recipientId: dispatcher.id,
        kind: 'report_escalated',
        title: '督办',
      });
      // The same id space: a citizen's message must not be readable as a staff message.
      const citizens = await buildMessage();

      const list = await app.http.get('/api/v1/staff/messages').set(asStaff(handler));
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ total: 1, unread: 1 });
      expect(list.body.items[0]).toMatchObject({ id: mine.id, kind: 'deadline_reminder', title: '催办' });

      expect((await app.http.post(`/api/v1/staff/messages/${theirs.id}/read`).set(asStaff(handler))).status).toBe(403);
      expect((await app.http.post(`/api/v1/staff/messages/${citizens.id}/read`).set(asStaff(handler))).status).toBe(
        403,
      );
      const read = await app.http.post(`/api/v1/staff/messages/${mine.id}/read`).set(asStaff(handler));
      expect(read.status).toBe(200);
      expect(read.body.readAt).toBe(now.toISOString());
      expect((await app.http.get('/api/v1/staff/messages').set(asStaff(handler))).body.unread).toBe(0);
    });
  });

  describe('what the citizen is told about their report', () => {
    const act = (staff: Staff, reportId: string, body: Record<string, unknown>) =>
      app.http.post(`/api/v1/staff/reports/${reportId}/actions`).set(asStaff(staff)).send(body);
    const submit = (who: Citizen, body: Record<string, unknown> = {}) =>
      app.http
        .post('/api/v1/reports')
        .set(asCitizen(who))
        .send({ serviceCode: 'direct', villageCode: REGIONS.chengguanVillage, text: '村口电线杆倾斜', ...body });
    const messagesOf = async (who: Citizen) => (await app.http.get('/api/v1/messages').set(asCitizen(who))).body;

    it('tells the citizen when the report is signed, extended and resolved, in plain words', async () => {
      // Monday 2026-11-23 10:00 in Beijing; the power category resolves in 7 working days.
      const submitted = await submit(citizen, { categoryCode: 'power' });
      expect(submitted.status).toBe(201);
      const reportId = submitted.body.id as string;
      expect((await messagesOf(citizen)).total).toBe(0);

      const serialNo = submitted.body.serialNo as string;
      expect((await act(handler, reportId, { action: 'sign' })).status).toBe(200);
      let page = await messagesOf(citizen);
      expect(page).toMatchObject({ total: 1, unread: 1 });
      expect(page.items[0]).toMatchObject({
        kind: 'report_signed',
        reportId,
        body: `您反映的「村口电线杆倾斜」（编号 ${serialNo}）已由城关镇供电所受理，预计 12月2日 前办结。`,
      });

      await act(handler, reportId, { action: 'request_extension', note: '需要更换变压器', extensionDays: 3 });
      expect((await messagesOf(citizen)).total).toBe(1);
      expect((await act(dispatcher, reportId, { action: 'approve_extension' })).status).toBe(200);
      page = await messagesOf(citizen);
      expect(page.items[0]).toMatchObject({ kind: 'report_extended', title: '办理时间延长', reportId });
      expect(page.items[0].body).toBe(
        `您反映的「村口电线杆倾斜」（编号 ${serialNo}）正由城关镇供电所办理，因情况需要，办理时间适当延长，预计 12月7日 前办结。感谢您的耐心等待。`,
      );

      now = new Date(now.getTime() + 60_000);
      expect((await act(handler, reportId, { action: 'resolve', note: '变压器已更换' })).status).toBe(200);
      page = await messagesOf(citizen);
      expect(page).toMatchObject({ total: 3, unread: 3 });
      expect(page.items[0]).toMatchObject({
        kind: 'report_resolved',
        title: '已办结，请评价',
        body: `您反映的「村口电线杆倾斜」（编号 ${serialNo}）已由城关镇供电所办结。请查看办理结果，并对办理情况作出评价。`,
      });
      for (const item of page.items) expect(item.body).not.toMatch(/工单|派单|SLA|时限/);
      // Nobody else heard about it.
      expect((await messagesOf(otherCitizen)).total).toBe(0);
    });

    it('tells the citizen why a report was not taken up', async () => {
      const submitted = await submit(otherCitizen);
      expect((await act(dispatcher, submitted.body.id, { action: 'reject', note: '与本县无关。' })).status).toBe(200);
      const page = await messagesOf(otherCitizen);
      expect(page.items[0]).toMatchObject({
        kind: 'report_rejected',
        body: `很抱歉，您反映的「村口电线杆倾斜」（编号 ${submitted.body.serialNo}）未能受理，原因：与本县无关。如有疑问，欢迎您再次反映。`,
      });
    });

    it('two reports resolved the same day give two messages that each name their report', async () => {
      const streetLight = await submit(citizen, {
        categoryCode: 'power',
        text: '五一村二组路口的路灯\n已经坏了半个多月，晚上出门很不方便',
      });
      const pole = await submit(citizen, { categoryCode: 'power', text: '村口电线杆倾斜' });
      for (const report of [streetLight, pole]) {
        expect((await act(handler, report.body.id, { action: 'sign' })).status).toBe(200);
        expect((await act(handler, report.body.id, { action: 'resolve', note: '已处理' })).status).toBe(200);
      }

      const stored = await app.dataSource
        .getRepository(Message)
        .findBy({ recipientId: citizen.id, kind: 'report_resolved' });
      expect(stored).toHaveLength(2);
      const byReport = new Map(stored.map((message) => [message.reportId, message]));
      expect(byReport.get(streetLight.body.id)).toMatchObject({
        title: '已办结，请评价',
        body: `您反映的「五一村二组路口的路灯 已经坏了半个多月…」（编号 ${streetLight.body.serialNo}）已由城关镇供电所办结。请查看办理结果，并对办理情况作出评价。`,
      });
      expect(byReport.get(pole.body.id)?.body).toBe(
        `您反映的「村口电线杆倾斜」（编号 ${pole.body.serialNo}）已由城关镇供电所办结。请查看办理结果，并对办理情况作出评价。`,
      );
      expect(streetLight.body.serialNo).not.toBe(pole.body.serialNo);
    });

    it('a report made by voice alone is named by its transcript, or by its number when there is none', () => {
      const byVoice = citizenTexts.resolved(
        { serialNo: 'HY20261123-0007', text: null, transcript: '水管爆了' },
        '城关镇水务站',
      );
      expect(byVoice.body).toBe(
        '您反映的「水管爆了」（编号 HY20261123-0007）已由城关镇水务站办结。请查看办理结果，并对办理情况作出评价。',
      );
      const photoOnly = citizenTexts.autoClosed({ serialNo: 'HY20261123-0008', text: '', transcript: null }, 7);
      expect(photoOnly.body).toBe(
        '您反映的问题（编号 HY20261123-0008）已办结 7 天，您尚未评价，已自动结束。如对办理结果不满意，您仍可评价或申请重新办理。',
      );
    });
  });

  describe('what staff are told', () => {
    it('a 催办 reaches only the department’s staff who may open the report', async () => {
      const submitted = await app.http.post('/api/v1/reports').set(asCitizen(citizen)).send({
        serviceCode: 'direct',
        villageCode: REGIONS.chengguanVillage,
        text: '村口电线杆倾斜',
        categoryCode: 'power',
      });
      expect(submitted.status).toBe(201);
      const report = await app.dataSource.getRepository(Report).findOneByOrFail({ id: submitted.body.id });
      expect(report.departmentId).toBe(world.power.id);
      const elsewhere = await buildStaff(app.dataSource, {
        role: 'handler',
        departmentId: world.power.id,
        regionCode: REGIONS.jianchi,
      });

      await app.dataSource.transaction((manager) =>
        notifyReminder(manager, { report, deadline: 'resolve', dueAt: new Date(now.getTime() + 3_600_000), at: now }),
      );

      const told = await app.dataSource
        .getRepository(Message)
        .findBy({ kind: 'deadline_reminder', reportId: report.id });
      expect(told.map((message) => message.recipientId)).toContain(handler.id);
      expect(told.map((message) => message.recipientId)).not.toContain(elsewhere.id);
    });
  });
});
