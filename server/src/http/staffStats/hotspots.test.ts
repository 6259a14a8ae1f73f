import { HotspotsSchema } from '@minqing/shared';
import { REGIONS, bearer, buildStaff, staffToken } from '../../test/factories';
import { BRIEF_NOW, WATER, WEEK, buildHotspotsWorld } from '../../test/hotspotsWorld';
import { type TestApp, createTestApp } from '../../test/testApp';

const WEEK_RANGE = `from=${WEEK.from}&to=${WEEK.to}`;

describe('GET /api/v1/staff/stats/hotspots (热点研判)', () => {
  let app: TestApp;
  let county: string;
  let dispatcher: string;
  const get = (token: string, query = WEEK_RANGE) =>
    app.http.get(`/api/v1/staff/stats/hotspots?${query}`).set(bearer(token));

  beforeAll(async () => {
    app = await createTestApp({ clock: () => BRIEF_NOW });
    await buildHotspotsWorld(app.dataSource);
    county = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }));
    dispatcher = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher' }));
  });
  afterAll(() => app.close());

  it('finds a village × category rising against both the week before and the same week last year', async () => {
    const response = await get(county);
    expect(response.status).toBe(200);
    const body = HotspotsSchema.parse(response.body);
    expect(body).toMatchObject({
      ...WEEK,
      previous: { from: '2026-03-30', to: '2026-04-05' },
      lastYear: { from: '2025-04-06', to: '2025-04-12' },
      minCount: 3,
      repeatDays: 30,
    });
    // 紫云村 饮水安全 rose by 3 over nothing; 五一村 供电 by 1 over last year's 2. 五一村 饮水安全 (3 as
    // the week before), 紫云村 供电 (4, last year 5) and 五一村 道路交通 (2, under 3) do not rise.
    expect(body.rising).toEqual([
      {
        villageCode: REGIONS.jianchiVillage,
        villageName: '紫云村',
        townshipName: '涧池镇',
        categoryCode: 'water',
        categoryName: WATER,
        count: 3,
        previous: 0,
        lastYear: 0,
      },
      {
        villageCode: REGIONS.chengguanVillage,
        villageName: '五一村',
        townshipName: '城关镇',
        categoryCode: 'power',
        categoryName: '供电',
        count: 3,
        previous: 1,
        lastYear: 2,
      },
    ]);
  });

  it('counts a report as a repeat within 30 days of a resolution of the same village and category, not after', async () => {
    const body = (await get(county)).body;
    // 五一村: all three of the week follow resolutions of 04-01 and 04-02. 紫云村: only the report
    // exactly 30 days after 03-07 09:00; 紫云村 供电 came 32 days after its resolution; 五一村
    // 道路交通's report came before the other was resolved.
    expect(body.repeats).toEqual([
      expect.objectContaining({ villageName: '五一村', categoryCode: 'water', count: 3 }),
      expect.objectContaining({
        villageName: '紫云村',
        categoryCode: 'water',
        count: 1,
        lastReportedAt: '2026-04-06T01:00:00.000Z',
      }),
    ]);
    expect(body.repeats[0].lastReportedAt).toBe('2026-04-11T01:55:00.000Z');
    expect(body.definitions.repeats).toContain('30 天内');
  });

  it('lists the week’s reports most villagers joined with 我也遇到, from 2 followers', async () => {
    const body = (await get(county)).body;
    expect(body.followedMin).toBe(2);
    expect(
      body.followed.map(
        (row: { villageName: string; categoryName: string; followerCount: number; statusName: string }) => [
          row.villageName,
          row.categoryName,
          row.followerCount,
          row.statusName,
        ],
      ),
    ).toEqual([
      ['五一村', WATER, 5, '处理中'],
      ['紫云村', '供电', 2, '已派单'],
    ]);
    expect(body.followed[0]).toMatchObject({ submittedAt: '2026-04-06T01:55:00.000Z', townshipName: '城关镇' });
  });

  it("gives a dispatcher only their township's hot spots, and the county a township it asks for", async () => {
    const own = (await get(dispatcher)).body;
    expect(own.scope).toMatchObject({ regionCode: REGIONS.chengguan, regionName: '城关镇' });
    expect(own.rising.map((row: { villageName: string }) => row.villageName)).toEqual(['五一村']);
    expect(own.repeats.map((row: { villageName: string }) => row.villageName)).toEqual(['五一村']);
    expect(own.followed.map((row: { followerCount: number }) => row.followerCount)).toEqual([5]);
    const jianchi = (await get(county, `${WEEK_RANGE}&regionCode=${REGIONS.jianchi}`)).body;
    expect(jianchi.rising.map((row: { categoryCode: string }) => row.categoryCode)).toEqual(['water']);
    expect(jianchi.repeats).toEqual([expect.objectContaining({ villageName: '紫云村', count: 1 })]);
  });

  it('answers 401 without a token, 403 to cadres and outside the region, 400 naming the field', async () => {
    expect((await app.http.get(`/api/v1/staff/stats/hotspots?${WEEK_RANGE}`)).status).toBe(401);
    const cadre = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.chengguanVillage }),
    );
    expect((await get(cadre)).status).toBe(403);
    expect((await get(dispatcher, `${WEEK_RANGE}&regionCode=${REGIONS.jianchi}`)).status).toBe(403);
    const bad = await get(county, 'from=2026-04-31');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'bad_request', field: 'from' });
  });
});
