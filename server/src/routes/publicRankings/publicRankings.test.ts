import { REGIONS } from '../../test/factories';
import { MARCH, STATS_NOW, StatsWorld, buildStatsWorld } from '../../test/statsWorld';
import { TestApp, createTestApp } from '../../test/testApp';

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
    expect(response.body.month).toBe('2026-03');
    expect(response.body.departments.map((entry: { departmentId: string }) => entry.departmentId)).toEqual([
      world.power.id,
      world.agriculture.id,
      world.civil.id,
      world.jianchiPower.id,
    ]);
    expect(response.body.departments[0]).toEqual({ departmentId: world.power.id, name: '城关镇供电所', level: 'township', regionCode: REGIONS.chengguan, rank: 1, score: 59.5, ...MARCH.A });
    expect(response.body.townships.map((entry: { regionCode: string }) => entry.regionCode)).toEqual([REGIONS.jianchi, REGIONS.chengguan]);
    expect(response.body.counties).toEqual([expect.objectContaining({ regionCode: REGIONS.county, ...MARCH.county })]);
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
    expect(response.body).toMatchObject({ month: '2026-04', from: '2026-03-31T16:00:00.000Z', generatedAt: STATS_NOW.toISOString() });
    expect(response.body.departments).toEqual([expect.objectContaining({ departmentId: world.power.id, received: 2, returns: 1 })]);
  });

  it.each(['2026-13', '2026-3', '202603', 'march', '2026-03-01'])('answers 400 naming month for %s', async (month) => {
    const response = await app.http.get(`/api/v1/public/rankings?month=${month}`);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'bad_request', field: 'month' });
  });
});
