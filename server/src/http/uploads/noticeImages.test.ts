import { Notice } from '../../db/entities';
import { newId } from '../../db/ids';
import { bearer, buildCitizen, buildStaff, buildWorld, citizenToken, staffToken } from '../../test/factories';
import { testPhoto } from '../../test/media';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('notice images', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
  });
  afterAll(() => app.close());

  it('are readable by citizens once the notice is published, not before', async () => {
    const cadre = await buildStaff(app.dataSource, { role: 'cadre' });
    const uploaded = await app.http
      .post('/api/v1/uploads')
      .set(bearer(staffToken(app.deps, cadre)))
      .attach('file', await testPhoto(), 'board.png');
    expect(uploaded.status).toBe(201);
    const notice = await app.dataSource.getRepository(Notice).save({
      id: newId(),
      title: '村务公开',
      body: '本月开支明细',
      category: 'finance',
      regionCode: cadre.regionCode,
      pinned: false,
      status: 'draft',
      publishedAt: null,
      expiresAt: null,
      readCount: 0,
      imageUploadIds: [uploaded.body.id],
      authorId: cadre.id,
    });
    const citizen = bearer(citizenToken(app.deps, await buildCitizen(app.dataSource)));
    expect((await app.http.get(uploaded.body.url).set(citizen)).status).toBe(403);
    await app.dataSource.getRepository(Notice).update(notice.id, { status: 'published', publishedAt: new Date() });
    const read = await app.http.get(uploaded.body.url).set(citizen);
    expect(read.status).toBe(200);
    expect(read.headers['content-type']).toBe('image/jpeg');
  });
});
