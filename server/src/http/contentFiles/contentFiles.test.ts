import type { Staff } from '../../db/entities';
import { Article, AuditLog, ContentFileRow, Notice } from '../../db/entities';
import { newId } from '../../db/ids';
import { testDocx, testPdf } from '../../test/documents';
import { REGIONS, bearer, buildCitizen, buildStaff, buildWorld, citizenToken, staffToken } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('notice and article attachments', () => {
  let app: TestApp;
  let cadre: Staff;
  let citizen: Record<string, string>;
  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
    cadre = await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.chengguanVillage });
    citizen = bearer(citizenToken(app.deps, await buildCitizen(app.dataSource)));
  });
  afterAll(() => app.close());

  async function notice(overrides: Partial<Notice> = {}): Promise<Notice> {
    return app.dataSource.getRepository(Notice).save({
      id: newId(),
      title: '低保公示',
      body: '名单见附件',
      category: 'village',
      regionCode: REGIONS.chengguanVillage,
      pinned: false,
      status: 'draft',
      publishedAt: null,
      expiresAt: null,
      readCount: 0,
      imageUploadIds: [],
      authorId: cadre.id,
      ...overrides,
    });
  }

  const draftArticle = (author: Staff, regionCode: string) =>
    app.dataSource.getRepository(Article).save({
      id: newId(),
      title: '医保缴费指南',
      summary: '',
      body: '见附件',
      category: 'guide',
      regionCode,
      status: 'draft',
      publishedAt: null,
      readCount: 0,
      authorId: author.id,
    });

  const attach = (path: string, token: Record<string, string>, bytes: Buffer, name: string) =>
    app.http.post(path).set(token).attach('file', bytes, name);
  const asCadre = () => bearer(staffToken(app.deps, cadre));

  it('stores a PDF for the notice, named after what it really is, and audits it', async () => {
    const item = await notice();
    const response = await attach(
      `/api/v1/staff/notices/${item.id}/files`,
      asCadre(),
      testPdf(),
      '../../低保名单.PDF.exe',
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      fileName: '低保名单.PDF.pdf',
      contentType: 'application/pdf',
      size: testPdf().length,
    });
    expect(response.body.url).toBe(`/api/v1/staff/content-files/${response.body.id}/content`);
    const row = await app.dataSource.getRepository(ContentFileRow).findOneByOrFail({ id: response.body.id });
    expect(row).toMatchObject({ targetType: 'notice', targetId: item.id, uploaderId: cadre.id });
    expect(await app.deps.storage.get(row.storageKey)).toEqual(testPdf());
    expect(
      await app.dataSource.getRepository(AuditLog).findOneBy({ action: 'notice.file_add', targetId: item.id }),
    ).toMatchObject({ staffId: cadre.id, detail: '低保名单.PDF.pdf' });

    const listed = await app.http.get(`/api/v1/staff/notices/${item.id}/files`).set(asCadre());
    expect(listed.status).toBe(200);
    expect(listed.body.map((file: { id: string }) => file.id)).toEqual([row.id]);
    const download = await app.http.get(response.body.url).set(asCadre());
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''%E4%BD%8E%E4%BF%9D");
  });

  it('refuses what is not a PDF, Word or Excel file whatever its name, and a request without a file', async () => {
    const item = await notice();
    const fake = await attach(
      `/api/v1/staff/notices/${item.id}/files`,
      asCadre(),
      Buffer.from('MZ\x90\x00 not a document'),
      '名单.pdf',
    );
    expect(fake.status).toBe(415);
    expect(fake.body.error.field).toBe('file');
    const empty = await app.http.post(`/api/v1/staff/notices/${item.id}/files`).set(asCadre()).field('note', 'x');
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('file');
    expect(await app.dataSource.getRepository(ContentFileRow).countBy({ targetId: item.id })).toBe(0);
  });

  it('keeps staff to their own region and role', async () => {
    const item = await notice();
    const path = `/api/v1/staff/notices/${item.id}/files`;
    expect((await attach(path, {}, testPdf(), 'a.pdf')).status).toBe(401);
    const otherCadre = await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.jianchiVillage });
    expect((await attach(path, bearer(staffToken(app.deps, otherCadre)), testPdf(), 'a.pdf')).status).toBe(403);
    expect((await app.http.get(path).set(bearer(staffToken(app.deps, otherCadre)))).status).toBe(403);
    const handler = await buildStaff(app.dataSource, { role: 'handler' });
    expect((await attach(path, bearer(staffToken(app.deps, handler)), testPdf(), 'a.pdf')).status).toBe(403);
    // The township's dispatcher covers the village.
    const dispatcher = await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.chengguan });
    expect((await attach(path, bearer(staffToken(app.deps, dispatcher)), testPdf(), 'a.pdf')).status).toBe(201);
    expect(await app.dataSource.getRepository(ContentFileRow).countBy({ targetId: item.id })).toBe(1);
    expect((await attach(`/api/v1/staff/notices/${newId()}/files`, asCadre(), testPdf(), 'a.pdf')).status).toBe(404);
  });

  it('shows citizens the files of a published notice only, and lets them download them', async () => {
    const item = await notice();
    const uploaded = await attach(`/api/v1/staff/notices/${item.id}/files`, asCadre(), testPdf(), '名单.pdf');
    const citizenUrl = `/api/v1/content-files/${uploaded.body.id}/content`;
    expect((await app.http.get(`/api/v1/notices/${item.id}/files`).set(citizen)).status).toBe(404);
    expect((await app.http.get(citizenUrl).set(citizen)).status).toBe(404);

    await app.dataSource.getRepository(Notice).update(item.id, { status: 'published', publishedAt: new Date() });
    const listed = await app.http.get(`/api/v1/notices/${item.id}/files`).set(citizen);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      expect.objectContaining({ id: uploaded.body.id, fileName: '名单.pdf', url: citizenUrl }),
    ]);
    const download = await app.http.get(citizenUrl).set(citizen);
    expect(download.status).toBe(200);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect((await app.http.get(citizenUrl)).status).toBe(401);
    // Staff tokens do not open the citizen route, nor citizens the staff one.
    expect((await app.http.get(uploaded.body.url).set(citizen)).status).toBe(401);

    await app.dataSource.getRepository(Notice).update(item.id, { expiresAt: new Date(Date.now() - 1000) });
    expect((await app.http.get(`/api/v1/notices/${item.id}/files`).set(citizen)).status).toBe(404);
    await app.dataSource.getRepository(Notice).update(item.id, { expiresAt: null, status: 'withdrawn' });
    expect((await app.http.get(citizenUrl).set(citizen)).status).toBe(404);
  });

  it('removes a file, its bytes and writes an audit line', async () => {
    const item = await notice();
    const uploaded = await attach(`/api/v1/staff/notices/${item.id}/files`, asCadre(), testDocx(), '申请表.docx');
    expect(uploaded.body.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const row = await app.dataSource.getRepository(ContentFileRow).findOneByOrFail({ id: uploaded.body.id });
    const path = `/api/v1/staff/notices/${item.id}/files/${row.id}`;
    const otherCadre = await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.jianchiVillage });
    expect((await app.http.delete(path).set(bearer(staffToken(app.deps, otherCadre)))).status).toBe(403);
    expect((await app.http.delete(path).set(asCadre())).status).toBe(204);
    expect(await app.dataSource.getRepository(ContentFileRow).countBy({ id: row.id })).toBe(0);
    await expect(app.deps.storage.get(row.storageKey)).rejects.toThrow();
    expect(
      await app.dataSource.getRepository(AuditLog).countBy({ action: 'notice.file_remove', targetId: item.id }),
    ).toBe(1);
    expect((await app.http.delete(path).set(asCadre())).status).toBe(404);
  });

  it('limits the number of files per notice', async () => {
    const item = await notice();
    const repository = app.dataSource.getRepository(ContentFileRow);
    for (let index = 0; index < 10; index += 1) {
      await repository.insert({
        id: newId(),
        targetType: 'notice',
        targetId: item.id,
        fileName: `${index}.pdf`,
        contentType: 'application/pdf',
        size: 1,
        storageKey: `x/${index}`,
        uploaderId: cadre.id,
      });
    }
    const response = await attach(`/api/v1/staff/notices/${item.id}/files`, asCadre(), testPdf(), 'more.pdf');
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ field: 'file', message: '最多10个附件' });
  });

  it('gives articles files too, for the county only', async () => {
    const county = await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county });
    const article = await draftArticle(county, REGIONS.county);
    const path = `/api/v1/staff/articles/${article.id}/files`;
    expect((await attach(path, bearer(staffToken(app.deps, cadre)), testPdf(), 'a.pdf')).status).toBe(403);
    const uploaded = await attach(path, bearer(staffToken(app.deps, county)), testPdf(), '指南.pdf');
    expect(uploaded.status).toBe(201);
    expect((await app.http.get(`/api/v1/articles/${article.id}/files`).set(citizen)).status).toBe(404);
    await app.dataSource.getRepository(Article).update(article.id, { status: 'published', publishedAt: new Date() });
    const listed = await app.http.get(`/api/v1/articles/${article.id}/files`).set(citizen);
    expect(listed.body).toHaveLength(1);
    expect((await app.http.get(listed.body[0].url).set(citizen)).status).toBe(200);
  });

  it("decides an article's files by the article's own rule: a township's dispatcher neither opens it nor its files", async () => {
    const county = await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county });
    const dispatcher = await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.chengguan });
    const article = await draftArticle(county, REGIONS.chengguan);
    const asDispatcher = bearer(staffToken(app.deps, dispatcher));
    const uploaded = await attach(
      `/api/v1/staff/articles/${article.id}/files`,
      bearer(staffToken(app.deps, county)),
      testPdf(),
      '缴费点.pdf',
    );
    expect(uploaded.status).toBe(201);

    expect((await app.http.get(`/api/v1/staff/articles/${article.id}`).set(asDispatcher)).status).toBe(403);
    const refused = await attach(`/api/v1/staff/articles/${article.id}/files`, asDispatcher, testPdf(), 'b.pdf');
    expect(refused.status).toBe(403);
    expect((await app.http.get(uploaded.body.url).set(asDispatcher)).status).toBe(403);
    expect(await app.dataSource.getRepository(ContentFileRow).countBy({ targetId: article.id })).toBe(1);
  });
});
