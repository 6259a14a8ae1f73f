import { type StatFigures, StatFiguresSchema } from '@minqing/shared';
import { REGIONS, bearer, buildStaff, staffToken } from '../../test/factories';
import { MARCH, STATS_NOW, type StatsWorld, buildStatsWorld } from '../../test/statsWorld';
import { type TestApp, createTestApp } from '../../test/testApp';

const ROUTES = ['overview', 'trends', 'breakdown?by=department'];
const MARCH_RANGE = 'from=2026-03-01&to=2026-03-31';

describe('staff statistics', () => {
  let app: TestApp;
  let world: StatsWorld;
  let dispatcher: string;
  let handler: string;
  let county: string;
  let sysadmin: string;

  const get = (token: string, path: string) => app.http.get(`/api/v1/staff/stats/${path}`).set(bearer(token));
  /** The ranking entry of a department or region, ranked or 样本不足, without its rank, score and names. */
  async function rankedFigures(list: 'departments' | 'townships' | 'counties', key: string): Promise<StatFigures> {
    const ranking = await app.http.get('/api/v1/public/rankings?month=2026-03');
    const entry = [...ranking.body[list], ...ranking.body.insufficient[list]].find(
      (item: { departmentId?: string; regionCode: string }) => (item.departmentId ?? item.regionCode) === key,
    );
    return StatFiguresSchema.parse(entry);
  }

  beforeAll(async () => {
    app = await createTestApp({ clock: () => STATS_NOW });
    world = await buildStatsWorld(app.dataSource);
    dispatcher = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher' }));
    handler = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id }));
    county = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }));
    sysadmin = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'sysadmin', regionCode: REGIONS.county }));
  });
  afterAll(() => app.close());

  describe('overview', () => {
    it("gives a handler its own department's figures, the same as the public ranking's", async () => {
      const response = await get(handler, `overview?${MARCH_RANGE}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        from: '2026-03-01',
        to: '2026-03-31',
        scope: {
          regionCode: REGIONS.chengguan,
          regionName: '城关镇',
          departmentId: world.power.id,
          departmentName: '城关镇供电所',
        },
        // a12 came in today; backlog a3 a4 a5 a10 a11 a12, of which a3 a5 a10 a11 are past their deadline.
        today: { date: '2026-04-10', submitted: 1, received: 1 },
        backlog: 6,
        overdueNow: 4,
      });
      expect(response.body.figures).toEqual(MARCH.A);
      expect(response.body.figures).toEqual(await rankedFigures('departments', world.power.id));
    });

    it("gives a dispatcher the township's figures, the same as the ranking's township", async () => {
      const response = await get(dispatcher, `overview?${MARCH_RANGE}`);
      expect(response.status).toBe(200);
      // t1 waits in triage; backlog adds b4, f1 and t1; b4 is past its deadline too.
      expect(response.body).toMatchObject({
        today: { submitted: 2, received: 1 },
        backlog: 9,
        overdueNow: 5,
        scope: { departmentId: null },
      });
      expect(response.body.figures).toEqual(MARCH.chengguan);
      expect(response.body.figures).toEqual(await rankedFigures('townships', REGIONS.chengguan));
    });

    it('gives the county its whole county or a township it asks for', async () => {
      const whole = await get(county, `overview?${MARCH_RANGE}`);
      expect(whole.body).toMatchObject({ backlog: 11, overdueNow: 6 });
      expect(whole.body.figures).toEqual(await rankedFigures('counties', REGIONS.county));
      const township = await get(county, `overview?${MARCH_RANGE}&regionCode=${REGIONS.jianchi}`);
      expect(township.body.scope).toMatchObject({ regionCode: REGIONS.jianchi, regionName: '涧池镇' });
      expect(township.body.figures).toEqual(await rankedFigures('townships', REGIONS.jianchi));
      expect((await get(sysadmin, `overview?${MARCH_RANGE}`)).body.figures).toEqual(MARCH.county);
    });

    it('defaults to this month up to today', async () => {
      const response = await get(dispatcher, 'overview');
      expect(response.body).toMatchObject({ from: '2026-04-01', to: '2026-04-10' });
      // a11 and a12 arrived in April; the return of a11 at midnight on 1 April.
      expect(response.body.figures).toMatchObject({ received: 2, returns: 1 });
    });
  });

  it('draws daily received, resolved and overdue counts on China calendar days', async () => {
    const response = await get(dispatcher, 'trends?from=2026-03-01&to=2026-03-10');
    expect(response.status).toBe(200);
    const series = (name: 'received' | 'resolved' | 'overdue') =>
      response.body.days.map((day: Record<string, number>) => day[name]);
    expect(response.body.days.map((day: { date: string }) => day.date)).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
    ]);
    // Received by dispatch: a1 (15:59Z on 28 Feb is 1 March here), a5 b1, a6, a2, b4, a3; a7 and a8 were rejected and merged.
    expect(series('received')).toEqual([1, 2, 1, 0, 1, 0, 0, 1, 0, 1]);
    // Resolved: a9 on 1 March (February's report), a1 a6 b1 on the 4th; a5 was reopened.
    expect(series('resolved')).toEqual([1, 0, 0, 3, 0, 0, 0, 0, 0, 0]);
    // Overdue by the day the deadline passed: a5 on the 9th.
    expect(series('overdue')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
  });

  describe('breakdown', () => {
    it('splits by department with the figures of the ranking', async () => {
      const response = await get(county, `breakdown?by=department&${MARCH_RANGE}`);
      expect(response.status).toBe(200);
      expect(response.body.by).toBe('department');
      expect(response.body.items).toEqual([
        { key: world.power.id, name: '城关镇供电所', ...MARCH.A },
        { key: world.agriculture.id, name: '县农业农村局', ...MARCH.B },
        { key: world.civil.id, name: '县民政局', ...MARCH.F },
        { key: world.jianchiPower.id, name: '涧池镇供电所', ...MARCH.C },
      ]);
    });

    it('splits by category, township and village, returns going with the returned report', async () => {
      const byCategory = await get(county, `breakdown?by=category&${MARCH_RANGE}`);
      expect(
        byCategory.body.items.map((item: { key: string | null; name: string; received: number; returns: number }) => [
          item.key,
          item.name,
          item.received,
          item.returns,
        ]),
      ).toEqual([
        ['power', '供电', 7, 1],
        ['agri', '农业灾害', 4, 1],
        [null, '未分类', 1, 0],
      ]);
      const byTownship = await get(county, `breakdown?by=township&${MARCH_RANGE}`);
      expect(byTownship.body.items).toEqual([
        { key: REGIONS.chengguan, name: '城关镇', ...MARCH.chengguan },
        { key: REGIONS.jianchi, name: '涧池镇', ...MARCH.jianchi },
      ]);
      const byVillage = await get(dispatcher, `breakdown?by=village&${MARCH_RANGE}`);
      expect(byVillage.body.items).toEqual([{ key: REGIONS.chengguanVillage, name: '五一村', ...MARCH.chengguan }]);
    });
  });

  describe('access and input', () => {
    it.each(ROUTES)('answers 401 without a token: %s', async (path) => {
      expect((await app.http.get(`/api/v1/staff/stats/${path}`)).status).toBe(401);
    });

    it.each(ROUTES)('answers 403 to roles that do not supervise and outside the region: %s', async (path) => {
      const gridWorker = staffToken(
        app.deps,
        await buildStaff(app.dataSource, { role: 'grid_worker', regionCode: REGIONS.chengguanGrid }),
      );
      const cadre = staffToken(
        app.deps,
        await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.chengguanVillage }),
      );
      expect((await get(gridWorker, path)).status).toBe(403);
      expect((await get(cadre, path)).status).toBe(403);
      const separator = path.includes('?') ? '&' : '?';
      const outside = await get(dispatcher, `${path}${separator}regionCode=${REGIONS.jianchi}`);
      expect(outside.status).toBe(403);
      expect(outside.body.error.code).toBe('forbidden');
    });

    it('answers 403 to a handler without a department', async () => {
      const orphan = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'handler', departmentId: null }));
      expect((await get(orphan, 'overview')).status).toBe(403);
    });

    it.each([
      ['overview?from=2026-02-30', 'from'],
      ['overview?to=yesterday', 'to'],
      ['overview?from=2026-03-10&to=2026-03-01', 'from'],
      ['trends?from=2025-01-01&to=2026-03-31', 'from'],
      ['trends?regionCode=abc', 'regionCode'],
      ['overview?regionCode=610921100999', 'regionCode'],
      ['breakdown', 'by'],
      ['breakdown?by=weather', 'by'],
    ])('answers 400 for %s naming %s', async (path, field) => {
      const response = await get(county, path);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'bad_request', field });
    });
  });
});
