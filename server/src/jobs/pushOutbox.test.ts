import { Message, PushOutboxMessage, PushSubscription, type Citizen, type Staff } from '../db/entities';
import { newId } from '../db/ids';
import { pushConfigFrom } from '../integrations/wechat/pushConfig';
import { WechatAccessTokenProvider } from '../integrations/wechat/accessToken';
import { HttpWechatSubscribeClient } from '../integrations/wechat/subscribeClient';
import { createLogger } from '../logger';
import { FakeHttpServer, type FakeRequest, type FakeResponse } from '../test/fakeHttp';
import {
  REGIONS,
  bearer,
  buildCitizen,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
  submitReport,
} from '../test/factories';
import { type TestApp, createTestApp } from '../test/testApp';
import { CLAIM_TIMEOUT_MS, PushOutboxSender, QUOTA_BACKOFF, RETRY_BACKOFF } from './pushOutbox';

const MINUTE = 60_000;
const ENV = {
  WECHAT_TEMPLATE_REPORT_SIGNED: 'tmpl-signed',
  WECHAT_TEMPLATE_REPORT_RESOLVED: 'tmpl-resolved',
  WECHAT_TEMPLATE_NOTICE: 'tmpl-notice',
  WECHAT_TEMPLATE_NOTICE_FIELDS: 'thing1=title,thing5=region,date2=time',
};

interface SendBody {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogram_state: string;
}

