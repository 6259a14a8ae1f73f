import { REGIONS, bearer, buildStaff, staffToken } from '../../test/factories';
import { MARCH, STATS_NOW, type StatsWorld, buildStatsWorld } from '../../test/statsWorld';
import { type TestApp, createTestApp } from '../../test/testApp';

const MARCH_RANGE = 'from=2026-03-01&to=2026-03-31';

describe('GET /api/v1/staff/stats/rankings', () => {
  let app: TestApp;
  let world: StatsWorld;
  let dispatcher: string;
  let county: string;

  const get = (token: string, query: string) =>
    app.http.get(`/api/v1/staff/stats/rankings?${query}`).set(bearer(token));
  const names = (body: { departments: { name: string }[] }) => body.departments.map((entry) => entry.name);

  beforeAll(async () => {
    app = await createTestApp({ clock: () => STATS_NOW });
    world = await buildStatsWorld(app.dataSource);
    dispatcher = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher' }));
    county = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }));
  });
  afterAll(() => app.close());

  it("equals the public ranking's department table for the whole county and a calendar month", async () => {
    const response = await get(county, MARCH_RANGE);
    expect(response.status).toBe(200);
    const published = await app.http.get('/api/v1/public/rankings?month=2026-03');
    expect(response.body).toMatchObject({
      from: '2026-03-01',
      to: '2026-03-31',
      scope: { regionCode: REGIONS.county, departmentId: null },
    });
    expect(response.body.departments).toEqual(published.body.departments);
    expect(response.body.insufficient.departments).toEqual(published.body.insufficient.departments);
    expect(response.body).toMatchObject({ minReceived: 5, definitions: published.body.definitions });
    // Only 城关镇供电所 received 5 or more; C, with only a return, is listed apart; the idle bureau is not.
    expect(names(response.body)).toEqual(['城关镇供电所']);
    expect(names(response.body.insufficient)).toEqual(['县农业农村局', '县民政局', '涧池镇供电所']);
  });

  it("ranks a township's departments on that township's reports only", async () => {
    const response = await get(dispatcher, MARCH_RANGE);
    expect(response.status).toBe(200);
    const byId = new Map(
      response.body.departments.map((entry: { departmentId: string }) => [entry.departmentId, entry]),
    );
    // b3 is in 涧池镇, so the bureau has b1 b2 b4 here; C's return was of a 涧池镇 report.
    expect(byId.get(world.power.id)).toMatchObject({ ...MARCH.A, rank: 1 });
    expect(response.body.departments).toHaveLength(1);
    const apart = new Map(
      response.body.insufficient.departments.map((entry: { departmentId: string }) => [entry.departmentId, entry]),
    );
    expect(apart.get(world.agriculture.id)).toMatchObject({ received: 3, overdue: 1 });
    expect(apart.get(world.agriculture.id)).not.toHaveProperty('rank');
    expect(apart.has(world.jianchiPower.id)).toBe(false);
  });

  it('ranks by RANKING_MIN_RECEIVED', async () => {
    app.deps.config.rankingMinReceived = 1;
    try {
      const response = await get(dispatcher, MARCH_RANGE);
      expect(response.body.minReceived).toBe(1);
      expect(response.body.departments.map((entry: { rank: number }) => entry.rank)).toEqual([1, 2, 3]);
      expect(response.body.insufficient.departments).toEqual([]);
    } finally {
      delete app.deps.config.rankingMinReceived;
    }
  });

  it('gives a handler the row of its own department', async () => {
    const handler = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'handler', departmentId: world.agriculture.id }),
    );
    const response = await get(handler, MARCH_RANGE);
    expect(response.body.departments).toEqual([]);
    expect(response.body.insufficient.departments).toEqual([
      expect.objectContaining({ departmentId: world.agriculture.id, received: 3 }),
    ]);
  });

  it('answers 401 without a token, 403 to cadres and outside the region, 400 naming the field', async () => {
    expect((await app.http.get('/api/v1/staff/stats/rankings')).status).toBe(401);
    const cadre = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.chengguanVillage }),
    );
    expect((await get(cadre, MARCH_RANGE)).status).toBe(403);
    expect((await get(dispatcher, `regionCode=${REGIONS.jianchi}`)).status).toBe(403);
    const bad = await get(county, 'from=2026-03-32');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'bad_request', field: 'from' });
  });
});
