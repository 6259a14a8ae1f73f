import { RankingTrendSchema, RankingsResponseSchema } from '@minqing/shared';
import { REGIONS } from '../../test/factories';
import { MARCH, STATS_NOW, type StatsWorld, buildStatsWorld } from '../../test/statsWorld';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('GET /api/v1/public/rankings', () => {
  let app: TestApp;
  let world: StatsWorld;

  beforeAll(async () => {
    app = await createTestApp({ clock: () => STATS_NOW });
    world = await buildStatsWorld(app.dataSource);
  });
  afterAll(() => app.close());

  it('answers a month without sign-in: departments, townships and counties with their figures', async () => {
    const response = await app.http.get('/api/v1/public/rankings?month=2026-03');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    expect(RankingsResponseSchema.parse(response.body)).toMatchObject({ month: '2026-03', minReceived: 5 });
    expect(response.body.departments).toEqual([
      {
        departmentId: world.power.id,
        name: '城关镇供电所',
        level: 'township',
        regionCode: REGIONS.chengguan,
        rank: 1,
        score: 59.5,
        ...MARCH.A,
      },
    ]);
    expect(response.body.townships.map((entry: { regionCode: string }) => entry.regionCode)).toEqual([
      REGIONS.chengguan,
    ]);
    expect(response.body.counties).toEqual([expect.objectContaining({ regionCode: REGIONS.county, ...MARCH.county })]);
  });

  it('lists departments and townships with fewer than 5 reports apart as 样本不足, without rank or score', async () => {
    const { body } = await app.http.get('/api/v1/public/rankings?month=2026-03');
    // 县农业农村局 received 4, 县民政局 1, 涧池镇供电所 none (it only returned one); 涧池镇 had 1 report.
    expect(body.insufficient.departments.map((entry: { departmentId: string }) => entry.departmentId)).toEqual([
      world.agriculture.id,
      world.civil.id,
      world.jianchiPower.id,
    ]);
    expect(body.insufficient.departments[0]).toEqual({
      departmentId: world.agriculture.id,
      name: '县农业农村局',
      level: 'county',
      regionCode: REGIONS.county,
      ...MARCH.B,
    });
    expect(body.insufficient.townships).toEqual([
      { regionCode: REGIONS.jianchi, name: '涧池镇', level: 'township', ...MARCH.jianchi },
    ]);
    expect(body.insufficient.counties).toEqual([]);
  });

  it('says how each figure is computed', async () => {
    const { body } = await app.http.get('/api/v1/public/rankings?month=2026-03');
    expect(body.definitions).toHaveLength(11);
    expect(body.definitions[0]).toEqual({
      figure: 'score',
      label: '综合得分',
      howComputed: expect.stringContaining('受理不足 5 件的不参与排名'),
    });
    for (const definition of body.definitions) expect(definition.howComputed.length).toBeGreaterThan(10);
  });

  it('honours RANKING_MIN_RECEIVED', async () => {
    app.deps.config.rankingMinReceived = 4;
    try {
      const { body } = await app.http.get('/api/v1/public/rankings?month=2026-03');
      expect(body.minReceived).toBe(4);
      expect(
        body.departments.map((entry: { departmentId: string; rank: number }) => [entry.departmentId, entry.rank]),
      ).toEqual([
        [world.power.id, 1],
        [world.agriculture.id, 2],
      ]);
      expect(body.definitions[0].howComputed).toContain('受理不足 4 件');
    } finally {
      delete app.deps.config.rankingMinReceived;
    }
  });

  it('tells nobody who reported what', async () => {
    const text = JSON.stringify((await app.http.get('/api/v1/public/rankings?month=2026-03')).body);
    expect(text).not.toContain('citizen');
    expect(text).not.toContain('统计测试');
    expect(text).not.toContain('ST20260301');
  });

  it("defaults to this month by the server's clock, in China time", async () => {
    const response = await app.http.get('/api/v1/public/rankings');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      month: '2026-04',
      from: '2026-03-31T16:00:00.000Z',
      generatedAt: STATS_NOW.toISOString(),
    });
    expect(response.body.departments).toEqual([]);
    expect(response.body.insufficient.departments).toEqual([
      expect.objectContaining({ departmentId: world.power.id, received: 2, returns: 1 }),
    ]);
  });

  it('answers a department’s trend over months, agreeing with each month’s ranking', async () => {
    const response = await app.http.get(`/api/v1/public/rankings/trend?departmentId=${world.power.id}&months=3`);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(RankingTrendSchema.parse(response.body)).toMatchObject({
      departmentId: world.power.id,
      name: '城关镇供电所',
      minReceived: 5,
    });
    expect(response.body.months.map((entry: { month: string }) => entry.month)).toEqual([
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
    const [february, march, april] = response.body.months;
    expect(february).toMatchObject({ received: expect.any(Number), insufficient: true, rank: null });
    expect(march).toEqual({
      month: '2026-03',
      received: MARCH.A.received,
      resolvedRate: MARCH.A.resolvedRate,
      onTimeRate: MARCH.A.onTimeRate,
      satisfactionRate: MARCH.A.satisfactionRate,
      meanHoursToResolve: MARCH.A.meanHoursToResolve,
      insufficient: false,
      rank: 1,
    });
    expect(april).toMatchObject({ month: '2026-04', received: 2, insufficient: true, rank: null });
    const ending = await app.http.get(
      `/api/v1/public/rankings/trend?departmentId=${world.power.id}&month=2026-03&months=2`,
    );
    expect(ending.body.months.map((entry: { month: string }) => entry.month)).toEqual(['2026-02', '2026-03']);
  });

  it('answers 404 for an unknown department and 400 naming the field of a bad trend query', async () => {
    expect((await app.http.get('/api/v1/public/rankings/trend?departmentId=01JAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(
      404,
    );
    for (const [query, field] of [
      ['', 'departmentId'],
      ['departmentId=abc', 'departmentId'],
      [`departmentId=${world.power.id}&months=40`, 'months'],
      [`departmentId=${world.power.id}&month=2026-13`, 'month'],
    ] as const) {
      const response = await app.http.get(`/api/v1/public/rankings/trend?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.field).toBe(field);
    }
  });

  it.each(['2026-13', '2026-3', '202603', 'march', '2026-03-01'])('answers 400 naming month for %s', async (month) => {
    const response = await app.http.get(`/api/v1/public/rankings?month=${month}`);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'bad_request', field: 'month' });
  });
});