/** Subscribe messages against a fake WeChat: what is sent, retried, refused, and never twice. */
describe('push outbox', () => {
  let app: TestApp;
  let wechat: FakeHttpServer;
  let handler: Staff;
  /** What the fake answers to the next subscribe/send calls, in order; then errcode 0. */
  let answers: FakeResponse[] = [];
  const sends = () => wechat.received('/cgi-bin/message/subscribe/send').map((request) => request.json as SendBody);

  const senderFor = (worker: string) =>
    new PushOutboxSender(
      {
        config: app.deps.config,
        dataSource: app.dataSource,
        logger: createLogger('silent'),
        subscribe: new HttpWechatSubscribeClient(
          new WechatAccessTokenProvider({ appid: 'wx-app', secret: 's', apiBase: wechat.baseUrl }),
          {
            apiBase: wechat.baseUrl,
            miniprogramState: 'trial',
          },
        ),
      },
      worker,
    );

  const subscribe = (citizen: Citizen, templateAnswers: Record<string, string>) =>
    app.http
      .post('/api/v1/push/subscriptions')
      .set(bearer(citizenToken(app.deps, citizen)))
      .send({ answers: templateAnswers });
  const remaining = async (citizen: Citizen, topic: PushSubscription['topic']) =>
    (await app.dataSource.getRepository(PushSubscription).findOneBy({ citizenId: citizen.id, topic }))?.remaining;
  const outboxOf = (citizen: Citizen) =>
    app.dataSource
      .getRepository(PushOutboxMessage)
      .find({ where: { citizenId: citizen.id }, order: { createdAt: 'ASC', id: 'ASC' } });
  const act = (reportId: string, body: Record<string, unknown>) =>
    app.http
      .post(`/api/v1/staff/reports/${reportId}/actions`)
      .set(bearer(staffToken(app.deps, handler)))
      .send(body);

  /** A citizen whose report the handler has signed, with `accepts` signed-subscriptions granted. */
  async function signedReport(accepts: number): Promise<{ citizen: Citizen; reportId: string }> {
    const citizen = await buildCitizen(app.dataSource);
    for (let index = 0; index < accepts; index++) await subscribe(citizen, { 'tmpl-signed': 'accept' }).expect(200);
    const report = await submitReport(app, citizen, { categoryCode: 'power' });
    expect((await act(report.body.id, { action: 'sign' })).status).toBe(200);
    return { citizen, reportId: report.body.id };
  }

  beforeAll(async () => {
    wechat = await new FakeHttpServer()
      .on('POST', '/cgi-bin/stable_token', () => ({ body: { access_token: 'token-1', expires_in: 7200 } }))
      .on('POST', '/cgi-bin/message/subscribe/send', (request: FakeRequest) => {
        if (request.query.get('access_token') !== 'token-1')
          return { body: { errcode: 40001, errmsg: 'invalid credential' } };
        return answers.shift() ?? { body: { errcode: 0, errmsg: 'ok' }, delayMs: 5 };
      })
      .start();
    app = await createTestApp({ config: { push: pushConfigFrom(ENV) } });
    const world = await buildWorld(app.dataSource);
    handler = await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id });
  });
  afterAll(async () => {
    await app.close();
    await wechat.stop();
  });
  beforeEach(async () => {
    answers = [];
    wechat.requests.length = 0;
    // Each test starts from an empty outbox, so one's rows never reach another's sender.
    await app.dataSource.getRepository(PushOutboxMessage).clear();
  });

  it('sends a signed report once, with the configured template, page and data, and uses the subscription', async () => {
    const { citizen, reportId } = await signedReport(2);
    const [row] = await outboxOf(citizen);
    expect(row).toMatchObject({
      topic: 'report_signed',
      status: 'pending',
      attempts: 0,
      page: `packages/my-reports/detail/index?id=${reportId}`,
    });
    // The in-app message centre has the same news.
    expect(
      await app.dataSource.getRepository(Message).countBy({ recipientId: citizen.id, kind: 'report_signed' }),
    ).toBe(1);

    const sender = senderFor('worker-a');
    expect(await sender.runOnce(new Date())).toEqual({ sent: 1, refused: 0, failed: 0, retried: 0 });
    expect(await sender.runOnce(new Date(Date.now() + 10 * MINUTE))).toEqual({
      sent: 0,
      refused: 0,
      failed: 0,
      retried: 0,
    });

    const [sent] = sends();
    expect(sends()).toHaveLength(1);
    expect(sent).toMatchObject({
      touser: citizen.openid,
      template_id: 'tmpl-signed',
      page: row.page,
      miniprogram_state: 'trial',
    });
    expect(sent.data.character_string1.value).toMatch(/^HY\d{8}-\d{4}$/);
    expect(sent.data.thing2.value).toBe('城关镇供电所');
    expect(sent.data.time3.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(sent.data.phrase4.value).toBe('已受理');
    expect((await outboxOf(citizen))[0]).toMatchObject({
      status: 'sent',
      attempts: 1,
      lastError: null,
      claimedBy: 'worker-a',
    });
    expect(await remaining(citizen, 'report_signed')).toBe(1);
  });

  it('retries after a failure with growing delays, sends once, and uses one subscription', async () => {
    const { citizen } = await signedReport(2);
    answers = [{ body: { errcode: -1, errmsg: 'system error' } }, { status: 502, body: 'bad gateway' }];
    const sender = senderFor('worker-a');
    const t0 = new Date(Date.now() + MINUTE);

    expect(await sender.runOnce(t0)).toMatchObject({ retried: 1 });
    let [row] = await outboxOf(citizen);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: '-1 system error' });
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + RETRY_BACKOFF.baseMs);
    // Not due yet: nothing happens.
    expect(await sender.runOnce(new Date(t0.getTime() + 30_000))).toEqual({
      sent: 0,
      refused: 0,
      failed: 0,
      retried: 0,
    });

    const t1 = new Date(t0.getTime() + RETRY_BACKOFF.baseMs);
    expect(await sender.runOnce(t1)).toMatchObject({ retried: 1 });
    [row] = await outboxOf(citizen);
    expect(row.nextAttemptAt.getTime()).toBe(t1.getTime() + 2 * RETRY_BACKOFF.baseMs);
    expect(await remaining(citizen, 'report_signed')).toBe(2);

    expect(await sender.runOnce(new Date(t1.getTime() + 2 * RETRY_BACKOFF.baseMs))).toMatchObject({ sent: 1 });
    expect(await sender.runOnce(new Date(t1.getTime() + 60 * MINUTE))).toMatchObject({ sent: 0 });
    expect(sends()).toHaveLength(3);
    expect((await outboxOf(citizen))[0]).toMatchObject({ status: 'sent', attempts: 3 });
    expect(await remaining(citizen, 'report_signed')).toBe(1);
  });

  it('takes 43101 as the final answer: refused, never retried, and the count set to zero', async () => {
    const { citizen } = await signedReport(1);
    answers = [{ body: { errcode: 43101, errmsg: 'user refuse to accept the msg' } }];
    const sender = senderFor('worker-a');
    expect(await sender.runOnce(new Date())).toEqual({ sent: 0, refused: 1, failed: 0, retried: 0 });
    expect(await sender.runOnce(new Date(Date.now() + 24 * 60 * MINUTE))).toMatchObject({ refused: 0, retried: 0 });
    expect(sends()).toHaveLength(1);
    expect((await outboxOf(citizen))[0]).toMatchObject({ status: 'refused', attempts: 1 });
    expect(await remaining(citizen, 'report_signed')).toBe(0);
  });

  it('backs off on the daily quota and stops the run, without using subscriptions', async () => {
    const first = await signedReport(1);
    const second = await signedReport(1);
    answers = [{ body: { errcode: 45009, errmsg: 'reach max api daily quota limit' } }];
    const sender = senderFor('worker-a');
    const now = new Date(Date.now() + MINUTE);
    expect(await sender.runOnce(now)).toEqual({ sent: 0, refused: 0, failed: 0, retried: 1 });
    // The second message was not even tried: the quota is the same for it.
    expect(sends()).toHaveLength(1);
    const [row] = await outboxOf(first.citizen);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + QUOTA_BACKOFF.baseMs);
    expect((await outboxOf(second.citizen))[0]).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await remaining(first.citizen, 'report_signed')).toBe(1);

    expect(await sender.runOnce(new Date(now.getTime() + QUOTA_BACKOFF.baseMs))).toMatchObject({ sent: 2 });
    expect(await remaining(first.citizen, 'report_signed')).toBe(0);
    expect(await remaining(second.citizen, 'report_signed')).toBe(0);
  });

  it('queues nothing without a subscription, and refuses without calling WeChat once the count is used up', async () => {
    const unsubscribed = await signedReport(0);
    expect(await outboxOf(unsubscribed.citizen)).toHaveLength(0);
    expect(await app.dataSource.getRepository(Message).countBy({ recipientId: unsubscribed.citizen.id })).toBe(1);

    // One accept, two messages queued: the second finds the count used up.
    const { citizen, reportId } = await signedReport(1);
    await subscribe(citizen, { 'tmpl-resolved': 'accept' }).expect(200);
    await app.dataSource.getRepository(PushOutboxMessage).insert({ ...(await outboxOf(citizen))[0], id: newId() });
    const sender = senderFor('worker-a');
    expect(await sender.runOnce(new Date())).toEqual({ sent: 1, refused: 1, failed: 0, retried: 0 });
    expect(sends()).toHaveLength(1);

    // Resolving queues the resolved message with the page to rate the report.
    expect((await act(reportId, { action: 'resolve', note: '已更换电线杆' })).status).toBe(200);
    expect(await sender.runOnce(new Date(Date.now() + MINUTE))).toMatchObject({ sent: 1 });
    const resolved = sends()[1];
    expect(resolved).toMatchObject({
      template_id: 'tmpl-resolved',
      page: `packages/my-reports/detail/index?id=${reportId}&rate=1`,
    });
    expect(resolved.data.thing4.value).toBe('请查看办理结果并评价');
  });

  it('never sends a message twice when two workers run at the same time', async () => {
    const citizen = await buildCitizen(app.dataSource);
    await app.dataSource.getRepository(PushSubscription).insert({
      citizenId: citizen.id,
      topic: 'report_signed',
      templateId: 'tmpl-signed',
      answer: 'accept',
      remaining: 100,
      updatedAt: new Date(),
    });
    const now = new Date();
    const rows = Array.from({ length: 24 }, (_, index) => ({
      id: newId(),
      citizenId: citizen.id,
      topic: 'report_signed' as const,
      page: `packages/my-reports/detail/index?id=r${index}`,
      content: {
        serialNo: `HY20260101-${String(index).padStart(4, '0')}`,
        title: '路灯',
        department: '供电所',
        time: now.toISOString(),
        dueDate: '',
        status: '已受理',
      },
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: now,
      claimedBy: null,
      claimedAt: null,
      lastError: null,
      messageId: null,
      sentAt: null,
    }));
    await app.dataSource.getRepository(PushOutboxMessage).insert(rows);

    const results = await Promise.all([
      senderFor('worker-a').runOnce(now),
      senderFor('worker-b').runOnce(now),
      senderFor('worker-c').runOnce(now),
    ]);
    expect(results.reduce((sum, run) => sum + run.sent, 0)).toBe(24);
    const pages = sends().map((body) => body.page);
    expect(pages).toHaveLength(24);
    expect(new Set(pages).size).toBe(24);
    expect(await remaining(citizen, 'report_signed')).toBe(76);
    expect(
      await app.dataSource.getRepository(PushOutboxMessage).countBy({ citizenId: citizen.id, status: 'sent' }),
    ).toBe(24);
  });

  it('marks a message left mid-send by a crashed worker failed instead of sending it again', async () => {
    const { citizen } = await signedReport(1);
    const [row] = await outboxOf(citizen);
    const crashedAt = new Date();
    await app.dataSource
      .getRepository(PushOutboxMessage)
      .update({ id: row.id }, { status: 'sending', claimedBy: 'dead-worker', claimedAt: crashedAt, attempts: 1 });
    const sender = senderFor('worker-a');
    await sender.runOnce(new Date(crashedAt.getTime() + CLAIM_TIMEOUT_MS - 1000));
    expect((await outboxOf(citizen))[0].status).toBe('sending');
    await sender.runOnce(new Date(crashedAt.getTime() + CLAIM_TIMEOUT_MS + 1000));
    expect((await outboxOf(citizen))[0]).toMatchObject({
      status: 'failed',
      lastError: 'interrupted while sending; not repeated',
    });
    expect(sends()).toHaveLength(0);
  });

  it('announces a first publication of a notice to followers in its region, in-app and by subscribe message', async () => {
    const follower = await buildCitizen(app.dataSource);
    const followerWithoutSubscription = await buildCitizen(app.dataSource);
    const elsewhere = await buildCitizen(app.dataSource, { villageCode: REGIONS.jianchiVillage });
    const notFollowing = await buildCitizen(app.dataSource);
    for (const citizen of [follower, followerWithoutSubscription, elsewhere]) {
      await app.http
        .put('/api/v1/push/follows')
        .set(bearer(citizenToken(app.deps, citizen)))
        .send({ topics: ['village_notices'] })
        .expect(200);
    }
    for (const citizen of [follower, elsewhere, notFollowing])
      await subscribe(citizen, { 'tmpl-notice': 'accept' }).expect(200);

    const cadre = await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.chengguanVillage });
    const cadreAuth = bearer(staffToken(app.deps, cadre));
    const notice = await app.http.post('/api/v1/staff/notices').set(cadreAuth).send({
      title: '五一村低保评议结果公示',
      body: '经村民代表大会评议……',
      category: 'village',
      regionCode: REGIONS.chengguanVillage,
    });
    expect(notice.status).toBe(201);
    expect((await app.http.post(`/api/v1/staff/notices/${notice.body.id}/publish`).set(cadreAuth)).status).toBe(200);

    const announced = await app.dataSource
      .getRepository(Message)
      .findBy({ kind: 'notice_published', noticeId: notice.body.id });
    expect(announced.map((message) => message.recipientId).sort()).toEqual(
      [follower.id, followerWithoutSubscription.id].sort(),
    );
    const queued = await app.dataSource.getRepository(PushOutboxMessage).findBy({ topic: 'notice' });
    expect(queued.map((row) => row.citizenId)).toEqual([follower.id]);
    expect(queued[0].messageId).toBe(announced.find((message) => message.recipientId === follower.id)!.id);

    expect(await senderFor('worker-a').runOnce(new Date(Date.now() + MINUTE))).toMatchObject({ sent: 1 });
    expect(sends()[0]).toMatchObject({
      touser: follower.openid,
      template_id: 'tmpl-notice',
      page: `packages/notices/detail/index?id=${notice.body.id}`,
    });
    expect(sends()[0].data).toEqual({
      thing1: { value: '五一村低保评议结果公示' },
      thing5: { value: '五一村' },
      date2: { value: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    });

    // Withdrawn and published again: a correction, not news.
    await app.http.post(`/api/v1/staff/notices/${notice.body.id}/withdraw`).set(cadreAuth).expect(200);
    await app.http.post(`/api/v1/staff/notices/${notice.body.id}/publish`).set(cadreAuth).expect(200);
    expect(
      await app.dataSource.getRepository(Message).countBy({ kind: 'notice_published', noticeId: notice.body.id }),
    ).toBe(2);
  });
});
