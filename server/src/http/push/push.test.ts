import { PushSettingsSchema } from '@minqing/shared';
import { PushFollow, PushSubscription, type Citizen } from '../../db/entities';
import { pushConfigFrom } from '../../integrations/wechat/pushConfig';
import { bearer, buildCitizen, buildWorld, citizenToken } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('/api/v1/push', () => {
  let app: TestApp;
  let citizen: Citizen;
  const as = (who: Citizen) => bearer(citizenToken(app.deps, who));
  const answer = (answers: unknown, who = citizen) =>
    app.http.post('/api/v1/push/subscriptions').set(as(who)).send({ answers });
  const counts = async (who = citizen) =>
    Object.fromEntries(
      (await app.dataSource.getRepository(PushSubscription).findBy({ citizenId: who.id })).map((row) => [
        row.topic,
        [row.answer, row.remaining],
      ]),
    );

  beforeAll(async () => {
    app = await createTestApp({
      config: {
        push: pushConfigFrom({
          WECHAT_TEMPLATE_REPORT_SIGNED: 'tmpl-signed',
          WECHAT_TEMPLATE_REPORT_RESOLVED: 'tmpl-resolved',
          WECHAT_TEMPLATE_ARTICLE: 'tmpl-article',
        }),
      },
    });
    await buildWorld(app.dataSource);
    citizen = await buildCitizen(app.dataSource);
  });
  afterAll(() => app.close());

  it('answers 401 without a citizen token', async () => {
    expect((await app.http.get('/api/v1/push/settings')).status).toBe(401);
    expect(
      (await app.http.post('/api/v1/push/subscriptions').send({ answers: { 'tmpl-signed': 'accept' } })).status,
    ).toBe(401);
    expect((await app.http.put('/api/v1/push/follows').send({ topics: [] })).status).toBe(401);
  });

  it('tells the mini-program which templates to request; unconfigured ones are null', async () => {
    const settings = await app.http.get('/api/v1/push/settings').set(as(citizen));
    expect(settings.status).toBe(200);
    expect(PushSettingsSchema.parse(settings.body)).toEqual({
      templates: {
        report_signed: 'tmpl-signed',
        report_resolved: 'tmpl-resolved',
        notice: null,
        article: 'tmpl-article',
      },
      subscriptions: [],
      follows: [],
    });
  });

  it('counts each accept as one message, keeps them on reject, drops them on ban', async () => {
    const someone = await buildCitizen(app.dataSource);
    await answer({ 'tmpl-signed': 'accept', 'tmpl-resolved': 'reject' }, someone).expect(200);
    // Two answers at the same moment both count.
    await Promise.all([answer({ 'tmpl-signed': 'accept' }, someone), answer({ 'tmpl-signed': 'accept' }, someone)]);
    expect(await counts(someone)).toEqual({ report_signed: ['accept', 3], report_resolved: ['reject', 0] });
    const rejected = await answer({ 'tmpl-signed': 'reject', 'tmpl-resolved': 'accept' }, someone);
    expect(rejected.body.subscriptions).toEqual([
      { topic: 'report_resolved', answer: 'accept', remaining: 1 },
      { topic: 'report_signed', answer: 'reject', remaining: 3 },
    ]);
    await answer({ 'tmpl-signed': 'ban' }, someone).expect(200);
    expect(await counts(someone)).toEqual({ report_signed: ['ban', 0], report_resolved: ['accept', 1] });
  });

  it('starts counting afresh when the operator configured another template', async () => {
    const someone = await buildCitizen(app.dataSource);
    await app.dataSource.getRepository(PushSubscription).insert({
      citizenId: someone.id,
      topic: 'report_signed',
      templateId: 'tmpl-old',
      answer: 'accept',
      remaining: 4,
      updatedAt: new Date(),
    });
    await answer({ 'tmpl-signed': 'accept' }, someone).expect(200);
    expect(
      await app.dataSource.getRepository(PushSubscription).findOneBy({ citizenId: someone.id, topic: 'report_signed' }),
    ).toMatchObject({ templateId: 'tmpl-signed', remaining: 1 });
  });

  it('answers 400 naming the field for unknown templates, answers or too many at once', async () => {
    for (const body of [
      { 'tmpl-notice': 'accept' },
      { 'tmpl-signed': 'maybe' },
      {},
      { a: 'accept', b: 'accept', c: 'accept', d: 'accept' },
    ]) {
      const response = await answer(body);
      expect([JSON.stringify(body), response.status, response.body.error.field]).toEqual([
        JSON.stringify(body),
        400,
        expect.stringMatching(/^answers/),
      ]);
    }
    expect(await counts()).toEqual({});
  });

  it('replaces what the citizen follows', async () => {
    const follow = (topics: unknown) => app.http.put('/api/v1/push/follows').set(as(citizen)).send({ topics });
    expect((await follow(['village_notices', 'article_policy', 'article_policy'])).body.follows).toEqual([
      'article_policy',
      'village_notices',
    ]);
    expect((await follow(['article_guide'])).body.follows).toEqual(['article_guide']);
    expect(
      (await app.dataSource.getRepository(PushFollow).findBy({ citizenId: citizen.id })).map((row) => row.topic),
    ).toEqual(['article_guide']);
    const bad = await follow(['article_sports']);
    expect([bad.status, bad.body.error.field]).toEqual([400, 'topics.0']);
  });
});
