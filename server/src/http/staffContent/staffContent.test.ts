import type { StaffRole } from '@minqing/shared';
import type { Staff } from '../../db/entities';
import { Article, Attachment, AuditLog, Notice } from '../../db/entities';
import { newId } from '../../db/ids';
import { REGIONS, bearer, buildCitizen, buildStaff, buildWorld, citizenToken, staffToken } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

const CALLER_IP = '203.0.113.7';

describe('staff content', () => {
  let app: TestApp;
  /** 城关镇 township cadre, 五一村 village cadre, 涧池镇 dispatcher, county centre, sysadmin, and roles that may not publish. */
  let townCadre: Staff;
  let villageCadre: Staff;
  let jianchiDispatcher: Staff;
  let countyStaff: Staff;
  let sysadmin: Staff;
  let handler: Staff;
  let gridWorker: Staff;
  let chengguanCitizen: string;
  let jianchiCitizen: string;

  const as = (staff: Staff) => bearer(staffToken(app.deps, staff));
  const noticeInput = (overrides: Record<string, unknown> = {}) => ({
    title: '五一村低保评议结果公示',
    body: '经村民代表大会评议，拟推荐以下家庭……',
    category: 'village',
    regionCode: REGIONS.chengguanVillage,
    ...overrides,
  });
  const articleInput = (overrides: Record<string, unknown> = {}) => ({
    title: '新型农村合作医疗报销指南',
    summary: '报销范围与流程',
    body: '一、报销范围……',
    category: 'guide',
    regionCode: REGIONS.county,
    ...overrides,
  });
  const createNotice = (staff: Staff, overrides: Record<string, unknown> = {}) =>
    app.http.post('/api/v1/staff/notices').set(as(staff)).send(noticeInput(overrides));
  const createArticle = (staff: Staff, overrides: Record<string, unknown> = {}) =>
    app.http.post('/api/v1/staff/articles').set(as(staff)).send(articleInput(overrides));
  const auditOf = (targetId: string) =>
    app.dataSource.getRepository(AuditLog).find({ where: { targetId }, order: { createdAt: 'ASC', id: 'ASC' } });
  const staffIn = (role: StaffRole, regionCode: string) => buildStaff(app.dataSource, { role, regionCode });

  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
    townCadre = await staffIn('cadre', REGIONS.chengguan);
    villageCadre = await staffIn('cadre', REGIONS.chengguanVillage);
    jianchiDispatcher = await staffIn('dispatcher', REGIONS.jianchi);
    countyStaff = await staffIn('county', REGIONS.county);
    sysadmin = await staffIn('sysadmin', REGIONS.county);
    handler = await staffIn('handler', REGIONS.chengguan);
    gridWorker = await staffIn('grid_worker', REGIONS.chengguanGrid);
    chengguanCitizen = citizenToken(
      app.deps,
      await buildCitizen(app.dataSource, { villageCode: REGIONS.chengguanVillage }),
    );
    jianchiCitizen = citizenToken(
      app.deps,
      await buildCitizen(app.dataSource, { villageCode: REGIONS.jianchiVillage }),
    );
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    await app.dataSource.getRepository(Notice).clear();
    await app.dataSource.getRepository(Article).clear();
  });

  describe('who may call', () => {
    const someId = newId();
    const routes: [method: 'get' | 'post' | 'patch', path: string][] = [];
    for (const kind of ['notices', 'articles']) {
      routes.push(
        ['get', `/api/v1/staff/${kind}`],
        ['post', `/api/v1/staff/${kind}`],
        ['get', `/api/v1/staff/${kind}/${someId}`],
        ['patch', `/api/v1/staff/${kind}/${someId}`],
        ['post', `/api/v1/staff/${kind}/${someId}/publish`],
        ['post', `/api/v1/staff/${kind}/${someId}/withdraw`],
      );
    }

    it.each(routes)('%s %s answers 401 without a staff token, also to a citizen', async (method, path) => {
      const none = await app.http[method](path).send({});
      expect(none.status).toBe(401);
      expect(none.body.error.code).toBe('unauthorized');
      expect((await app.http[method](path).set(bearer(chengguanCitizen)).send({})).status).toBe(401);
    });

    it.each(routes.filter(([, path]) => path.includes('notices')))(
      '%s %s answers 403 to handlers and grid workers',
      async (method, path) => {
        for (const staff of [handler, gridWorker]) {
          const response = await app.http[method](path).set(as(staff)).send(noticeInput());
          expect(response.status).toBe(403);
          expect(response.body.error.code).toBe('forbidden');
        }
        expect(await app.dataSource.getRepository(Notice).count()).toBe(0);
      },
    );

    it.each(routes.filter(([, path]) => path.includes('articles')))(
      '%s %s answers 403 to cadres and dispatchers',
      async (method, path) => {
        for (const staff of [townCadre, jianchiDispatcher]) {
          expect((await app.http[method](path).set(as(staff)).send(articleInput())).status).toBe(403);
        }
        expect(await app.dataSource.getRepository(Article).count()).toBe(0);
      },
    );
  });

  describe('notices', () => {
    it('a village cadre drafts and publishes a notice that its villagers see and another township does not', async () => {
      const created = await createNotice(villageCadre, { pinned: true }).set('X-Forwarded-For', CALLER_IP);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        title: '五一村低保评议结果公示',
        category: 'village',
        categoryName: '村务公开',
        regionCode: REGIONS.chengguanVillage,
        regionName: '五一村',
        pinned: true,
        status: 'draft',
        publishedAt: null,
        expiresAt: null,
        readCount: 0,
        imageUploadIds: [],
        authorId: villageCadre.id,
        allowedActions: ['edit', 'publish'],
      });
      const id: string = created.body.id;
      expect(await app.dataSource.getRepository(Notice).findOneByOrFail({ id })).toMatchObject({
        status: 'draft',
        authorId: villageCadre.id,
        pinned: true,
      });

      const board = (token: string) => app.http.get('/api/v1/notices').set(bearer(token));
      expect((await board(chengguanCitizen)).body.total).toBe(0);

      const published = await app.http
        .post(`/api/v1/staff/notices/${id}/publish`)
        .set(as(villageCadre))
        .set('X-Forwarded-For', CALLER_IP);
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ id, status: 'published', allowedActions: ['edit', 'withdraw'] });
      expect(Date.parse(published.body.publishedAt)).toBeGreaterThan(Date.now() - 60_000);
      const row = await app.dataSource.getRepository(Notice).findOneByOrFail({ id });
      expect(row.status).toBe('published');
      expect(row.publishedAt?.toISOString()).toBe(published.body.publishedAt);

      const seen = await board(chengguanCitizen);
      expect(seen.body.items.map((item: { id: string }) => item.id)).toEqual([id]);
      expect((await board(jianchiCitizen)).body.total).toBe(0);
      expect((await app.http.get(`/api/v1/notices/${id}`).set(bearer(jianchiCitizen))).status).toBe(404);

      const withdrawn = await app.http
        .post(`/api/v1/staff/notices/${id}/withdraw`)
        .set(as(villageCadre))
        .set('X-Forwarded-For', CALLER_IP);
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', allowedActions: ['edit', 'publish'] });
      expect((await app.dataSource.getRepository(Notice).findOneByOrFail({ id })).status).toBe('withdrawn');
      expect((await board(chengguanCitizen)).body.total).toBe(0);
      expect((await app.http.get(`/api/v1/notices/${id}`).set(bearer(chengguanCitizen))).status).toBe(404);

      const audit = await auditOf(id);
      expect(audit.map((line) => line.action)).toEqual(['notice.create', 'notice.publish', 'notice.withdraw']);
      for (const line of audit)
        expect(line).toMatchObject({
          staffId: villageCadre.id,
          username: villageCadre.username,
          targetType: 'notice',
          ip: CALLER_IP,
        });
    });

    it('refuses a 城关镇 cadre publishing in 涧池镇 or for the whole county, and writes nothing', async () => {
      for (const regionCode of [REGIONS.jianchiVillage, REGIONS.jianchi, REGIONS.county]) {
        const response = await createNotice(townCadre, { regionCode });
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe('forbidden');
      }
      expect(await app.dataSource.getRepository(Notice).count()).toBe(0);
      expect(await app.dataSource.getRepository(AuditLog).countBy({ staffId: townCadre.id })).toBe(0);
    });

    it('lets the township cadre publish for the township and its villages, and the county for everyone', async () => {
      expect((await createNotice(townCadre, { regionCode: REGIONS.chengguan })).status).toBe(201);
      expect((await createNotice(townCadre, { regionCode: REGIONS.chengguanVillage })).status).toBe(201);
      expect((await createNotice(countyStaff, { regionCode: REGIONS.county, category: 'government' })).status).toBe(
        201,
      );
      expect((await createNotice(sysadmin, { regionCode: REGIONS.jianchiVillage })).status).toBe(201);
    });

    it('answers 400 naming the field for bad input and unknown or grid regions', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ title: '' }, 'title'],
        [{ title: undefined }, 'title'],
        [{ body: '   ' }, 'body'],
        [{ category: 'gossip' }, 'category'],
        [{ regionCode: 'chengguan' }, 'regionCode'],
        [{ pinned: 'yes' }, 'pinned'],
        [{ expiresAt: 'next week' }, 'expiresAt'],
        [{ expiresAt: new Date(Date.now() - 60_000).toISOString() }, 'expiresAt'],
        [{ imageUploadIds: ['not-an-id'] }, 'imageUploadIds.0'],
        [{ imageUploadIds: [newId()] }, 'imageUploadIds'],
        [{ regionCode: '610921100299' }, 'regionCode'],
        [{ regionCode: REGIONS.chengguanGrid }, 'regionCode'],
      ];
      for (const [overrides, field] of cases) {
        const response = await createNotice(townCadre, overrides);
        expect({ overrides, status: response.status, field: response.body.error?.field }).toEqual({
          overrides,
          status: 400,
          field,
        });
        expect(response.body.error.code).toBe('bad_request');
        expect(response.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
      }
      expect(await app.dataSource.getRepository(Notice).count()).toBe(0);
    });

    it("accepts the author's own photos and an expiry, and refuses someone else's photo", async () => {
      const photo = (ownerId: string) =>
        app.dataSource.getRepository(Attachment).save({
          id: newId(),
          ownerType: 'staff' as const,
          ownerId,
          reportId: null,
          eventId: null,
          kind: 'photo' as const,
          contentType: 'image/jpeg',
          size: 1024,
          durationSeconds: null,
          storageKey: `photos/${newId()}.jpg`,
        });
      const own = await photo(townCadre.id);
      const colleagues = await photo(villageCadre.id);
      const expiresAt = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();

      const created = await createNotice(townCadre, { imageUploadIds: [own.id], expiresAt });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ imageUploadIds: [own.id], expiresAt });
      const row = await app.dataSource.getRepository(Notice).findOneByOrFail({ id: created.body.id });
      expect(row.imageUploadIds).toEqual([own.id]);
      expect(row.expiresAt?.toISOString()).toBe(expiresAt);

      const refused = await createNotice(townCadre, { imageUploadIds: [colleagues.id] });
      expect(refused.status).toBe(400);
      expect(refused.body.error.field).toBe('imageUploadIds');
    });

    describe('editing', () => {
      let id: string;
      beforeEach(async () => {
        id = (await createNotice(villageCadre, { pinned: true })).body.id;
      });
      const patch = (staff: Staff, body: Record<string, unknown>) =>
        app.http.patch(`/api/v1/staff/notices/${id}`).set(as(staff)).send(body);

      it('changes only the fields sent and audits the edit', async () => {
        const response = await patch(townCadre, { title: '更正：五一村低保评议结果公示' }).set(
          'X-Forwarded-For',
          CALLER_IP,
        );
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({
          title: '更正：五一村低保评议结果公示',
          pinned: true,
          category: 'village',
          status: 'draft',
        });
        const row = await app.dataSource.getRepository(Notice).findOneByOrFail({ id });
        expect(row).toMatchObject({ title: '更正：五一村低保评议结果公示', pinned: true, authorId: villageCadre.id });
        const audit = await auditOf(id);
        expect(audit.at(-1)).toMatchObject({
          action: 'notice.update',
          staffId: townCadre.id,
          targetType: 'notice',
          ip: CALLER_IP,
          detail: 'title',
        });
      });

      it("moves a notice to another region only inside the editor's subtree", async () => {
        const moved = await patch(townCadre, { regionCode: REGIONS.chengguan, expiresAt: null });
        expect(moved.status).toBe(200);
        expect(moved.body).toMatchObject({ regionCode: REGIONS.chengguan, regionName: '城关镇' });

        const outside = await patch(townCadre, { regionCode: REGIONS.jianchi });
        expect(outside.status).toBe(403);
        expect((await app.dataSource.getRepository(Notice).findOneByOrFail({ id })).regionCode).toBe(REGIONS.chengguan);
      });

      it('answers 400 for a bad patch, 403 outside scope and 404 for an unknown notice', async () => {
        const bad = await patch(townCadre, { category: 'gossip' });
        expect(bad.status).toBe(400);
        expect(bad.body.error.field).toBe('category');
        expect((await patch(jianchiDispatcher, { title: '改' })).status).toBe(403);
        expect((await patch(villageCadre, { regionCode: REGIONS.chengguan })).status).toBe(403);
        const unknown = await app.http
          .patch(`/api/v1/staff/notices/${newId()}`)
          .set(as(townCadre))
          .send({ title: '改' });
        expect(unknown.status).toBe(404);
        expect((await app.dataSource.getRepository(Notice).findOneByOrFail({ id })).title).toBe(
          '五一村低保评议结果公示',
        );
      });
    });

    it('shows one notice inside scope only', async () => {
      const id: string = (await createNotice(villageCadre)).body.id;
      const own = await app.http.get(`/api/v1/staff/notices/${id}`).set(as(townCadre));
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({
        id,
        status: 'draft',
        regionName: '五一村',
        allowedActions: ['edit', 'publish'],
      });
      expect((await app.http.get(`/api/v1/staff/notices/${id}`).set(as(jianchiDispatcher))).status).toBe(403);
      expect((await app.http.get(`/api/v1/staff/notices/${newId()}`).set(as(townCadre))).status).toBe(404);
    });

    it('refuses to publish twice or withdraw a draft, and guards scope', async () => {
      const id: string = (await createNotice(villageCadre)).body.id;
      const draftWithdraw = await app.http.post(`/api/v1/staff/notices/${id}/withdraw`).set(as(villageCadre));
      expect(draftWithdraw.status).toBe(409);
      expect(draftWithdraw.body.error.code).toBe('invalid_transition');
      expect((await app.http.post(`/api/v1/staff/notices/${id}/publish`).set(as(jianchiDispatcher))).status).toBe(403);
      expect((await app.http.post(`/api/v1/staff/notices/${newId()}/publish`).set(as(villageCadre))).status).toBe(404);

      expect((await app.http.post(`/api/v1/staff/notices/${id}/publish`).set(as(villageCadre))).status).toBe(200);
      const again = await app.http.post(`/api/v1/staff/notices/${id}/publish`).set(as(villageCadre));
      expect(again.status).toBe(409);
      expect((await auditOf(id)).map((line) => line.action)).toEqual(['notice.create', 'notice.publish']);
    });

    it("lists the notices of the caller's subtree, newest first, filtered by status, with the total", async () => {
      const idsFor = async (staff: Staff, query = '') => {
        const response = await app.http.get(`/api/v1/staff/notices${query}`).set(as(staff));
        expect(response.status).toBe(200);
        return response.body;
      };
      const village = (await createNotice(villageCadre, { title: '村' })).body.id;
      const town = (await createNotice(townCadre, { title: '镇', regionCode: REGIONS.chengguan })).body.id;
      const county = (await createNotice(countyStaff, { title: '县', regionCode: REGIONS.county })).body.id;
      const jianchi = (await createNotice(jianchiDispatcher, { title: '涧池', regionCode: REGIONS.jianchiVillage }))
        .body.id;
      await app.http.post(`/api/v1/staff/notices/${town}/publish`).set(as(townCadre));

      const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);
      expect(ids(await idsFor(townCadre))).toEqual([town, village]);
      expect(ids(await idsFor(villageCadre))).toEqual([village]);
      expect(ids(await idsFor(jianchiDispatcher))).toEqual([jianchi]);
      expect(ids(await idsFor(countyStaff))).toEqual([jianchi, county, town, village]);
      expect(ids(await idsFor(townCadre, '?status=published'))).toEqual([town]);
      expect(ids(await idsFor(townCadre, '?status=draft'))).toEqual([village]);

      const page = await idsFor(countyStaff, '?page=2&pageSize=3');
      expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(ids(page)).toEqual([village]);

      const bad = await app.http.get('/api/v1/staff/notices?status=archived').set(as(townCadre));
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe('status');
    });
  });

  describe('articles', () => {
    it('the county centre drafts, edits, publishes and withdraws an article that citizens then read or miss', async () => {
      const created = await createArticle(countyStaff).set('X-Forwarded-For', CALLER_IP);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        title: '新型农村合作医疗报销指南',
        summary: '报销范围与流程',
        category: 'guide',
        categoryName: '办事指南',
        status: 'draft',
        authorId: countyStaff.id,
        allowedActions: ['edit', 'publish'],
      });
      const id: string = created.body.id;
      const articles = () => app.http.get('/api/v1/articles').set(bearer(jianchiCitizen));
      expect((await articles()).body.total).toBe(0);

      const edited = await app.http
        .patch(`/api/v1/staff/articles/${id}`)
        .set(as(sysadmin))
        .send({ title: '2027年医保报销指南' })
        .set('X-Forwarded-For', CALLER_IP);
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ title: '2027年医保报销指南', summary: '报销范围与流程' });

      const published = await app.http
        .post(`/api/v1/staff/articles/${id}/publish`)
        .set(as(countyStaff))
        .set('X-Forwarded-For', CALLER_IP);
      expect(published.body).toMatchObject({ status: 'published', allowedActions: ['edit', 'withdraw'] });
      const list = await articles();
      expect(list.body.items.map((item: { title: string }) => item.title)).toEqual(['2027年医保报销指南']);

      expect(
        (
          await app.http
            .post(`/api/v1/staff/articles/${id}/withdraw`)
            .set(as(countyStaff))
            .set('X-Forwarded-For', CALLER_IP)
        ).status,
      ).toBe(200);
      expect((await articles()).body.total).toBe(0);
      expect(await app.dataSource.getRepository(Article).findOneByOrFail({ id })).toMatchObject({
        status: 'withdrawn',
        title: '2027年医保报销指南',
        summary: '报销范围与流程',
      });

      const audit = await auditOf(id);
      expect(audit.map((line) => [line.action, line.staffId, line.targetType, line.ip])).toEqual([
        ['article.create', countyStaff.id, 'article', CALLER_IP],
        ['article.update', sysadmin.id, 'article', CALLER_IP],
        ['article.publish', countyStaff.id, 'article', CALLER_IP],
        ['article.withdraw', countyStaff.id, 'article', CALLER_IP],
      ]);
    });

    it('answers 400 naming the field', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ title: '' }, 'title'],
        [{ category: 'rumour' }, 'category'],
        [{ summary: 'x'.repeat(201) }, 'summary'],
        [{ regionCode: '610921999' }, 'regionCode'],
      ];
      for (const [overrides, field] of cases) {
        const response = await createArticle(countyStaff, overrides);
        expect({ overrides, status: response.status, field: response.body.error?.field }).toEqual({
          overrides,
          status: 400,
          field,
        });
      }
      expect(await app.dataSource.getRepository(Article).count()).toBe(0);
    });

    it('keeps a county account of a township inside it, and lists by subtree', async () => {
      const townCounty = await staffIn('county', REGIONS.chengguan);
      expect((await createArticle(townCounty)).status).toBe(403);
      const own = (await createArticle(townCounty, { regionCode: REGIONS.chengguan })).body.id;
      const countyWide = (await createArticle(countyStaff)).body.id;

      expect((await app.http.get(`/api/v1/staff/articles/${countyWide}`).set(as(townCounty))).status).toBe(403);
      expect((await app.http.get(`/api/v1/staff/articles/${newId()}`).set(as(townCounty))).status).toBe(404);
      const mine = await app.http.get('/api/v1/staff/articles').set(as(townCounty));
      expect(mine.body).toMatchObject({ total: 1, items: [{ id: own }] });
      const all = await app.http.get('/api/v1/staff/articles?status=draft&pageSize=1').set(as(countyStaff));
      expect(all.body).toMatchObject({ total: 2, pageSize: 1, items: [{ id: countyWide }] });
    });
  });
});
