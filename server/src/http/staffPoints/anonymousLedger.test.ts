import { PointsEntryRow } from '../../db/entities';
import {
  REGIONS,
  type World,
  bearer,
  buildCitizen,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
  submitReport,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';
import { bytes, sheetRows } from '../../test/workbook';
import type { Citizen } from '../../db/entities';

/** Points earned by an anonymous 违法举报: the reporter sees their serial, no staff surface ties it to them. */
describe('the points ledger keeps an anonymous reporter anonymous', () => {
  let app: TestApp;
  let world: World;
  let reporter: Citizen;
  let serialNo: string;
  const staffTokens: Record<string, string> = {};

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildWorld(app.dataSource);
    const handler = staffToken(
      app.deps,
      await buildStaff(app.dataSource, {
        role: 'handler',
        regionCode: REGIONS.chengguan,
        departmentId: world.power.id,
      }),
    );
    staffTokens.cadre = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.chengguanVillage }),
    );
    staffTokens.dispatcher = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.chengguan }),
    );
    staffTokens.county = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }),
    );
    reporter = await buildCitizen(app.dataSource, { nickname: '赵举报' });
    const submitted = await submitReport(app, reporter, {
      serviceCode: 'illegal',
      anonymous: true,
      categoryCode: 'power',
      text: '有人私拉电线偷电',
    });
    expect(submitted.status).toBe(201);
    serialNo = submitted.body.serialNo;
    for (const action of [{ action: 'sign' }, { action: 'resolve', note: '已查实并拆除' }]) {
      expect(
        (await app.http.post(`/api/v1/staff/reports/${submitted.body.id}/actions`).set(bearer(handler)).send(action))
          .status,
      ).toBe(200);
    }
    expect(
      (
        await app.http
          .post(`/api/v1/reports/${submitted.body.id}/rating`)
          .set(bearer(citizenToken(app.deps, reporter)))
          .send({ score: 5 })
      ).status,
    ).toBe(200);
    expect(await app.dataSource.getRepository(PointsEntryRow).countBy({ citizenId: reporter.id })).toBe(2);
  });
  afterAll(() => app.close());

  it('shows the reporter their own serial number', async () => {
    const own = await app.http.get('/api/v1/points').set(bearer(citizenToken(app.deps, reporter)));
    expect(own.body.entries.items.map((entry: { note: string | null }) => entry.note)).toEqual([serialNo, serialNo]);
  });

  it.each(['cadre', 'dispatcher', 'county'])(
    'lists the lines to the %s without the serial number or the reporter',
    async (role) => {
      const ledger = await app.http.get('/api/v1/staff/points/ledger').set(bearer(staffTokens[role]));
      expect(ledger.status).toBe(200);
      expect(ledger.body.items).toHaveLength(2);
      for (const entry of ledger.body.items)
        expect(entry).toMatchObject({ citizenName: '匿名举报人', villageName: '五一村', note: null });
      expect(JSON.stringify(ledger.body)).not.toMatch(new RegExp(`${serialNo}|赵举报|${reporter.id}`));
    },
  );

  it('exports the lines without the serial number or the reporter', async () => {
    const file = await app.http
      .get('/api/v1/staff/points/ledger/export')
      .set(bearer(staffTokens.county))
      .buffer(true)
      .parse(bytes);
    expect(file.status).toBe(200);
    const rows = await sheetRows(file.body);
    expect(rows.slice(1).map((row) => [row[1], row[5]])).toEqual([
      ['匿名举报人', ''],
      ['匿名举报人', ''],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(new RegExp(`${serialNo}|赵举报`));
  });

  it('still names the citizen and the report of a report filed under their name', async () => {
    const named = await buildCitizen(app.dataSource, { nickname: '钱实名' });
    const submitted = await submitReport(app, named, {
      serviceCode: 'illegal',
      categoryCode: 'power',
      text: '河道有人倾倒垃圾',
    });
    await app.dataSource.getRepository(PointsEntryRow).insert({
      id: '01JZZZZZZZZZZZZZZZZZZZZZZZ',
      citizenId: named.id,
      delta: 10,
      reason: 'report_resolved',
      sourceId: submitted.body.id,
      regionCode: REGIONS.chengguanVillage,
      note: submitted.body.serialNo,
      staffId: null,
    });
    const ledger = await app.http
      .get('/api/v1/staff/points/ledger?reason=report_resolved')
      .set(bearer(staffTokens.cadre));
    expect(ledger.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ citizenName: '钱实名', note: submitted.body.serialNo })]),
    );
  });
});
