import type { Notice as NoticeDto } from '@minqing/shared';
import type { Citizen } from '../../db/entities';
import { Notice, NoticeRead } from '../../db/entities';
import { newId } from '../../db/ids';
import { REGIONS, bearer, buildCitizen, buildStaff, buildWorld, citizenToken, staffToken } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

const minutes = (n: number) => n * 60_000;

describe('citizen notices', () => {
  let app: TestApp;
  let now: Date;
  let citizen: Citizen;
  let token: string;

  /** A notice written straight to the database; publishing through the API is covered in staffContent.test.ts. */
  async function buildNotice(overrides: Partial<Notice> = {}): Promise<Notice> {
    return app.dataSource.getRepository(Notice).save({
      id: newId(),
      title: '五一村2026年第三季度村务公开',
      body: '本季度村集体收入……',
      category: 'village',
      regionCode: REGIONS.chengguanVillage,
      pinned: false,
      status: 'published',
      publishedAt: new Date(now.getTime() - minutes(60)),
      expiresAt: null,
      readCount: 0,
      imageUploadIds: [],
      authorId: newId(),
      ...overrides,
    });
  }

  const list = (query = '', as = token) => app.http.get(`/api/v1/notices${query}`).set(bearer(as));
  const titles = (body: { items: NoticeDto[] }) => body.items.map((item) => item.title);

  beforeAll(async () => {
    now = new Date();
    app = await createTestApp({ clock: () => now });
    await buildWorld(app.dataSource);
    citizen = await buildCitizen(app.dataSource);
    token = citizenToken(app.deps, citizen);
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    now = new Date();
    await app.dataSource.getRepository(NoticeRead).clear();
    await app.dataSource.getRepository(Notice).clear();
  });

  describe('GET /api/v1/notices', () => {
    it('needs a citizen: 401 without a token and with a staff token', async () => {
      const none = await app.http.get('/api/v1/notices');
      expect(none.status).toBe(401);
      expect(none.body.error.code).toBe('unauthorized');
      const staff = await buildStaff(app.dataSource, { role: 'cadre' });
      expect((await list('', staffToken(app.deps, staff))).status).toBe(401);
    });

    it("shows the village's, its township's and the county's notices, never another township's", async () => {
      await buildNotice({ title: '村', regionCode: REGIONS.chengguanVillage });
      await buildNotice({ title: '镇', regionCode: REGIONS.chengguan });
      await buildNotice({ title: '县', regionCode: REGIONS.county });
      await buildNotice({ title: '涧池镇', regionCode: REGIONS.jianchi });
      await buildNotice({ title: '紫云村', regionCode: REGIONS.jianchiVillage });

      const response = await list();
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(3);
      expect(titles(response.body).sort()).toEqual(['县', '村', '镇'].sort());
      const village = response.body.items.find((item: NoticeDto) => item.title === '村');
      expect(village).toMatchObject({
        category: 'village',
        categoryName: '村务公开',
        regionCode: REGIONS.chengguanVillage,
        regionName: '五一村',
        status: 'published',
        pinned: false,
        expiresAt: null,
        readCount: 0,
        imageUploadIds: [],
      });
      expect(village).not.toHaveProperty('authorId');
      expect(response.body.items.find((item: NoticeDto) => item.title === '县').regionName).toBe('汉阴县');
    });

    it('hides drafts, withdrawn and expired notices, and hides a notice once the clock passes its expiry', async () => {
      await buildNotice({ title: '草稿', status: 'draft', publishedAt: null });
      await buildNotice({ title: '已撤回', status: 'withdrawn' });
      await buildNotice({ title: '已过期', expiresAt: new Date(now.getTime() - minutes(1)) });
      await buildNotice({ title: '快到期', expiresAt: new Date(now.getTime() + minutes(5)) });
      await buildNotice({ title: '长期有效' });

      const before = await list();
      expect(titles(before.body).sort()).toEqual(['快到期', '长期有效'].sort());
      expect(before.body.total).toBe(2);

      now = new Date(now.getTime() + minutes(10));
      const after = await list();
      expect(titles(after.body)).toEqual(['长期有效']);
      expect(after.body.total).toBe(1);
    });

    it('puts pinned notices first, then the newest, then by id', async () => {
      const at = (minutesAgo: number) => new Date(now.getTime() - minutes(minutesAgo));
      await buildNotice({ title: '旧的置顶', pinned: true, publishedAt: at(300) });
      await buildNotice({ title: '最新', publishedAt: at(1) });
      await buildNotice({ title: '较早', publishedAt: at(100) });
      const sameTime = at(50);
      const first = await buildNotice({ title: '同时A', publishedAt: sameTime });
      const second = await buildNotice({ title: '同时B', publishedAt: sameTime });
      expect(second.id > first.id).toBe(true);
      await buildNotice({ title: '新的置顶', pinned: true, publishedAt: at(200), regionCode: REGIONS.county });

      const response = await list();
      expect(titles(response.body)).toEqual(['新的置顶', '旧的置顶', '最新', '同时B', '同时A', '较早']);
    });

    it('paginates and reports the total', async () => {
      for (let index = 0; index < 5; index += 1) {
        await buildNotice({ title: `公告${index}`, publishedAt: new Date(now.getTime() - minutes(10 - index)) });
      }
      const page1 = await list('?page=1&pageSize=2');
      const page3 = await list('?page=3&pageSize=2');
      expect(page1.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
      expect(titles(page1.body)).toEqual(['公告4', '公告3']);
      expect(page3.body).toMatchObject({ total: 5, page: 3, pageSize: 2 });
      expect(titles(page3.body)).toEqual(['公告0']);
      const beyond = await list('?page=9&pageSize=2');
      expect(beyond.body).toMatchObject({ items: [], total: 5 });
    });

    it('filters by category', async () => {
      await buildNotice({ title: '财务', category: 'finance' });
      await buildNotice({ title: '党务', category: 'party' });
      const response = await list('?category=finance');
      expect(titles(response.body)).toEqual(['财务']);
      expect(response.body.items[0].categoryName).toBe('财务公开');
      expect(response.body.total).toBe(1);
    });

    it('rejects bad query parameters naming the field', async () => {
      const category = await list('?category=gossip');
      expect(category.status).toBe(400);
      expect(category.body.error).toMatchObject({ code: 'bad_request', field: 'category' });
      expect((await list('?pageSize=1000')).body.error.field).toBe('pageSize');
      expect((await list('?page=0')).body.error.field).toBe('page');
    });

    it("shows another village's board when asked, which must be a real village", async () => {
      await buildNotice({ title: '紫云村', regionCode: REGIONS.jianchiVillage });
      await buildNotice({ title: '五一村', regionCode: REGIONS.chengguanVillage });

      const other = await list(`?villageCode=${REGIONS.jianchiVillage}`);
      expect(other.status).toBe(200);
      expect(titles(other.body)).toEqual(['紫云村']);

      for (const code of [REGIONS.jianchi, '610921100299', 'abc']) {
        const response = await list(`?villageCode=${code}`);
        expect(response.status).toBe(400);
        expect(response.body.error).toMatchObject({ code: 'bad_request', field: 'villageCode' });
      }
    });

    it('asks a citizen without a village to choose one', async () => {
      const newcomer = await buildCitizen(app.dataSource, { villageCode: null });
      await buildNotice({ title: '县', regionCode: REGIONS.county });
      const response = await list('', citizenToken(app.deps, newcomer));
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual({
        code: 'bad_request',
        message: '请先选择您所在的村(社区)',
        field: 'villageCode',
      });

      const chosen = await list(`?villageCode=${REGIONS.chengguanVillage}`, citizenToken(app.deps, newcomer));
      expect(titles(chosen.body)).toEqual(['县']);
    });
  });

  describe('GET /api/v1/notices/:id', () => {
    const read = (id: string, as = token, query = '') => app.http.get(`/api/v1/notices/${id}${query}`).set(bearer(as));

    it('needs a citizen', async () => {
      const notice = await buildNotice();
      expect((await app.http.get(`/api/v1/notices/${notice.id}`)).status).toBe(401);
      const staff = await buildStaff(app.dataSource, { role: 'cadre' });
      expect((await read(notice.id, staffToken(app.deps, staff))).status).toBe(401);
    });

    it('counts a reader once, however often they open it, without touching updatedAt', async () => {
      const notice = await buildNotice({ title: '低保公示', regionCode: REGIONS.chengguan });
      const updatedAt = (await app.dataSource.getRepository(Notice).findOneByOrFail({ id: notice.id })).updatedAt;

      const first = await read(notice.id);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ id: notice.id, title: '低保公示', regionName: '城关镇', readCount: 1 });
      const again = await read(notice.id);
      expect(again.body.readCount).toBe(1);

      const neighbour = await buildCitizen(app.dataSource);
      expect((await read(notice.id, citizenToken(app.deps, neighbour))).body.readCount).toBe(2);

      const row = await app.dataSource.getRepository(Notice).findOneByOrFail({ id: notice.id });
      expect(row.readCount).toBe(2);
      expect(row.updatedAt.getTime()).toBe(updatedAt.getTime());
      expect(await app.dataSource.getRepository(NoticeRead).countBy({ noticeId: notice.id })).toBe(2);
    });

    it('counts one reader once even when two first reads arrive together', async () => {
      const notice = await buildNotice();
      const responses = await Promise.all([read(notice.id), read(notice.id), read(notice.id)]);
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
      expect((await app.dataSource.getRepository(Notice).findOneByOrFail({ id: notice.id })).readCount).toBe(1);
      expect(
        await app.dataSource.getRepository(NoticeRead).countBy({ noticeId: notice.id, citizenId: citizen.id }),
      ).toBe(1);
    });

    it("answers 404 for what the citizen's board does not show, and counts nothing", async () => {
      const hidden = [
        await buildNotice({ regionCode: REGIONS.jianchiVillage }),
        await buildNotice({ status: 'draft', publishedAt: null }),
        await buildNotice({ status: 'withdrawn' }),
        await buildNotice({ expiresAt: new Date(now.getTime() - minutes(1)) }),
      ];
      for (const notice of hidden) {
        const response = await read(notice.id);
        expect(response.status).toBe(404);
        expect(response.body.error.code).toBe('not_found');
      }
      expect((await read(newId())).status).toBe(404);
      expect(await app.dataSource.getRepository(NoticeRead).count()).toBe(0);
    });

    it('opens a notice of the village being browsed when the villageCode is passed along', async () => {
      const notice = await buildNotice({ regionCode: REGIONS.jianchiVillage });
      const response = await read(notice.id, token, `?villageCode=${REGIONS.jianchiVillage}`);
      expect(response.status).toBe(200);
      expect(response.body.regionName).toBe('紫云村');
      expect((await read(notice.id, token, '?villageCode=nope')).body.error.field).toBe('villageCode');
    });
  });
});
