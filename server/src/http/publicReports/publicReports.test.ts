import { PublicReportPageSchema } from '@minqing/shared';
import { ContentCheck, Report } from '../../db/entities';
import { REGIONS } from '../../test/factories';
import {
  ANSWER,
  OPEN_TEXT,
  OTHER_VILLAGE_TEXT,
  OPENNESS_NOW,
  type OpennessWorld,
  RESOLVED_TEXT,
  buildOpennessWorld,
} from '../../test/opennessWorld';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('GET /api/v1/public/reports (本村动态)', () => {
  let app: TestApp;
  let world: OpennessWorld;
  let now = OPENNESS_NOW;

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    world = await buildOpennessWorld(app, (at) => {
      now = at;
    });
  }, 60_000);
  afterAll(() => app.close());

  const board = (query = '') => app.http.get(`/api/v1/public/reports?villageCode=${REGIONS.chengguanVillage}${query}`);

  it('lists, without sign-in, the village’s public 民情直通 reports of the last 90 days, newest first', async () => {
    const response = await board();
    expect(response.status).toBe(200);
    const page = PublicReportPageSchema.parse(response.body);
    expect(page.items.map((item) => item.serialNo)).toEqual([
      world.reports.open.serialNo,
      world.reports.resolved.serialNo,
    ]);
    expect(page.total).toBe(2);
  });

  it('shows the resolved report with its category, department, dates, checked photo and the department’s answer', async () => {
    const { body } = await board('&status=resolved');
    expect(body.items).toHaveLength(1);
    const [item] = body.items;
    expect(item).toMatchObject({
      serialNo: world.reports.resolved.serialNo,
      text: RESOLVED_TEXT,
      excerpt: RESOLVED_TEXT,
      status: 'resolved',
      state: 'resolved',
      category: { code: 'power', name: '供电' },
      department: { id: world.world.power.id, name: '城关镇供电所' },
      village: { code: REGIONS.chengguanVillage, name: '五一村' },
      township: { code: REGIONS.chengguan, name: '城关镇' },
      answer: { text: ANSWER, at: new Date(OPENNESS_NOW.getTime() - 8 * 24 * 3600 * 1000).toISOString() },
      createdAt: new Date(OPENNESS_NOW.getTime() - 10 * 24 * 3600 * 1000).toISOString(),
    });
    expect(item.dueAt).toEqual(expect.any(String));
    expect(item.resolvedAt).toEqual(item.answer.at);
    expect(item.photos).toHaveLength(1);
    // The photo link works without an account, and only for the photo (never the voice clip).
    const photo = await app.http.get(item.photos[0].url);
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toMatch(/^image\//);
    expect(item.photos[0].url).toContain(world.media.photoId);
    expect(JSON.stringify(body)).not.toContain(world.media.voiceId);
  });

  it('filters the reports still being handled, with no answer yet', async () => {
    const { body } = await board('&status=open');
    expect(body.items).toEqual([
      expect.objectContaining({
        serialNo: world.reports.open.serialNo,
        text: OPEN_TEXT,
        answer: null,
        resolvedAt: null,
      }),
    ]);
  });

  it('pages', async () => {
    const first = await board('&pageSize=1&page=1');
    const second = await board('&pageSize=1&page=2');
    expect(first.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect([...first.body.items, ...second.body.items].map((item: { serialNo: string }) => item.serialNo)).toEqual([
      world.reports.open.serialNo,
      world.reports.resolved.serialNo,
    ]);
  });

  it('shows each village only its own reports', async () => {
    const { body } = await app.http.get(`/api/v1/public/reports?villageCode=${REGIONS.jianchiVillage}`);
    expect(body.items.map((item: { text: string }) => item.text)).toEqual([OTHER_VILLAGE_TEXT]);
  });

  it('leaves out text no one has checked yet, until a moderator releases it', async () => {
    const serials = async () => (await board()).body.items.map((item: { serialNo: string }) => item.serialNo);
    expect(await serials()).not.toContain(world.reports.held.serialNo);
    const [check] = await app.dataSource
      .getRepository(ContentCheck)
      .findBy({ reportId: world.reports.held.id, field: 'text' });
    expect(check).toMatchObject({ status: 'unchecked', moderation: 'held' });
    const released = await app.http
      .post(`/api/v1/staff/moderation/${check.id}/decision`)
      .set({ Authorization: `Bearer ${world.tokens.moderator}` })
      .send({ decision: 'release' });
    expect(released.status).toBe(200);
    expect(await serials()).toContain(world.reports.held.serialNo);
    // Rejected content is never shown.
    await app.dataSource.getRepository(ContentCheck).update({ id: check.id }, { moderation: 'rejected' });
    expect(await serials()).not.toContain(world.reports.held.serialNo);
  });

  it('stores the 公开 choice: on by default, off when the reporter switched it off, never on for other services', async () => {
    const rows = await app.dataSource.getRepository(Report).find();
    const publicOf = (id: string) => rows.find((row) => row.id === id)?.public;
    expect(publicOf(world.reports.resolved.id)).toBe(true);
    expect(publicOf(world.reports.private.id)).toBe(false);
    const { body } = await board();
    expect(body.items.map((item: { serialNo: string }) => item.serialNo)).not.toContain(world.reports.private.serialNo);
  });

  it('never lists anonymous, 涉疫, 风险 or 代表工作 reports, nor any older than 90 days', async () => {
    const { body } = await board('&pageSize=50');
    const listed = body.items.map((item: { serialNo: string }) => item.serialNo);
    for (const key of ['anonymous', 'epidemic', 'risk', 'deputy', 'old'] as const)
      expect(listed).not.toContain(world.reports[key].serialNo);
  });

  it('answers 400 naming the field for a bad query, never 500', async () => {
    for (const [query, field] of [
      ['villageCode=abc', 'villageCode'],
      [`villageCode=${REGIONS.chengguan}`, 'villageCode'],
      [`villageCode=${REGIONS.chengguanVillage}&status=secret`, 'status'],
      [`villageCode=${REGIONS.chengguanVillage}&pageSize=500`, 'pageSize'],
      ['', 'villageCode'],
    ] as const) {
      const response = await app.http.get(`/api/v1/public/reports?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.field).toBe(field);
    }
  });
});
