import { AuditLog, ReplyTemplate } from '../../db/entities';
import { newId } from '../../db/ids';
import {
  REGIONS,
  type World,
  bearer,
  buildCategory,
  buildCitizen,
  buildStaff,
  buildWorld,
  staffToken,
  submitReport,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('reply templates', () => {
  let app: TestApp;
  let world: World;
  let county: string;
  let dispatcher: string;
  let jianchiDispatcher: string;
  let handler: string;

  const create = (token: string, body: Record<string, unknown>) =>
    app.http.post('/api/v1/staff/reply-templates').set(bearer(token)).send(body);
  const titlesOf = (body: { items: { title: string }[] }) => body.items.map((item) => item.title);

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildWorld(app.dataSource);
    await buildCategory(app.dataSource, { code: 'power_outage', name: '停电', parentCode: 'power' });
    await buildCategory(app.dataSource, { code: 'water', name: '饮水', departmentKind: 'water' });
    county = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }));
    dispatcher = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher' }));
    jianchiDispatcher = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.jianchi }),
    );
    handler = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id }));
  });
  afterAll(() => app.close());

  it('offers a report the enabled templates of its region chain and of its own category only, most specific first', async () => {
    const templates = [
      [county, { title: '县通用', body: '您好，您反映的问题（{编号}）已收到。', regionCode: REGIONS.county }],
      [county, { title: '县供电', body: '供电问题答复', categoryCode: 'power', regionCode: REGIONS.county }],
      [
        dispatcher,
        { title: '镇停电', body: '停电抢修答复', categoryCode: 'power_outage', regionCode: REGIONS.chengguan },
      ],
      [dispatcher, { title: '镇饮水', body: '饮水答复', categoryCode: 'water', regionCode: REGIONS.chengguan }],
      [dispatcher, { title: '已停用', body: '不再使用', regionCode: REGIONS.chengguan, enabled: false }],
      [jianchiDispatcher, { title: '涧池通用', body: '涧池镇答复', regionCode: REGIONS.jianchi }],
    ] as const;
    for (const [token, body] of templates) expect((await create(token, body)).status).toBe(201);

    const citizen = await buildCitizen(app.dataSource);
    const outage = await submitReport(app, citizen, { categoryCode: 'power_outage', text: '全村停电了' });
    const offered = await app.http.get(`/api/v1/staff/reports/${outage.body.id}/reply-templates`).set(bearer(handler));
    expect(offered.status).toBe(200);
    // 县供电 is written for 供电 reports, not for each kind of power problem.
    expect(titlesOf(offered.body)).toEqual(['镇停电', '县通用']);
    expect(offered.body.items[0]).toMatchObject({ categoryName: '停电', regionName: '城关镇', allowedActions: [] });
    const power = await submitReport(app, citizen, { categoryCode: 'power', text: '电压不稳' });
    expect(
      titlesOf(
        (await app.http.get(`/api/v1/staff/reports/${power.body.id}/reply-templates`).set(bearer(handler))).body,
      ),
    ).toEqual(['县供电', '县通用']);

    const uncategorised = await submitReport(app, citizen, { text: '不知道找谁' });
    const general = await app.http
      .get(`/api/v1/staff/reports/${uncategorised.body.id}/reply-templates`)
      .set(bearer(dispatcher));
    expect(titlesOf(general.body)).toEqual(['县通用']);
    // The dispatcher may change 城关镇's templates, but not the county's, even where a report offers it.
    expect(general.body.items[0].allowedActions).toEqual([]);
  });

  it('lists an editor their own templates to change and the wider ones read-only, filtered and paged', async () => {
    const listed = await app.http.get('/api/v1/staff/reply-templates?pageSize=100').set(bearer(dispatcher));
    expect(listed.status).toBe(200);
    const titles = titlesOf(listed.body);
    expect(titles).toEqual(expect.arrayContaining(['县通用', '县供电', '镇停电', '镇饮水', '已停用']));
    expect(titles).not.toContain('涧池通用');
    const allowed = Object.fromEntries(
      listed.body.items.map((item: { title: string; allowedActions: string[] }) => [item.title, item.allowedActions]),
    );
    expect(allowed).toMatchObject({ 县通用: [], 镇停电: ['update', 'delete'] });

    const general = await app.http
      .get('/api/v1/staff/reply-templates?categoryCode=general&enabled=true')
      .set(bearer(dispatcher));
    expect(titlesOf(general.body)).toEqual(['县通用']);
    const keyword = await app.http
      .get(`/api/v1/staff/reply-templates?keyword=${encodeURIComponent('抢修')}`)
      .set(bearer(county));
    expect(titlesOf(keyword.body)).toEqual(['镇停电']);
    const paged = await app.http.get('/api/v1/staff/reply-templates?pageSize=2&page=2').set(bearer(county));
    expect(paged.body).toMatchObject({ total: 6, page: 2, pageSize: 2 });
    expect(paged.body.items).toHaveLength(2);
    expect(
      (await app.http.get('/api/v1/staff/reply-templates?enabled=maybe').set(bearer(county))).body.error.field,
    ).toBe('enabled');
  });

  it('edits, disables and deletes within the region, writing an audit line each time', async () => {
    const created = await create(dispatcher, {
      title: '电压低',
      body: '已安排电工测量电压',
      categoryCode: 'power',
      regionCode: REGIONS.chengguanVillage,
    });
    expect(created.body).toMatchObject({ regionName: '五一村', enabled: true, allowedActions: ['update', 'delete'] });
    const id = created.body.id;
    const patched = await app.http
      .patch(`/api/v1/staff/reply-templates/${id}`)
      .set(bearer(dispatcher))
      .send({ enabled: false, categoryCode: null });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ enabled: false, categoryCode: null, categoryName: null });
    expect(await app.dataSource.getRepository(ReplyTemplate).findOneBy({ id })).toMatchObject({
      enabled: false,
      categoryCode: null,
    });
    expect((await app.http.delete(`/api/v1/staff/reply-templates/${id}`).set(bearer(dispatcher))).status).toBe(204);
    expect(await app.dataSource.getRepository(ReplyTemplate).countBy({ id })).toBe(0);
    const actions = (await app.dataSource.getRepository(AuditLog).findBy({ targetId: id }))
      .map((line) => line.action)
      .sort();
    expect(actions).toEqual(['reply_template.create', 'reply_template.delete', 'reply_template.update']);
  });

  it('answers 400 naming the field for bad input', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ body: '内容', regionCode: REGIONS.chengguan }, 'title'],
      [{ title: '标题', body: ' ', regionCode: REGIONS.chengguan }, 'body'],
      [{ title: '标题', body: '内容', regionCode: 'abc' }, 'regionCode'],
      [{ title: '标题', body: '内容', regionCode: REGIONS.chengguan, categoryCode: 'nope' }, 'categoryCode'],
      [{ title: '标题', body: '内容', regionCode: '610921199' }, 'regionCode'],
      [{ title: '长'.repeat(51), body: '内容', regionCode: REGIONS.chengguan }, 'title'],
    ];
    for (const [body, field] of cases) {
      const response = await create(dispatcher, body);
      expect(response.status).toBe(400);
      expect(response.body.error.field).toBe(field);
    }
    const template = await create(dispatcher, { title: '待改', body: '内容', regionCode: REGIONS.chengguan });
    const empty = await app.http
      .patch(`/api/v1/staff/reply-templates/${template.body.id}`)
      .set(bearer(dispatcher))
      .send({});
    expect(empty.status).toBe(400);
    const unknown = await app.http
      .patch(`/api/v1/staff/reply-templates/${template.body.id}`)
      .set(bearer(dispatcher))
      .send({ colour: 'red' });
    expect(unknown.status).toBe(400);
  });

  it('answers 401 without a token and 403 to other roles and outside the region', async () => {
    expect((await app.http.get('/api/v1/staff/reply-templates')).status).toBe(401);
    expect((await app.http.get(`/api/v1/staff/reports/${world.power.id}/reply-templates`)).status).toBe(401);
    expect((await app.http.get('/api/v1/staff/reply-templates').set(bearer(handler))).status).toBe(403);
    expect((await create(handler, { title: '越权', body: '内容', regionCode: REGIONS.chengguan })).status).toBe(403);
    const sysadmin = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'sysadmin', regionCode: REGIONS.county }),
    );
    expect((await app.http.get('/api/v1/staff/reply-templates').set(bearer(sysadmin))).status).toBe(403);

    expect((await create(dispatcher, { title: '越权', body: '内容', regionCode: REGIONS.jianchi })).status).toBe(403);
    expect((await create(dispatcher, { title: '越权', body: '内容', regionCode: REGIONS.county })).status).toBe(403);
    const countyTemplate = await create(county, { title: '县级模板', body: '内容', regionCode: REGIONS.county });
    expect(
      (
        await app.http
          .patch(`/api/v1/staff/reply-templates/${countyTemplate.body.id}`)
          .set(bearer(dispatcher))
          .send({ enabled: false })
      ).status,
    ).toBe(403);
    expect(
      (await app.http.delete(`/api/v1/staff/reply-templates/${countyTemplate.body.id}`).set(bearer(dispatcher))).status,
    ).toBe(403);
    const own = await create(dispatcher, { title: '本镇', body: '内容', regionCode: REGIONS.chengguan });
    expect(
      (
        await app.http
          .patch(`/api/v1/staff/reply-templates/${own.body.id}`)
          .set(bearer(dispatcher))
          .send({ regionCode: REGIONS.jianchi })
      ).status,
    ).toBe(403);
    expect(await app.dataSource.getRepository(ReplyTemplate).findOneBy({ id: own.body.id })).toMatchObject({
      regionCode: REGIONS.chengguan,
    });
    expect(
      (await app.http.delete('/api/v1/staff/reply-templates/01J00000000000000000000000').set(bearer(dispatcher)))
        .status,
    ).toBe(404);

    const citizen = await buildCitizen(app.dataSource, { villageCode: REGIONS.jianchiVillage });
    const elsewhere = await submitReport(app, citizen, { villageCode: REGIONS.jianchiVillage });
    expect(
      (await app.http.get(`/api/v1/staff/reports/${elsewhere.body.id}/reply-templates`).set(bearer(dispatcher))).status,
    ).toBe(403);
  });

  it('tells each caller exactly the actions the routes then allow them on a template', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const report = (await submitReport(app, citizen, { text: '路灯不亮' })).body.id;
    const place = async (regionCode: string) => {
      const now = new Date('2026-03-02T08:00:00Z');
      const id = newId();
      await app.dataSource.getRepository(ReplyTemplate).insert({
        ...{ id, categoryCode: null, regionCode, title: `模板${id.slice(-4)}`, body: '您好' },
        ...{ enabled: true, createdById: null, createdAt: now, updatedAt: now },
      });
      return id;
    };
    /** From the editors' list, or else from the templates a report of 城关镇 is offered; nothing when neither shows it. */
    const told = async (token: string, id: string): Promise<string[]> => {
      const listed = await app.http.get('/api/v1/staff/reply-templates?pageSize=100').set(bearer(token));
      const offered = await app.http.get(`/api/v1/staff/reports/${report}/reply-templates`).set(bearer(token));
      const items: { id: string; allowedActions: string[] }[] = [
        ...(listed.status === 200 ? listed.body.items : []),
        ...(offered.status === 200 ? offered.body.items : []),
      ];
      return items.find((item) => item.id === id)?.allowedActions ?? [];
    };
    const done = async (token: string, regionCode: string): Promise<string[]> => {
      const updated = await app.http
        .patch(`/api/v1/staff/reply-templates/${await place(regionCode)}`)
        .set(bearer(token))
        .send({ enabled: false });
      const deleted = await app.http
        .delete(`/api/v1/staff/reply-templates/${await place(regionCode)}`)
        .set(bearer(token));
      for (const response of [updated, deleted]) expect([200, 204, 403]).toContain(response.status);
      return [...(updated.status === 200 ? ['update'] : []), ...(deleted.status === 204 ? ['delete'] : [])];
    };
    const expected = {
      county: { [REGIONS.county]: ['update', 'delete'], [REGIONS.chengguan]: ['update', 'delete'] },
      dispatcher: { [REGIONS.county]: [], [REGIONS.chengguan]: ['update', 'delete'], [REGIONS.jianchi]: [] },
      jianchiDispatcher: { [REGIONS.chengguan]: [], [REGIONS.jianchi]: ['update', 'delete'] },
      handler: { [REGIONS.county]: [], [REGIONS.chengguan]: [] },
    };
    const tokens = { county, dispatcher, jianchiDispatcher, handler };
    for (const [caller, byRegion] of Object.entries(expected)) {
      const token = tokens[caller as keyof typeof tokens];
      for (const [regionCode, actions] of Object.entries(byRegion)) {
        const id = await place(regionCode);
        expect({ caller, regionCode, told: await told(token, id) }).toEqual({ caller, regionCode, told: actions });
        expect({ caller, regionCode, done: await done(token, regionCode) }).toEqual({
          caller,
          regionCode,
          done: actions,
        });
      }
    }
  });
});
