import { EXPORT_MAX_ROWS } from '@minqing/shared';
import { AuditLog, Citizen, Report } from '../../db/entities';
import { newId } from '../../db/ids';
import { REGIONS, bearer, buildCitizen, buildStaff, staffToken } from '../../test/factories';
import { STATS_NOW, type StatsWorld, buildStatsWorld, chinaTime, insertReport } from '../../test/statsWorld';
import { type TestApp, createTestApp } from '../../test/testApp';
import { type CellValue, bytes, sheetRows } from '../../test/workbook';
import { RANKING_EXPORT_HEADERS } from '../staffRankings/rankingWorkbook';
import { REPORT_EXPORT_HEADERS } from './reportsWorkbook';

describe('staff .xlsx exports', () => {
  let app: TestApp;
  let world: StatsWorld;
  let dispatcher: string;
  let dispatcherId: string;
  let county: string;

  const download = (token: string, path: string) => app.http.get(path).set(bearer(token)).buffer(true).parse(bytes);
  const exportQueue = (token: string, query = '') => download(token, `/api/v1/staff/reports/export?${query}`);
  const serialsOf = (rows: CellValue[][]) => rows.slice(1).map((row) => row[0]);

  /** The serial numbers the work queue lists for the same query, every page. */
  async function listed(token: string, query: string): Promise<string[]> {
    const response = await app.http.get(`/api/v1/staff/reports?${query}&pageSize=100`).set(bearer(token));
    expect(response.status).toBe(200);
    expect(response.body.total).toBeLessThanOrEqual(100);
    return response.body.items.map((item: { serialNo: string }) => item.serialNo);
  }

  beforeAll(async () => {
    app = await createTestApp({ clock: () => STATS_NOW });
    world = await buildStatsWorld(app.dataSource);
    const staff = await buildStaff(app.dataSource, { role: 'dispatcher' });
    dispatcherId = staff.id;
    dispatcher = staffToken(app.deps, staff);
    county = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }));
  });
  afterAll(() => app.close());

  describe('GET /api/v1/staff/reports/export', () => {
    it('answers an .xlsx download with Chinese headers and the queue rows in the queue order', async () => {
      const response = await exportQueue(dispatcher, 'tab=all');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="reports-20260410.xlsx"; filename*=UTF-8''${encodeURIComponent('工单导出-20260410.xlsx')}`,
      );
      expect(response.headers['cache-control']).toBe('no-store');
      const rows = await sheetRows(response.body);
      expect(rows[0]).toEqual(REPORT_EXPORT_HEADERS);
      expect(serialsOf(rows)).toEqual(await listed(dispatcher, 'tab=all'));
      // a1–a12, t1, y1, b1, b2, b4 and f1 are in 城关镇.
      expect(rows.length - 1).toBe(18);
    });

    it.each([
      ['departmentId=:agriculture&sort=resolveDueAt'],
      ['status=closed,resolved'],
      ['from=2026-03-05&to=2026-03-10'],
      ['overdue=true'],
      ['keyword=统计'],
      ['tab=overdue'],
      ['tab=done&sort=-resolveDueAt'],
    ])('exports exactly what the queue lists for %s', async (template) => {
      const query = template.replace(':agriculture', world.agriculture.id);
      const rows = await sheetRows((await exportQueue(dispatcher, query)).body);
      const expected = await listed(dispatcher, query);
      expect(expected.length).toBeGreaterThan(0);
      expect(serialsOf(rows)).toEqual(expected);
    });

    it('describes each report in words and China time', async () => {
      const rows = await sheetRows(
        (await exportQueue(dispatcher, `departmentId=${world.agriculture.id}&sort=submittedAt`)).body,
      );
      const header = rows[0];
      const b1 = Object.fromEntries(header.map((name, index) => [name, rows[1][index]]));
      expect(b1).toMatchObject({
        状态: '已评价',
        服务: '民情直通',
        分类: '农业灾害',
        等级: '一般',
        '镇(街道)': '城关镇',
        '村(社区)': '五一村',
        承办部门: '县农业农村局',
        反映内容: '统计测试',
        派单时间: '2026-03-02 08:00',
        签收时间: '2026-03-02 09:00',
        办结时间: '2026-03-04 08:00',
        评价: 3,
      });
    });

    it('masks the reporter and leaves anonymous reporters out; writes an audit line', async () => {
      const citizen = await buildCitizen(app.dataSource, {
        nickname: '张大爷',
        phoneEncrypted: app.deps.cipher.encrypt('13812345678'),
      });
      const named = await insertReport(app.dataSource, {
        departmentId: world.civil.id,
        status: 'dispatched',
        dispatchedAt: chinaTime('2026-04-02 10:00'),
      });
      const anonymous = await insertReport(app.dataSource, {
        departmentId: world.civil.id,
        status: 'dispatched',
        dispatchedAt: chinaTime('2026-04-03 10:00'),
      });
      await app.dataSource.getRepository(Report).update(named.id, { citizenId: citizen.id });
      const other = await buildCitizen(app.dataSource, {
        nickname: '李四',
        phoneEncrypted: app.deps.cipher.encrypt('13900001111'),
      });
      await app.dataSource
        .getRepository(Report)
        .update(anonymous.id, { citizenId: other.id, anonymous: true, serviceCode: 'illegal' });

      const response = await exportQueue(dispatcher, `departmentId=${world.civil.id}&sort=submittedAt`);
      const rows = await sheetRows(response.body);
      const reporter = REPORT_EXPORT_HEADERS.indexOf('反映人');
      const phone = REPORT_EXPORT_HEADERS.indexOf('联系电话');
      const row = (serialNo: string) => rows.find((candidate) => candidate[0] === serialNo) ?? [];
      expect([row(named.serialNo)[reporter], row(named.serialNo)[phone]]).toEqual(['张**', '138****5678']);
      expect([row(anonymous.serialNo)[reporter], row(anonymous.serialNo)[phone]]).toEqual(['匿名', null]);
      const text = JSON.stringify(rows);
      expect(text).not.toContain('13812345678');
      expect(text).not.toContain('1390000');
      expect(text).not.toContain('李四');

      const audit = await app.dataSource.getRepository(AuditLog).findOneByOrFail({
        staffId: dispatcherId,
        action: 'report.export',
        detail: `3 件; departmentId=${world.civil.id}&sort=submittedAt`,
      });
      expect(audit).toMatchObject({ targetType: 'report' });
      await app.dataSource.getRepository(Report).delete([named.id, anonymous.id]);
      await app.dataSource.getRepository(Citizen).delete([citizen.id, other.id]);
    });

    it("keeps to the member's scope: township, department, and a region filter inside it", async () => {
      const jianchi = staffToken(
        app.deps,
        await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.jianchi }),
      );
      const jianchiRows = await sheetRows((await exportQueue(jianchi, 'tab=all')).body);
      expect(new Set(jianchiRows.slice(1).map((row) => row[5]))).toEqual(new Set(['涧池镇']));
      expect(serialsOf(jianchiRows)).toEqual(await listed(jianchi, 'tab=all'));

      const handler = staffToken(
        app.deps,
        await buildStaff(app.dataSource, { role: 'handler', departmentId: world.agriculture.id }),
      );
      const handlerRows = await sheetRows((await exportQueue(handler, 'tab=all')).body);
      expect(new Set(handlerRows.slice(1).map((row) => row[7]))).toEqual(new Set(['县农业农村局']));
      expect(handlerRows.length - 1).toBe(3);

      const countyRows = await sheetRows((await exportQueue(county, `regionCode=${REGIONS.jianchi}`)).body);
      expect(serialsOf(countyRows)).toEqual(serialsOf(jianchiRows));
    });

    it('answers 401 without a token, 403 to sysadmins and outside the region, 400 naming the field', async () => {
      expect((await app.http.get('/api/v1/staff/reports/export')).status).toBe(401);
      const sysadmin = staffToken(
        app.deps,
        await buildStaff(app.dataSource, { role: 'sysadmin', regionCode: REGIONS.county }),
      );
      expect((await app.http.get('/api/v1/staff/reports/export').set(bearer(sysadmin))).status).toBe(403);
      const outside = await app.http
        .get(`/api/v1/staff/reports/export?regionCode=${REGIONS.jianchi}`)
        .set(bearer(dispatcher));
      expect(outside.status).toBe(403);
      const bad = await app.http.get('/api/v1/staff/reports/export?tier=huge').set(bearer(dispatcher));
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: 'bad_request', field: 'tier' });
    });
  });

  describe('GET /api/v1/staff/stats/rankings/export', () => {
    it('answers the ranking of the period with the figures of the JSON ranking', async () => {
      const response = await download(county, '/api/v1/staff/stats/rankings/export?from=2026-03-01&to=2026-03-31');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(response.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('部门排名-2026-03-01_2026-03-31.xlsx')}`,
      );
      const rows = await sheetRows(response.body);
      expect(rows[0][0]).toBe('部门排名 2026-03-01 至 2026-03-31 · 汉阴县');
      expect(rows[1]).toEqual(RANKING_EXPORT_HEADERS);
      const ranking = (await app.http.get('/api/v1/public/rankings?month=2026-03')).body;
      expect(rows.slice(2).map((row) => row.slice(0, 10))).toEqual(
        [...ranking.departments, ...ranking.insufficient.departments].map((entry: Record<string, CellValue>) => [
          entry.rank ?? '样本不足',
          entry.name,
          entry.score ?? null,
          entry.received,
          entry.responded,
          entry.responseRate,
          entry.resolved,
          entry.resolvedRate,
          entry.resolvedOnTime,
          entry.onTimeRate,
        ]),
      );
      expect(rows[2].slice(0, 2)).toEqual([1, '城关镇供电所']);
      // Under 5 reports: listed as 样本不足; 涧池镇供电所 has only a return, so empty cells rather than 0 %.
      expect(rows[5].slice(0, 6)).toEqual(['样本不足', '涧池镇供电所', null, 0, 0, null]);
      expect(await app.dataSource.getRepository(AuditLog).countBy({ action: 'ranking.export' })).toBe(1);
    });

    it('answers 401, 403 to cadres and outside the region, 400 naming the field', async () => {
      expect((await app.http.get('/api/v1/staff/stats/rankings/export')).status).toBe(401);
      const cadre = staffToken(
        app.deps,
        await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.chengguanVillage }),
      );
      expect((await app.http.get('/api/v1/staff/stats/rankings/export').set(bearer(cadre))).status).toBe(403);
      expect(
        (
          await app.http
            .get(`/api/v1/staff/stats/rankings/export?regionCode=${REGIONS.jianchi}`)
            .set(bearer(dispatcher))
        ).status,
      ).toBe(403);
      const bad = await app.http.get('/api/v1/staff/stats/rankings/export?to=tomorrow').set(bearer(county));
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: 'bad_request', field: 'to' });
    });
  });

  // Last: it fills the database past the cap.
  it(`refuses more than ${EXPORT_MAX_ROWS} reports with a message to narrow the filters`, async () => {
    const template = await insertReport(app.dataSource, {
      departmentId: world.jianchiPower.id,
      villageCode: REGIONS.jianchiVillage,
      status: 'dispatched',
      dispatchedAt: chinaTime('2026-04-01 10:00'),
    });
    const rows = Array.from({ length: EXPORT_MAX_ROWS }, (_unused, index) => ({
      ...template,
      id: newId(),
      serialNo: `CAP${String(index).padStart(6, '0')}`,
    }));
    for (let start = 0; start < rows.length; start += 250) {
      await app.dataSource
        .createQueryBuilder()
        .insert()
        .into(Report)
        .values(rows.slice(start, start + 250))
        .updateEntity(false)
        .execute();
    }
    const response = await app.http
      .get(`/api/v1/staff/reports/export?regionCode=${REGIONS.jianchi}`)
      .set(bearer(county));
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(`超过单次导出上限 ${EXPORT_MAX_ROWS} 件`);
    const narrowed = await exportQueue(county, `regionCode=${REGIONS.jianchi}&serialNo=CAP000001`);
    expect(serialsOf(await sheetRows(narrowed.body))).toEqual(['CAP000001']);
  });
});
