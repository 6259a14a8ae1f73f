import { Workbook } from 'exceljs';
import { AuditLog, Household, ReportEvent, type Staff, Visit } from '../../db/entities';
import { newId } from '../../db/ids';
import { REGIONS, bearer, buildRegion, buildStaff, buildWorld, staffToken } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';
import { bytes } from '../../test/workbook';

/** Mid-November 2026 in China; every instant below is fixed against it. */
const NOW = new Date('2026-11-20T02:00:00.000Z');
const DAY_MS = 24 * 3600_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
const SECOND_GRID = '610921100201002';
const JIANCHI_GRID = '610921101201001';

describe('走访督导: per grid and per 三线 member, for a month', () => {
  let app: TestApp;
  const tokens: Record<string, string> = {};
  let liaison: Staff;
  let gridWorker: Staff;
  const ids: Record<string, string> = {};
  const staffIds: Record<string, string> = {};

  const as = (who: string) => bearer(tokens[who]);
  const supervision = (who: string, query = '') => app.http.get(`/api/v1/staff/supervision${query}`).set(as(who));

  beforeAll(async () => {
    app = await createTestApp({ clock: () => NOW });
    const ds = app.dataSource;
    await buildWorld(ds);
    await buildRegion(ds, SECOND_GRID, '五一村第二网格', 'grid', REGIONS.chengguanVillage);
    await buildRegion(ds, JIANCHI_GRID, '紫云村第一网格', 'grid', REGIONS.jianchiVillage);
    liaison = await buildStaff(ds, { role: 'liaison', regionCode: REGIONS.chengguanGrid, name: '党员张华' });
    gridWorker = await buildStaff(ds, { role: 'grid_worker', regionCode: REGIONS.chengguanGrid });
    const members: Record<string, Staff> = {
      cadre: await buildStaff(ds, { role: 'cadre', regionCode: REGIONS.chengguanVillage }),
      dispatcher: await buildStaff(ds, { role: 'dispatcher', regionCode: REGIONS.chengguan }),
      jianchiDispatcher: await buildStaff(ds, { role: 'dispatcher', regionCode: REGIONS.jianchi }),
      county: await buildStaff(ds, { role: 'county', regionCode: REGIONS.county }),
      handler: await buildStaff(ds, { role: 'handler', regionCode: REGIONS.chengguan }),
      sysadmin: await buildStaff(ds, { role: 'sysadmin', regionCode: REGIONS.county }),
      liaison,
      gridWorker,
    };
    for (const [who, member] of Object.entries(members)) {
      tokens[who] = staffToken(app.deps, member);
      staffIds[who] = member.id;
    }

    const household = (key: string, gridCode: string, liaisonId: string | null, createdAt = daysAgo(100)) => {
      ids[key] = newId();
      return {
        id: ids[key],
        gridCode,
        headName: key,
        address: '一组',
        phoneEncrypted: app.deps.cipher.encrypt('13900001111'),
        phoneHash: null,
        memberCount: 1,
        tags: [],
        liaisonId,
        lastVisitedAt: null,
        createdAt,
        updatedAt: createdAt,
      };
    };
    await ds.getRepository(Household).insert([
      household('李大爷', REGIONS.chengguanGrid, liaison.id),
      household('王婶', REGIONS.chengguanGrid, liaison.id),
      household('孙伯', REGIONS.chengguanGrid, null),
      household('赵伯', SECOND_GRID, null),
      household('陈奶奶', JIANCHI_GRID, null),
      // Added after October ended: not on October's roster.
      household('新户', SECOND_GRID, null, daysAgo(10)),
    ]);
    const visit = (householdKey: string, gridCode: string, staffId: string, at: Date) => ({
      id: newId(),
      householdId: ids[householdKey],
      gridCode,
      staffId,
      note: '走访',
      photoUploadIds: [],
      visitedAt: at,
      createdAt: at,
    });
    await ds.getRepository(Visit).insert([
      // This month: 李大爷 visited 5 days ago by the liaison, 孙伯 by the grid worker.
      visit('李大爷', REGIONS.chengguanGrid, liaison.id, daysAgo(5)),
      visit('孙伯', REGIONS.chengguanGrid, gridWorker.id, daysAgo(2)),
      // Late October: 王婶, 40 days ago — long enough to be 未走访 now, recent for October's end.
      visit('王婶', REGIONS.chengguanGrid, liaison.id, daysAgo(40)),
    ]);
    await ds.getRepository(Household).update({ id: ids.王婶 }, { lastVisitedAt: daysAgo(40) });
    const settled = (at: Date, actorId: string) => ({
      id: newId(),
      reportId: newId(),
      type: 'resolve_on_spot' as const,
      fromStatus: 'dispatched' as const,
      toStatus: 'resolved' as const,
      actorType: 'staff' as const,
      actorId,
      departmentId: null,
      note: '已就地解决',
      data: null,
      public: true,
      createdAt: at,
    });
    await ds
      .getRepository(ReportEvent)
      .insert([settled(daysAgo(3), gridWorker.id), settled(daysAgo(45), gridWorker.id)]);
    // One 代报 by the grid worker, filed now (the app's clock).
    const filed = await app.http
      .post('/api/v1/staff/reports')
      .set(as('gridWorker'))
      .send({
        serviceCode: 'direct',
        villageCode: REGIONS.chengguanVillage,
        text: '李大爷家门口的路灯坏了',
        categoryCode: 'power',
        onBehalfOf: { name: '李大爷' },
      });
    expect([filed.status, filed.body.error]).toEqual([201, undefined]);
  });
  afterAll(() => app.close());

  it('answers 401 without a token and 403 to those who do not supervise or outside their region', async () => {
    expect((await app.http.get('/api/v1/staff/supervision')).status).toBe(401);
    for (const who of ['handler', 'sysadmin', 'liaison', 'gridWorker']) {
      expect((await supervision(who)).status).toBe(403);
      expect((await app.http.get('/api/v1/staff/supervision/not-visited').set(as(who))).status).toBe(403);
      expect((await app.http.get('/api/v1/staff/supervision/export').set(as(who))).status).toBe(403);
    }
    expect((await supervision('cadre', `?regionCode=${REGIONS.jianchi}`)).status).toBe(403);
    expect((await supervision('county', '?month=2026-13')).body.error.field).toBe('month');
  });

  it('counts this month per grid and per 三线 member, with 未走访 as of now', async () => {
    const response = await supervision('cadre');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      month: '2026-11',
      regionCode: REGIONS.chengguanVillage,
      regionName: '五一村',
      asOf: NOW.toISOString(),
    });
    expect(response.body.grids).toEqual([
      {
        gridCode: REGIONS.chengguanGrid,
        gridName: '五一村第一网格',
        villageName: '五一村',
        households: 3,
        visits: 2,
        notVisited: 1,
        filedOnBehalf: 1,
        settledOnSpot: 1,
      },
      {
        gridCode: SECOND_GRID,
        gridName: '五一村第二网格',
        villageName: '五一村',
        households: 2,
        visits: 0,
        notVisited: 2,
        filedOnBehalf: 0,
        settledOnSpot: 0,
      },
    ]);
    expect(response.body.liaisons).toEqual([
      {
        staffId: liaison.id,
        name: '党员张华',
        gridCode: REGIONS.chengguanGrid,
        gridName: '五一村第一网格',
        households: 2,
        visits: 1,
        notVisited: 1,
        filedOnBehalf: 0,
      },
    ]);
    expect(response.body.definitions.map((definition: { label: string }) => definition.label)).toEqual([
      '联系户数',
      '走访次数',
      '未走访户数',
      '代报件数',
      '就地办结',
    ]);
  });

  it('judges a past month at its end: October counts its own visits and roster', async () => {
    const october = await supervision('county', `?month=2026-10&regionCode=${REGIONS.chengguanVillage}`);
    expect(october.body.asOf).toBe('2026-10-31T16:00:00.000Z');
    const first = october.body.grids.find((grid: { gridCode: string }) => grid.gridCode === REGIONS.chengguanGrid);
    // 王婶's visit of 40 days ago fell in October; nobody else was visited in the 30 days before its end.
    expect(first).toMatchObject({ households: 3, visits: 1, notVisited: 2, filedOnBehalf: 0, settledOnSpot: 1 });
    expect(october.body.grids.find((grid: { gridCode: string }) => grid.gridCode === SECOND_GRID)).toMatchObject({
      households: 1,
      notVisited: 1,
    });
  });

  it('keeps each supervisor to their region: the other township sees only its own grids', async () => {
    const jianchi = await supervision('jianchiDispatcher');
    expect(jianchi.body.grids.map((grid: { gridCode: string }) => grid.gridCode)).toEqual([JIANCHI_GRID]);
    expect(jianchi.body.liaisons).toEqual([]);
  });

  it('opens the 未走访 list behind a figure, by grid or by 三线 member, phones masked', async () => {
    const heads = async (query: string) => {
      const response = await app.http.get(`/api/v1/staff/supervision/not-visited?${query}`).set(as('dispatcher'));
      expect(response.status).toBe(200);
      return response.body.items.map((item: { headName: string; phone: string }) => [item.headName, item.phone]);
    };
    expect(await heads(`gridCode=${REGIONS.chengguanGrid}`)).toEqual([['王婶', '139****1111']]);
    expect(await heads(`liaisonId=${liaison.id}`)).toEqual([['王婶', '139****1111']]);
    expect((await heads(`gridCode=${SECOND_GRID}`)).map(([head]: string[]) => head).sort()).toEqual(
      ['新户', '赵伯'].sort(),
    );
    const outside = await app.http
      .get(`/api/v1/staff/supervision/not-visited?gridCode=${JIANCHI_GRID}`)
      .set(as('dispatcher'));
    expect(outside.body).toMatchObject({ items: [], total: 0 });
  });

  it('exports the tables and the 未走访 list as .xlsx, audited', async () => {
    const response = await app.http.get('/api/v1/staff/supervision/export').set(as('cadre')).buffer(true).parse(bytes);
    expect(response.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['按网格', '按三线成员', '未走访名单', '指标说明']);
    const row = (sheet: string, number: number) =>
      (workbook.getWorksheet(sheet)!.getRow(number).values as unknown[]).slice(1);
    expect(row('按网格', 2)).toEqual(['五一村', '五一村第一网格', 3, 2, 1, 1, 1]);
    expect(row('未走访名单', 2)).toEqual([
      '五一村第一网格',
      '王婶',
      '一组',
      '139****1111',
      '党员张华',
      '2026-10-11 10:00',
    ]);
    expect(workbook.getWorksheet('未走访名单')!.rowCount).toBe(4);
    expect(
      await app.dataSource.getRepository(AuditLog).countBy({ action: 'supervision.export', staffId: staffIds.cadre }),
    ).toBe(1);
  });
});
