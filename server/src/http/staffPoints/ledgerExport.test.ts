import { AuditLog, PointsEntryRow } from '../../db/entities';
import { newId } from '../../db/ids';
import { REGIONS, bearer, buildCitizen, buildStaff, buildWorld, staffToken } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';
import { bytes, sheetRows } from '../../test/workbook';
import { LEDGER_EXPORT_HEADERS } from './ledgerExport';

const NOW = new Date('2026-11-22T04:00:00.000Z');

describe('GET /api/v1/staff/points/ledger/export', () => {
  let app: TestApp;
  let cadre: string;
  let cadreId: string;
  let county: string;
  let jianchiCadre: string;
  let handler: string;

  const download = (token: string, query = '') =>
    app.http.get(`/api/v1/staff/points/ledger/export${query}`).set(bearer(token)).buffer(true).parse(bytes);

  beforeAll(async () => {
    app = await createTestApp({ clock: () => NOW });
    const world = await buildWorld(app.dataSource);
    const cadreStaff = await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.chengguanVillage });
    cadreId = cadreStaff.id;
    cadre = staffToken(app.deps, cadreStaff);
    county = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }));
    jianchiCadre = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.jianchiVillage }),
    );
    handler = staffToken(
      app.deps,
      await buildStaff(app.dataSource, {
        role: 'handler',
        regionCode: REGIONS.chengguan,
        departmentId: world.power.id,
      }),
    );
    const wang = await buildCitizen(app.dataSource, { nickname: '王大娘' });
    const li = await buildCitizen(app.dataSource, { nickname: '李大爷', villageCode: REGIONS.jianchiVillage });
    const line = (
      citizenId: string,
      regionCode: string,
      delta: number,
      reason: PointsEntryRow['reason'],
      note: string | null,
      at: string,
    ) => ({
      id: newId(),
      citizenId,
      delta,
      reason,
      sourceId: newId(),
      regionCode,
      note,
      staffId: null,
      createdAt: new Date(at),
    });
    await app.dataSource
      .getRepository(PointsEntryRow)
      .insert([
        line(wang.id, REGIONS.chengguanVillage, 5, 'volunteer', '2026-11-20 清扫河道', '2026-11-20T02:00:00.000Z'),
        line(wang.id, REGIONS.chengguanVillage, -3, 'redemption', '洗衣粉', '2026-11-21T02:00:00.000Z'),
        line(li.id, REGIONS.jianchiVillage, 10, 'report_resolved', null, '2026-11-19T02:00:00.000Z'),
      ]);
  });
  afterAll(() => app.close());

  it('answers the lines in scope as .xlsx, newest first, and audits the export', async () => {
    const response = await download(cadre);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="points-ledger-20261122.xlsx"; filename*=UTF-8''${encodeURIComponent('积分台账-20261122.xlsx')}`,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    expect(await sheetRows(response.body)).toEqual([
      [...LEDGER_EXPORT_HEADERS],
      ['2026-11-21 10:00', '王大娘', '五一村', '积分兑换', -3, '洗衣粉'],
      ['2026-11-20 10:00', '王大娘', '五一村', '志愿服务', 5, '2026-11-20 清扫河道'],
    ]);
    const audit = await app.dataSource
      .getRepository(AuditLog)
      .findOneByOrFail({ action: 'points.export', staffId: cadreId });
    expect(audit.detail).toContain('2 条');
  });

  it('applies the filters of the ledger screen', async () => {
    const byReason = await sheetRows((await download(county, '?reason=report_resolved')).body);
    expect(byReason.slice(1).map((row) => row[1])).toEqual(['李大爷']);
    const byRegion = await sheetRows((await download(county, `?regionCode=${REGIONS.chengguanVillage}`)).body);
    expect(byRegion).toHaveLength(3);
  });

  it('refuses 401 without a token, 403 to a role without the ledger or outside the scope, 400 naming a bad filter', async () => {
    expect((await app.http.get('/api/v1/staff/points/ledger/export')).status).toBe(401);
    expect((await download(handler)).status).toBe(403);
    expect((await download(jianchiCadre, `?regionCode=${REGIONS.chengguanVillage}`)).status).toBe(403);
    const bad = await app.http.get('/api/v1/staff/points/ledger/export?reason=gift').set(bearer(county));
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('reason');
  });
});
