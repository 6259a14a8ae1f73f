import { ContentCheck } from '../db/entities';
import { newId } from '../db/ids';
import {
  REGIONS,
  bearer,
  buildCitizen,
  buildRegion,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
  submitReport,
} from '../test/factories';
import { testPhoto } from '../test/media';
import { type TestApp, createTestApp } from '../test/testApp';
import { bytes, sheetRows } from '../test/workbook';

const SECOND_GRID = `${REGIONS.chengguanVillage}002`;

/**
 * One rule for which reports a staff member sees (policies/reportScope): the queue, its counts and
 * export, the detail and the media agree. A grid worker sees the village's reports but not its
 * anonymous ones; a sysadmin sees no report and none of its media.
 */
describe('who sees which report', () => {
  let app: TestApp;
  let named: { id: string; serialNo: string; photo: string };
  let anonymous: { id: string; serialNo: string; photo: string };
  const tokens: Record<'gridWorker' | 'otherGridWorker' | 'dispatcher' | 'sysadmin' | 'liaison', string> = {
    gridWorker: '',
    otherGridWorker: '',
    dispatcher: '',
    sysadmin: '',
    liaison: '',
  };

  const get = (who: keyof typeof tokens, path: string) => app.http.get(`/api/v1${path}`).set(bearer(tokens[who]));
  const queueSerials = async (who: keyof typeof tokens, query = '') => {
    const queue = await get(who, `/staff/reports?tab=all${query}`);
    expect(queue.status).toBe(200);
    return queue.body.items.map((item: { serialNo: string }) => item.serialNo).sort();
  };

  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
    await buildRegion(app.dataSource, SECOND_GRID, '五一村第二网格', 'grid', REGIONS.chengguanVillage);
    tokens.gridWorker = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'grid_worker', regionCode: REGIONS.chengguanGrid }),
    );
    tokens.otherGridWorker = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'grid_worker', regionCode: SECOND_GRID }),
    );
    tokens.dispatcher = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.chengguan }),
    );
    tokens.sysadmin = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'sysadmin', regionCode: REGIONS.county }),
    );
    tokens.liaison = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'liaison', regionCode: REGIONS.chengguanGrid }),
    );
    const neighbour = await buildCitizen(app.dataSource, { nickname: '孙邻居' });
    const file = async (body: Record<string, unknown>) => {
      const photo = await app.http
        .post('/api/v1/uploads')
        .set(bearer(citizenToken(app.deps, neighbour)))
        .attach('file', await testPhoto(), 'a.png');
      const report = await submitReport(app, neighbour, { ...body, photoUploadIds: [photo.body.id] });
      expect(report.status).toBe(201);
      return { id: report.body.id, serialNo: report.body.serialNo, photo: photo.body.id };
    };
    named = await file({ text: '村道路灯不亮' });
    anonymous = await file({ serviceCode: 'illegal', anonymous: true, text: '邻居家在河边私设地笼捕鱼' });
  });
  afterAll(() => app.close());

  it("lists to a grid worker the village's reports without its anonymous ones, with any region filter", async () => {
    for (const who of ['gridWorker', 'otherGridWorker'] as const) {
      expect(await queueSerials(who)).toEqual([named.serialNo]);
      expect(await queueSerials(who, `&regionCode=${REGIONS.chengguanVillage}`)).toEqual([named.serialNo]);
    }
    expect(await queueSerials('gridWorker', `&regionCode=${REGIONS.chengguanGrid}`)).toEqual([named.serialNo]);
    expect((await get('gridWorker', '/staff/reports/counts')).body.all).toBe(1);
    expect(await queueSerials('dispatcher')).toEqual([named.serialNo, anonymous.serialNo].sort());
  });

  it('exports to a grid worker only what the queue lists', async () => {
    const file = await get('gridWorker', '/staff/reports/export').buffer(true).parse(bytes);
    expect(file.status).toBe(200);
    const text = JSON.stringify(await sheetRows(file.body));
    expect(text).toContain(named.serialNo);
    expect(text).not.toContain(anonymous.serialNo);
  });

  it('opens to a grid worker what the queue lists and refuses the rest, with their media', async () => {
    expect((await get('gridWorker', `/staff/reports/${named.id}`)).status).toBe(200);
    expect((await get('gridWorker', `/uploads/${named.photo}/content`)).status).toBe(200);
    expect((await get('gridWorker', `/staff/reports/${anonymous.id}`)).status).toBe(403);
    expect((await get('gridWorker', `/uploads/${anonymous.photo}/content`)).status).toBe(403);
    expect((await get('gridWorker', `/uploads/${anonymous.photo}/link`)).status).toBe(403);
    expect((await get('dispatcher', `/staff/reports/${anonymous.id}`)).status).toBe(200);
    expect((await get('dispatcher', `/uploads/${anonymous.photo}/content`)).status).toBe(200);
  });

  it('shows a sysadmin no report and none of its media, except media held for their review', async () => {
    expect((await get('sysadmin', `/staff/reports/${named.id}`)).status).toBe(403);
    for (const photo of [named.photo, anonymous.photo]) {
      expect((await get('sysadmin', `/uploads/${photo}/content`)).status).toBe(403);
      expect((await get('sysadmin', `/uploads/${photo}/link`)).status).toBe(403);
    }
    await app.dataSource.getRepository(ContentCheck).insert({
      id: newId(),
      subjectType: 'attachment',
      subjectId: named.photo,
      field: 'photo',
      citizenId: 'c',
      reportId: named.id,
      regionCode: REGIONS.chengguanVillage,
      status: 'review',
      label: null,
      traceId: null,
      attempts: 1,
      nextAttemptAt: null,
      lastError: null,
      moderation: 'held',
      moderatedById: null,
      moderatedAt: null,
    });
    expect((await get('sysadmin', `/uploads/${named.photo}/content`)).status).toBe(200);
    expect((await get('sysadmin', `/uploads/${anonymous.photo}/content`)).status).toBe(403);
    expect((await get('gridWorker', `/uploads/${named.photo}/content`)).status).toBe(200);
  });

  it('gives a 三线 member no queue and no report of their grid: they look after households', async () => {
    expect((await get('liaison', '/staff/reports?tab=all')).status).toBe(403);
    expect((await get('liaison', `/staff/reports/${named.id}`)).status).toBe(403);
    expect((await get('liaison', `/uploads/${named.photo}/content`)).status).toBe(403);
  });
});
