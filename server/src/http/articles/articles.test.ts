import type { Article as ArticleDto } from '@minqing/shared';
import { Article } from '../../db/entities';
import { newId } from '../../db/ids';
import { REGIONS, bearer, buildCitizen, buildStaff, buildWorld, citizenToken, staffToken } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('citizen articles', () => {
  let app: TestApp;
  let token: string;

  async function buildArticle(overrides: Partial<Article> = {}): Promise<Article> {
    return app.dataSource.getRepository(Article).save({
      id: newId(),
      title: '城乡居民医保缴费指南',
      summary: '缴费时间、标准和渠道',
      body: '2027年度城乡居民医保……',
      category: 'guide',
      regionCode: REGIONS.county,
      status: 'published',
      publishedAt: new Date(Date.now() - 3600_000),
      readCount: 0,
      authorId: newId(),
      ...overrides,
    });
  }

  const list = (query = '', as = token) => app.http.get(`/api/v1/articles${query}`).set(bearer(as));
  const read = (id: string, as = token) => app.http.get(`/api/v1/articles/${id}`).set(bearer(as));
  const titles = (body: { items: ArticleDto[] }) => body.items.map((item) => item.title);

  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
    token = citizenToken(app.deps, await buildCitizen(app.dataSource));
  });
  afterAll(() => app.close());
  beforeEach(() => app.dataSource.getRepository(Article).clear());

  it('needs a citizen: 401 without a token and with a staff token, on the list and one article', async () => {
    const article = await buildArticle();
    const staff = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }),
    );
    for (const path of ['/api/v1/articles', `/api/v1/articles/${article.id}`]) {
      const none = await app.http.get(path);
      expect(none.status).toBe(401);
      expect(none.body.error.code).toBe('unauthorized');
      expect((await app.http.get(path).set(bearer(staff))).status).toBe(401);
    }
    expect((await app.dataSource.getRepository(Article).findOneByOrFail({ id: article.id })).readCount).toBe(0);
  });

  it('lists published articles of the whole county, newest first, without drafts or withdrawn ones', async () => {
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);
    await buildArticle({ title: '旧政策', category: 'policy', publishedAt: hoursAgo(48) });
    await buildArticle({ title: '新指南', publishedAt: hoursAgo(1) });
    await buildArticle({
      title: '镇里的动态',
      category: 'news',
      regionCode: REGIONS.jianchi,
      publishedAt: hoursAgo(5),
    });
    await buildArticle({ title: '草稿', status: 'draft', publishedAt: null });
    await buildArticle({ title: '已撤回', status: 'withdrawn' });

    const response = await list();
    expect(response.status).toBe(200);
    expect(titles(response.body)).toEqual(['新指南', '镇里的动态', '旧政策']);
    expect(response.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(response.body.items[0]).toMatchObject({
      category: 'guide',
      categoryName: '办事指南',
      summary: '缴费时间、标准和渠道',
      status: 'published',
      readCount: 0,
    });
    expect(response.body.items[0]).not.toHaveProperty('authorId');
  });

  it('filters by category and paginates with the total', async () => {
    for (let index = 0; index < 3; index += 1) {
      await buildArticle({
        title: `政策${index}`,
        category: 'policy',
        publishedAt: new Date(Date.now() - (10 - index) * 60_000),
      });
    }
    await buildArticle({ title: '指南', category: 'guide' });

    const page1 = await list('?category=policy&page=1&pageSize=2');
    expect(page1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(titles(page1.body)).toEqual(['政策2', '政策1']);
    const page2 = await list('?category=policy&page=2&pageSize=2');
    expect(titles(page2.body)).toEqual(['政策0']);
  });

  it('rejects bad query parameters naming the field', async () => {
    const response = await list('?category=rumour');
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'bad_request', field: 'category' });
    expect((await list('?pageSize=0')).body.error.field).toBe('pageSize');
  });

  it('counts every view of an article', async () => {
    const article = await buildArticle();
    const first = await read(article.id);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: article.id, title: article.title, body: article.body, readCount: 1 });
    expect((await read(article.id)).body.readCount).toBe(2);
    expect((await app.dataSource.getRepository(Article).findOneByOrFail({ id: article.id })).readCount).toBe(2);
  });

  it('answers 404 for drafts, withdrawn and unknown articles', async () => {
    const draft = await buildArticle({ status: 'draft', publishedAt: null });
    const withdrawn = await buildArticle({ status: 'withdrawn' });
    for (const id of [draft.id, withdrawn.id, newId()]) {
      const response = await read(id);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    }
    expect((await app.dataSource.getRepository(Article).findOneByOrFail({ id: draft.id })).readCount).toBe(0);
  });
});
