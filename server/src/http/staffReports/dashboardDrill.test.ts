import { figureDrill } from '@minqing/shared';
import type { FigureKey, StaffOverview } from '@minqing/shared';
import { REGIONS, bearer, buildStaff, staffToken } from '../../test/factories';
import { STATS_NOW, buildStatsWorld } from '../../test/statsWorld';
import { type TestApp, createTestApp } from '../../test/testApp';

const MARCH = { from: '2026-03-01', to: '2026-03-31' };

/** The number each card shows: the count itself, or a rate's numerator (the rows it opens). */
const SHOWN: Record<Exclude<FigureKey, 'returns'>, (overview: StaffOverview) => number> = {
  todaySubmitted: (overview) => overview.today.submitted,
  todayReceived: (overview) => overview.today.received,
  backlog: (overview) => overview.backlog,
  overdueNow: (overview) => overview.overdueNow,
  received: (overview) => overview.figures.received,
  responseRate: (overview) => overview.figures.responded,
  resolved: (overview) => overview.figures.resolved,
  resolvedRate: (overview) => overview.figures.resolved,
  onTimeRate: (overview) => overview.figures.resolvedOnTime,
  satisfactionRate: (overview) => overview.figures.satisfied,
  overdue: (overview) => overview.figures.overdue,
  repeatComplaints: (overview) => overview.figures.repeatComplaints,
};
const FIGURES = Object.keys(SHOWN) as (keyof typeof SHOWN)[];
const ROLES = ['handler', 'dispatcher', 'county'] as const;

describe('every dashboard figure opens exactly the reports it counts', () => {
  let app: TestApp;
  const tokens: Record<(typeof ROLES)[number], string> = { handler: '', dispatcher: '', county: '' };
  const overviews = new Map<string, StaffOverview>();

  beforeAll(async () => {
    app = await createTestApp({ clock: () => STATS_NOW });
    const world = await buildStatsWorld(app.dataSource);
    tokens.handler = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id }),
    );
    tokens.dispatcher = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher' }));
    tokens.county = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }),
    );
    for (const role of ROLES) {
      const response = await app.http
        .get(`/api/v1/staff/stats/overview?from=${MARCH.from}&to=${MARCH.to}`)
        .set(bearer(tokens[role]));
      overviews.set(role, response.body);
    }
  });
  afterAll(() => app.close());

  /** The drill link as the queue sends it: the 全部 tab is no filter. */
  function queueQuery(figure: FigureKey, overview: StaffOverview): URLSearchParams {
    const drill = figureDrill(figure, MARCH, overview.today.date) ?? {};
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(drill))
      if (value && !(name === 'tab' && value === 'all')) params.set(name, value);
    return params;
  }

  describe.each(ROLES)('as %s', (role) => {
    it.each(FIGURES)('%s: the queue total is the figure', async (figure) => {
      const overview = overviews.get(role) as StaffOverview;
      const shown = SHOWN[figure](overview);
      const params = queueQuery(figure, overview);
      const list = await app.http.get(`/api/v1/staff/reports?${params}&pageSize=100`).set(bearer(tokens[role]));
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(shown);
      // The tab bar over the list agrees: the link's tab counts the same reports.
      const tab = params.get('tab') ?? 'all';
      params.delete('tab');
      const counts = await app.http.get(`/api/v1/staff/reports/counts?${params}`).set(bearer(tokens[role]));
      expect(counts.body[tab]).toBe(shown);
    });
  });

  it('has figures to compare: the world is not empty', () => {
    const county = overviews.get('county') as StaffOverview;
    expect(county.backlog).toBeGreaterThan(0);
    expect(county.figures.received).toBeGreaterThan(0);
    expect(county.figures.overdue).toBeGreaterThan(0);
  });

  it('answers 400 naming the field for a figure without its period', async () => {
    const response = await app.http
      .get('/api/v1/staff/reports?figure=received&periodTo=2026-03-31')
      .set(bearer(tokens.county));
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('periodFrom');
    expect(
      (await app.http.get('/api/v1/staff/reports?figure=nonsense').set(bearer(tokens.county))).body.error.field,
    ).toBe('figure');
  });
});
