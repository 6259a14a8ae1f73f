import {
  FollowResultSchema,
  FollowingResponseSchema,
  ReportDetailSchema,
  SimilarReportsResponseSchema,
  type StaffQueueItem,
  type StaffReport,
} from '@minqing/shared';

type StaffQueueResponse = { items: StaffQueueItem[]; total: number };
import { Message, Report, ReportFollower } from '../../db/entities';
import { REGIONS, bearer, buildCitizen, buildStaff, citizenToken, staffToken } from '../../test/factories';
import { OPENNESS_NOW, OPEN_TEXT, type OpennessWorld, SECRETS, buildOpennessWorld } from '../../test/opennessWorld';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('我也遇到: similar reports, following, 我关注的', () => {
  let app: TestApp;
  let world: OpennessWorld;
  let now = OPENNESS_NOW;
  /** A neighbour of the reporter about to report the same muddy water. */
  let neighbour: { id: string; token: string };
  let stranger: { id: string; token: string };

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    world = await buildOpennessWorld(app, (at) => {
      now = at;
    });
    const villager = async (nickname: string) => {
      const citizen = await buildCitizen(app.dataSource, { nickname });
      return { id: citizen.id, token: citizenToken(app.deps, citizen) };
    };
    neighbour = await villager('邻居王大姐');
    stranger = await villager('外人');
  }, 90_000);
  afterAll(() => app.close());

  const similar = (token: string, text: string, villageCode: string = REGIONS.chengguanVillage) =>
    app.http
      .get(`/api/v1/reports/similar?villageCode=${villageCode}&text=${encodeURIComponent(text)}`)
      .set(bearer(token));
  const follow = (token: string, id: string) => app.http.post(`/api/v1/reports/${id}/follow`).set(bearer(token));
  const unfollow = (token: string, id: string) => app.http.delete(`/api/v1/reports/${id}/follow`).set(bearer(token));
  const following = (token: string, query = '') => app.http.get(`/api/v1/reports/following${query}`).set(bearer(token));
  const rowsOf = (reportId: string) => app.dataSource.getRepository(ReportFollower).countBy({ reportId });
  const countOf = async (reportId: string) =>
    (await app.dataSource.getRepository(Report).findOneByOrFail({ id: reportId })).followerCount;
  const messagesOf = (citizenId: string) =>
    app.dataSource
      .getRepository(Message)
      .find({ where: { recipientType: 'citizen', recipientId: citizenId }, order: { createdAt: 'ASC' } });
  /** Nothing that could tell who reported: nickname, phone, openid, place, the voice clip or its transcript. */
  const expectNoReporter = (body: unknown, fields: 'none' | 'nulled' = 'none') => {
    const text = JSON.stringify(body);
    for (const secret of [
      SECRETS.nickname,
      SECRETS.phone,
      SECRETS.phone.slice(-4),
      SECRETS.openid,
      SECRETS.address,
      String(SECRETS.lat),
      SECRETS.whistleNickname,
      SECRETS.whistleOpenid,
      world.media.voiceId,
    ])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/nickname|phone|openid|citizenId|"lat"|"lng"/);
    // A list carries no such fields at all; a detail keeps the shape with them emptied.
    if (fields === 'none') expect(text).not.toMatch(/transcript|voice/);
  };

  it('answers 401 without a citizen token, staff included', async () => {
    const staff = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }),
    );
    for (const request of [
      () => app.http.get(`/api/v1/reports/similar?villageCode=${REGIONS.chengguanVillage}&text=水浑浊`),
      () => app.http.get('/api/v1/reports/following'),
      () => app.http.post(`/api/v1/reports/${world.reports.open.id}/follow`),
      () => app.http.delete(`/api/v1/reports/${world.reports.open.id}/follow`),
    ]) {
      expect((await request()).status).toBe(401);
      expect([401, 403]).toContain((await request().set(bearer(staff))).status);
    }
  });

  it('shows a neighbour the open report of the village that looks like theirs, by its checked text only', async () => {
    const response = await similar(neighbour.token, '二组的自来水浑浊，好几天了');
    expect(response.status).toBe(200);
    const { items } = SimilarReportsResponseSchema.parse(response.body);
    expect(items).toEqual([
      {
        id: world.reports.open.id,
        serialNo: world.reports.open.serialNo,
        excerpt: OPEN_TEXT,
        status: 'dispatched',
        category: { code: 'power', name: '供电' },
        department: { id: world.world.power.id, name: '城关镇供电所' },
        followers: 0,
      },
    ]);
    expect(Object.keys(response.body.items[0]).sort()).toEqual(
      ['category', 'department', 'excerpt', 'followers', 'id', 'serialNo', 'status'].sort(),
    );
    expectNoReporter(response.body);
    // Unrelated words find nothing; another village's board is not this village's.
    expect((await similar(neighbour.token, '村里的广场舞音乐太吵')).body.items).toEqual([]);
    expect((await similar(neighbour.token, OPEN_TEXT, REGIONS.jianchiVillage)).body.items).toEqual([]);
  });

  it('never lists anonymous, 违法举报, 涉疫, 风险, 代表工作, unchecked, 不公开 or resolved reports, nor one’s own', async () => {
    const cases: [string, keyof OpennessWorld['reports']][] = [
      [SECRETS.anonymousText, 'anonymous'],
      [SECRETS.epidemicText, 'epidemic'],
      [SECRETS.riskText, 'risk'],
      [SECRETS.deputyText, 'deputy'],
      [SECRETS.heldText, 'held'],
      [SECRETS.privateText, 'private'],
      [SECRETS.oldText, 'old'],
      ['村口电线杆倾斜，存在安全隐患，请尽快处理', 'resolved'],
    ];
    for (const [text, key] of cases) {
      const { body } = await similar(neighbour.token, text);
      expect(body.items.map((item: { id: string }) => item.id)).not.toContain(world.reports[key].id);
      expectNoReporter(body);
    }
    // The reporter is not offered their own report.
    expect((await similar(world.tokens.citizen, OPEN_TEXT)).body.items).toEqual([]);
  });

  it('answers 400 naming the field for a bad query, never 500', async () => {
    for (const [query, field] of [
      [`villageCode=${REGIONS.chengguanVillage}`, 'text'],
      [`villageCode=${REGIONS.chengguanVillage}&text=%20%20`, 'text'],
      [`villageCode=${REGIONS.chengguanVillage}&text=${'a'.repeat(4001)}`, 'text'],
      ['text=水浑浊', 'villageCode'],
      ['villageCode=abc&text=水浑浊', 'villageCode'],
      [`villageCode=${REGIONS.chengguan}&text=水浑浊`, 'villageCode'],
    ] as const) {
      const response = await app.http.get(`/api/v1/reports/similar?${query}`).set(bearer(neighbour.token));
      expect(response.status).toBe(400);
      expect(response.body.error.field).toBe(field);
    }
  });

  it('follows once however often it is tapped, two taps at once included', async () => {
    const first = await follow(neighbour.token, world.reports.open.id);
    expect(first.status).toBe(200);
    expect(FollowResultSchema.parse(first.body)).toEqual({ followers: 1, following: true });
    expect((await follow(neighbour.token, world.reports.open.id)).body).toEqual({ followers: 1, following: true });

    const both = await Promise.all([
      follow(stranger.token, world.reports.open.id),
      follow(stranger.token, world.reports.open.id),
    ]);
    expect(both.map((response) => response.status)).toEqual([200, 200]);
    expect(await rowsOf(world.reports.open.id)).toBe(2);
    expect(await countOf(world.reports.open.id)).toBe(2);
    // Following is not a change staff act on: the report's version is untouched.
    const report = await app.dataSource.getRepository(Report).findOneByOrFail({ id: world.reports.open.id });
    expect(report.updatedAt.toISOString()).toBe(new Date(OPENNESS_NOW.getTime() - 2 * 86400_000).toISOString());
    expect((await similar(neighbour.token, OPEN_TEXT)).body.items[0].followers).toBe(2);
  });

  it('refuses with 404 to follow one’s own report or one /similar could not list', async () => {
    expect((await follow(world.tokens.citizen, world.reports.open.id)).status).toBe(404);
    for (const key of ['anonymous', 'epidemic', 'risk', 'deputy', 'held', 'private', 'resolved', 'old'] as const) {
      const response = await follow(neighbour.token, world.reports[key].id);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    }
    expect((await follow(neighbour.token, '01JZZZZZZZZZZZZZZZZZZZZZZZ')).status).toBe(404);
    expect((await follow(neighbour.token, 'not-an-id')).status).toBe(404);
    expect(await rowsOf(world.reports.anonymous.id)).toBe(0);
  });

  it('lists what one follows under 我关注的, paged, without the reporter', async () => {
    const response = await following(neighbour.token);
    expect(response.status).toBe(200);
    const page = FollowingResponseSchema.parse(response.body);
    expect(page).toMatchObject({ total: 1, page: 1 });
    expect(page.items[0]).toMatchObject({
      id: world.reports.open.id,
      serialNo: world.reports.open.serialNo,
      excerpt: OPEN_TEXT,
      statusName: expect.any(String),
      villageName: '五一村',
      followers: 2,
      followedAt: OPENNESS_NOW.toISOString(),
    });
    expectNoReporter(response.body);
    expect((await following(world.tokens.citizen)).body).toMatchObject({ items: [], total: 0 });
    expect((await following(neighbour.token, '?pageSize=500')).body.error.field).toBe('pageSize');
  });

  it('shows a follower the public view of the report, and nobody else anything', async () => {
    const response = await app.http.get(`/api/v1/reports/${world.reports.open.id}`).set(bearer(neighbour.token));
    expect(response.status).toBe(200);
    const detail = ReportDetailSchema.parse(response.body);
    expect(detail).toMatchObject({
      id: world.reports.open.id,
      text: OPEN_TEXT,
      following: true,
      transcript: null,
      transcriptSource: null,
      voice: null,
      location: null,
      onBehalf: null,
      allowedActions: [],
    });
    expectNoReporter(response.body, 'nulled');
    const outsider = await buildCitizen(app.dataSource);
    const refused = await app.http
      .get(`/api/v1/reports/${world.reports.open.id}`)
      .set(bearer(citizenToken(app.deps, outsider)));
    expect(refused.status).toBe(403);
    // The reporter still sees their own report in full.
    const own = await app.http.get(`/api/v1/reports/${world.reports.open.id}`).set(bearer(world.tokens.citizen));
    expect(own.body).toMatchObject({ location: { lat: SECRETS.lat }, allowedActions: expect.any(Array) });
    expect(own.body.following).toBeUndefined();
  });

  it('shows staff the 热度 in queue rows and the detail, and sorts the most followed first', async () => {
    const queue = await app.http.get('/api/v1/staff/reports?tab=all&sort=followers').set(bearer(world.tokens.county));
    expect(queue.status).toBe(200);
    const page = queue.body as StaffQueueResponse;
    expect(page.items[0]).toMatchObject({ id: world.reports.open.id, followers: 2 });
    expect(page.items.slice(1).every((item) => item.followers === 0)).toBe(true);
    const newest = await app.http.get('/api/v1/staff/reports?tab=all').set(bearer(world.tokens.county));
    expect(newest.body.items[0].id).not.toBe(world.reports.open.id);
    const detail = await app.http
      .get(`/api/v1/staff/reports/${world.reports.open.id}`)
      .set(bearer(world.tokens.county));
    expect((detail.body as StaffReport).followers).toBe(2);
    expect(
      (await app.http.get('/api/v1/staff/reports?sort=hottest').set(bearer(world.tokens.county))).body.error.field,
    ).toBe('sort');
  });

  it('tells followers of its progress and resolution; only the reporter is asked to rate, and may', async () => {
    const act = (body: Record<string, unknown>) =>
      app.http
        .post(`/api/v1/staff/reports/${world.reports.open.id}/actions`)
        .set(bearer(world.tokens.handler))
        .send(body);
    now = new Date(OPENNESS_NOW.getTime() + 3600_000);
    expect((await act({ action: 'sign' })).status).toBe(200);
    now = new Date(OPENNESS_NOW.getTime() + 2 * 3600_000);
    expect((await act({ action: 'resolve', note: '已冲洗管道并消毒，水质恢复' })).status).toBe(200);

    for (const follower of [neighbour, stranger]) {
      const messages = await messagesOf(follower.id);
      expect(messages.map((message) => [message.kind, message.title])).toEqual([
        ['report_signed', '您关注的问题已受理'],
        ['report_resolved', '您关注的问题已办结'],
      ]);
      expect(messages[1].body).toContain(`您关注的「${OPEN_TEXT}」（编号 ${world.reports.open.serialNo}）`);
      expect(messages.every((message) => message.reportId === world.reports.open.id)).toBe(true);
      expect(messages.map((message) => message.body).join()).not.toContain('评价');
    }
    const reporterTitles = (await messagesOf((await reporterOf(world.reports.open.id)) as string)).map((m) => m.title);
    expect(reporterTitles).toContain('已办结，请评价');

    const rated = (token: string) =>
      app.http.post(`/api/v1/reports/${world.reports.open.id}/rating`).set(bearer(token)).send({ score: 5 });
    expect((await rated(neighbour.token)).status).toBe(403);
    expect((await rated(world.tokens.citizen)).status).toBe(200);

    // The follower's view shows the department's answer, and still nothing of the reporter.
    const view = await app.http.get(`/api/v1/reports/${world.reports.open.id}`).set(bearer(neighbour.token));
    expect(view.body.timeline.map((event: { note: string | null }) => event.note)).toContain(
      '已冲洗管道并消毒，水质恢复',
    );
    expect(view.body.rating).toBeNull();
    expect(view.body.statusName).toBe('已办结');
    expect((await following(neighbour.token)).body.items[0].statusName).toBe('已办结');
    expectNoReporter(view.body, 'nulled');
  });

  it('leaves a report on DELETE, once; a report one never followed and may not follow is 404', async () => {
    const left = await unfollow(stranger.token, world.reports.open.id);
    expect(left.status).toBe(200);
    expect(left.body).toEqual({ followers: 1, following: false });
    expect((await unfollow(stranger.token, world.reports.open.id)).status).toBe(404);
    expect(await countOf(world.reports.open.id)).toBe(1);
    expect((await following(stranger.token)).body.total).toBe(0);
    expect((await app.http.get(`/api/v1/reports/${world.reports.open.id}`).set(bearer(stranger.token))).status).toBe(
      403,
    );
    expect((await unfollow(neighbour.token, world.reports.anonymous.id)).status).toBe(404);
    // The neighbour still follows it after it was resolved, and may leave then too.
    expect((await unfollow(neighbour.token, world.reports.open.id)).body).toEqual({ followers: 0, following: false });
    expect(await rowsOf(world.reports.open.id)).toBe(0);
  });

  const reporterOf = async (reportId: string) =>
    (await app.dataSource.getRepository(Report).findOneByOrFail({ id: reportId })).citizenId;
});
