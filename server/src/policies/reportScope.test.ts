import type { StaffRole } from '@minqing/shared';
import { ContentCheck, Household, Report, Staff } from '../db/entities';
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
import { reportInScope, reportScopeOf, whereReportInScope } from './reportScope';

const SECOND_GRID = `${REGIONS.chengguanVillage}002`;

/**
 * One rule for which reports a staff member sees (policies/reportScope): the queue, its counts and
 * export, the detail and the media agree. A grid worker sees their grid's reports and the village's
 * grid-less ones, but no anonymous one; a sysadmin sees no report and none of its media.
 */
describe('who sees which report', () => {
  let app: TestApp;
  let power: string;
  let named: { id: string; serialNo: string; photo: string };
  let anonymous: { id: string; serialNo: string; photo: string };
  /** A report of the first grid: its citizen's phone is that of a household there. */
  let inGrid: { id: string; serialNo: string; photo: string };
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
    power = (await buildWorld(app.dataSource)).power.id;
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
    const phone = '15550000001';
    const resident = await buildCitizen(app.dataSource, {
      nickname: '李德顺',
      phoneHash: app.deps.cipher.lookupHash(phone),
      phoneEncrypted: app.deps.cipher.encrypt(phone),
    });
    await app.dataSource.getRepository(Household).save({
      id: newId(),
      gridCode: REGIONS.chengguanGrid,
      headName: '李德顺',
      address: '一组 3 号',
      phoneEncrypted: app.deps.cipher.encrypt(phone),
      phoneHash: app.deps.cipher.lookupHash(phone),
      memberCount: 1,
      tags: [],
      liaisonId: null,
      lastVisitedAt: null,
    });
    const file = async (citizen: typeof neighbour, body: Record<string, unknown>) => {
      const photo = await app.http
        .post('/api/v1/uploads')
        .set(bearer(citizenToken(app.deps, citizen)))
        .attach('file', await testPhoto(), 'a.png');
      const report = await submitReport(app, citizen, { ...body, photoUploadIds: [photo.body.id] });
      expect(report.status).toBe(201);
      return { id: report.body.id, serialNo: report.body.serialNo, photo: photo.body.id };
    };
    // 公开 off: a public report's photo would wait in 内容审核, where the sysadmin moderates it.
    named = await file(neighbour, { text: '村道路灯不亮', public: false });
    anonymous = await file(neighbour, { serviceCode: 'illegal', anonymous: true, text: '邻居家在河边私设地笼捕鱼' });
    inGrid = await file(resident, { text: '家门口水管漏水' });
  });
  afterAll(() => app.close());

  it("lists to a grid worker their grid's and the village's grid-less reports, never anonymous ones", async () => {
    const mine = [named.serialNo, inGrid.serialNo].sort();
    expect(await queueSerials('gridWorker')).toEqual(mine);
    expect(await queueSerials('gridWorker', `&regionCode=${REGIONS.chengguanVillage}`)).toEqual(mine);
    expect(await queueSerials('gridWorker', `&regionCode=${REGIONS.chengguanGrid}`)).toEqual(mine);
    expect(await queueSerials('otherGridWorker')).toEqual([named.serialNo]);
    expect(await queueSerials('otherGridWorker', `&regionCode=${REGIONS.chengguanVillage}`)).toEqual([named.serialNo]);
    expect((await get('otherGridWorker', `/staff/reports?tab=all&regionCode=${REGIONS.chengguanGrid}`)).status).toBe(
      403,
    );
    expect((await get('gridWorker', '/staff/reports/counts')).body.all).toBe(2);
    expect((await get('otherGridWorker', '/staff/reports/counts')).body.all).toBe(1);
    expect(await queueSerials('dispatcher')).toEqual([named.serialNo, anonymous.serialNo, inGrid.serialNo].sort());
  });

  it('exports to a grid worker only what the queue lists', async () => {
    const exported = async (who: keyof typeof tokens) => {
      const file = await get(who, '/staff/reports/export').buffer(true).parse(bytes);
      expect(file.status).toBe(200);
      return JSON.stringify(await sheetRows(file.body));
    };
    const mine = await exported('gridWorker');
    expect(mine).toContain(named.serialNo);
    expect(mine).toContain(inGrid.serialNo);
    expect(mine).not.toContain(anonymous.serialNo);
    const theirs = await exported('otherGridWorker');
    expect(theirs).toContain(named.serialNo);
    expect(theirs).not.toContain(inGrid.serialNo);
  });

  it('opens to a grid worker what the queue lists and refuses the rest, with their media', async () => {
    expect((await get('gridWorker', `/staff/reports/${named.id}`)).status).toBe(200);
    expect((await get('gridWorker', `/uploads/${named.photo}/content`)).status).toBe(200);
    expect((await get('gridWorker', `/staff/reports/${anonymous.id}`)).status).toBe(403);
    expect((await get('gridWorker', `/uploads/${anonymous.photo}/content`)).status).toBe(403);
    expect((await get('gridWorker', `/uploads/${anonymous.photo}/link`)).status).toBe(403);
    expect((await get('gridWorker', `/staff/reports/${inGrid.id}`)).status).toBe(200);
    expect((await get('otherGridWorker', `/staff/reports/${inGrid.id}`)).status).toBe(403);
    expect((await get('otherGridWorker', `/uploads/${inGrid.photo}/content`)).status).toBe(403);
    expect((await get('otherGridWorker', `/staff/reports/${named.id}`)).status).toBe(200);
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

  it('answers alike for one report and in a query, for every kind of staff', async () => {
    const reports = app.dataSource.getRepository(Report);
    const template = await reports.findOneByOrFail({ id: named.id });
    let serial = 0;
    for (const villageCode of [REGIONS.chengguanVillage, REGIONS.jianchiVillage])
      for (const gridCode of [null, REGIONS.chengguanGrid, SECOND_GRID])
        for (const anonymous of [false, true])
          for (const departmentId of [null, power])
            await reports.insert({
              ...template,
              id: newId(),
              serialNo: `SCOPE-${++serial}`,
              townshipCode: villageCode.slice(0, 9),
              villageCode,
              gridCode,
              anonymous,
              departmentId,
            });
    const all = await reports.find();
    const member = (role: StaffRole, regionCode: string, departmentId: string | null = null) =>
      Object.assign(new Staff(), { role, regionCode, departmentId });
    for (const staff of [
      member('grid_worker', REGIONS.chengguanGrid),
      member('grid_worker', SECOND_GRID),
      member('cadre', REGIONS.chengguanVillage),
      member('dispatcher', REGIONS.chengguan),
      member('county', REGIONS.county),
      member('handler', REGIONS.chengguan, power),
    ]) {
      const scope = reportScopeOf(staff)!;
      const query = reports.createQueryBuilder('report').select('report.id');
      whereReportInScope(query, 'report', scope);
      const listed = (await query.getMany()).map((report) => report.id).sort();
      const single = all.filter((report) => reportInScope(scope, report)).map((report) => report.id);
      expect(listed.length).toBeGreaterThan(0);
      expect(listed).toEqual(single.sort());
    }
    expect(reportScopeOf(member('sysadmin', REGIONS.county))).toBeNull();
    expect(reportScopeOf(member('liaison', REGIONS.chengguanGrid))).toBeNull();
  });

  it('gives a 三线 member no queue and no report of their grid: they look after households', async () => {
    expect((await get('liaison', '/staff/reports?tab=all')).status).toBe(403);
    expect((await get('liaison', `/staff/reports/${named.id}`)).status).toBe(403);
    expect((await get('liaison', `/uploads/${named.photo}/content`)).status).toBe(403);
  });
});
