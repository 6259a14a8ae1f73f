import { ContentCheck, Report } from '../../db/entities';
import { runDueChecks } from '../../commands/contentCheckRunner';
import { ContentCheckJob } from '../../jobs/contentChecks';
import { createContentSecurityApp } from '../../test/contentSecurityApp';
import { bearer, buildCitizen, buildWorld, citizenToken, submitReport } from '../../test/factories';
import { FakeWechat, REVIEW_WORD, RISKY_WORD } from '../../test/fakeWechat';
import { createTestApp, type TestApp } from '../../test/testApp';
import type { Citizen } from '../../db/entities';

const MINUTE = 60_000;

describe('content security of citizen text at submission (msg_sec_check v2)', () => {
  let wechat: FakeWechat;
  let app: TestApp;
  let citizen: Citizen;

  const checksOf = (reportId: string) =>
    app.dataSource.getRepository(ContentCheck).find({ where: { reportId }, order: { field: 'ASC' } });

  beforeAll(async () => {
    wechat = await new FakeWechat().start();
    app = await createContentSecurityApp(wechat);
    await buildWorld(app.dataSource);
    citizen = await buildCitizen(app.dataSource);
  });
  afterAll(async () => {
    await app.close();
    await wechat.stop();
  });
  beforeEach(() => {
    wechat.down = false;
  });

  it('refuses risky text with a 400 naming the field, and stores nothing', async () => {
    const before = await app.dataSource.getRepository(Report).count();
    const response = await submitReport(app, citizen, { text: `有人在村里发${RISKY_WORD}，请处理` });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'bad_request', field: 'text' });
    expect(response.body.error.message).toContain('反映内容');
    expect(await app.dataSource.getRepository(Report).count()).toBe(before);
    const call = wechat.http.received('/wxa/msg_sec_check').at(-1)!;
    expect(call.json).toMatchObject({ version: 2, scene: 3, openid: citizen.openid });
  });

  it('accepts text WeChat wants reviewed and holds it for staff moderation; passed text is recorded as passed', async () => {
    const response = await submitReport(app, citizen, { text: `路灯坏了${REVIEW_WORD}` });
    expect(response.status).toBe(201);
    const [check] = await checksOf(response.body.id);
    expect(check).toMatchObject({
      field: 'text',
      subjectType: 'report',
      subjectId: response.body.id,
      status: 'review',
      label: 20006,
      moderation: 'held',
    });

    const passed = await submitReport(app, citizen, { text: '村口路灯不亮了' });
    expect(await checksOf(passed.body.id)).toEqual([
      expect.objectContaining({ field: 'text', status: 'pass', moderation: null }),
    ]);
  });

  it('checks nicknames and rating comments too, naming their fields', async () => {
    const asCitizen = bearer(citizenToken(app.deps, citizen));
    const nickname = await app.http.patch('/api/v1/me').set(asCitizen).send({ nickname: RISKY_WORD });
    expect(nickname.status).toBe(400);
    expect(nickname.body.error.field).toBe('nickname');

    const held = await app.http
      .patch('/api/v1/me')
      .set(asCitizen)
      .send({ nickname: `老王${REVIEW_WORD}` });
    expect(held.status).toBe(200);
    const check = await app.dataSource
      .getRepository(ContentCheck)
      .findOneByOrFail({ subjectType: 'citizen', subjectId: citizen.id });
    expect(check).toMatchObject({
      field: 'nickname',
      status: 'review',
      moderation: 'held',
      regionCode: citizen.villageCode,
    });
    expect(wechat.http.received('/wxa/msg_sec_check').at(-1)!.json).toMatchObject({ scene: 1 });

    const report = await submitReport(app, citizen, { text: '水管漏水' });
    const rating = await app.http
      .post(`/api/v1/reports/${report.body.id}/rating`)
      .set(asCitizen)
      .send({ score: 5, comment: RISKY_WORD });
    expect(rating.status).toBe(400);
    expect(rating.body.error.field).toBe('comment');
  });

  it('keeps the report when WeChat is down and retries the check with backoff until it answers', async () => {
    wechat.down = true;
    const submittedAt = Date.now();
    const response = await submitReport(app, citizen, { text: '桥面塌陷，请尽快维修' });
    expect(response.status).toBe(201);
    const [queued] = await checksOf(response.body.id);
    expect(queued).toMatchObject({ status: 'queued', attempts: 0, moderation: null });
    expect(queued.lastError).toContain('503');
    expect(queued.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(submittedAt + MINUTE - 1000);

    // Not due yet: nothing is attempted.
    expect(await runDueChecks(app.deps, new Date(submittedAt), 100)).toBe(0);
    // Due, WeChat still down: one attempt, the next one a while later.
    const firstRetry = new Date(submittedAt + 2 * MINUTE);
    await runDueChecks(app.deps, firstRetry, 100);
    const [retried] = await checksOf(response.body.id);
    expect(retried).toMatchObject({ status: 'queued', attempts: 1 });
    expect(retried.nextAttemptAt!.getTime()).toBe(firstRetry.getTime() + MINUTE);

    // WeChat is back: the scheduler's job checks the stored text.
    wechat.down = false;
    const job = new ContentCheckJob(app.deps);
    expect(await job.runOnce(new Date(submittedAt + 10 * MINUTE))).toBeGreaterThanOrEqual(1);
    const [done] = await checksOf(response.body.id);
    expect(done).toMatchObject({ status: 'pass', attempts: 2, nextAttemptAt: null, lastError: null });
  });

  it('holds text that turns out risky after it was stored, for staff to decide', async () => {
    wechat.down = true;
    const response = await submitReport(app, citizen, { text: `补充：${RISKY_WORD}` });
    expect(response.status).toBe(201);
    wechat.down = false;
    await runDueChecks(app.deps, new Date(Date.now() + 5 * MINUTE), 100);
    const [check] = await checksOf(response.body.id);
    expect(check).toMatchObject({ status: 'risky', moderation: 'held' });
  });

  it('fetches a fresh access token once when WeChat calls the cached one stale', async () => {
    wechat.generation += 1;
    const refreshesBefore = wechat.http
      .received('/cgi-bin/stable_token')
      .filter((request) => (request.json as { force_refresh?: boolean }).force_refresh).length;
    const response = await submitReport(app, citizen, { text: '垃圾没人清运' });
    expect(response.status).toBe(201);
    expect(await checksOf(response.body.id)).toEqual([expect.objectContaining({ status: 'pass' })]);
    const refreshes = wechat.http
      .received('/cgi-bin/stable_token')
      .filter((request) => (request.json as { force_refresh?: boolean }).force_refresh);
    expect(refreshes).toHaveLength(refreshesBefore + 1);
  });
});

describe('without WeChat configured', () => {
  it('checks nothing and records the text as unchecked, never as passed', async () => {
    const app = await createTestApp();
    try {
      await buildWorld(app.dataSource);
      const citizen = await buildCitizen(app.dataSource);
      const response = await submitReport(app, citizen, { text: `任何内容${RISKY_WORD}`, public: false });
      expect(response.status).toBe(201);
      const checks = await app.dataSource.getRepository(ContentCheck).findBy({ reportId: response.body.id });
      expect(checks).toEqual([
        expect.objectContaining({ field: 'text', status: 'unchecked', moderation: null, nextAttemptAt: null }),
      ]);
      expect(await runDueChecks(app.deps, new Date(Date.now() + 60 * MINUTE), 100)).toBe(0);
      // A public report (公开 is on by default) would reach the village board: a moderator must check it instead.
      const shown = await submitReport(app, citizen, { text: '村口路灯不亮' });
      const held = await app.dataSource.getRepository(ContentCheck).findBy({ reportId: shown.body.id });
      expect(held).toEqual([expect.objectContaining({ field: 'text', status: 'unchecked', moderation: 'held' })]);
    } finally {
      await app.close();
    }
  });
});
